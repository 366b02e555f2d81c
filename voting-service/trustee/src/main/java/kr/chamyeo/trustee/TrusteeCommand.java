package kr.chamyeo.trustee;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code trustee --api URL --token-file FILE --secrets DIR [--once] [--every 2s]}: a trustee's command (deploy/trustee).
 * It takes part in every key ceremony and counting of the elections the token's subject holds a seat in, and keeps the
 * share files in DIR. The token file is read again for every call, so an operator can renew the token while it runs.
 */
public final class TrusteeCommand {

    private TrusteeCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--once")) {
                options.put("once", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                usage("unexpected argument " + args[i]);
            }
        }
        String api = options.getOrDefault("api", "http://localhost:8080/api/v1/voting");
        String tokenFile = options.get("token-file");
        String secrets = options.get("secrets");
        if (tokenFile == null || secrets == null) {
            usage("--token-file and --secrets are required");
        }
        Supplier<String> token = () -> {
            try {
                return Files.readString(Path.of(tokenFile)).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the token file " + tokenFile, e);
            }
        };
        TrusteeRunner runner = new TrusteeRunner(api, token, Path.of(secrets));
        Duration every = Duration.parse("PT" + options.getOrDefault("every", "2s"));
        do {
            try {
                int steps = runner.step();
                if (steps > 0) {
                    System.out.println("trustee: published " + steps + " step(s)");
                    continue;
                }
            } catch (RuntimeException e) {
                System.err.println("trustee: " + e.getMessage());
            }
            if (!options.containsKey("once")) {
                Thread.sleep(every.toMillis());
            }
        } while (!options.containsKey("once"));
    }

    private static void usage(String problem) {
        System.err.println("trustee: " + problem + "\nusage: trustee --api URL --token-file FILE --secrets DIR [--once] [--every 2s]");
        System.exit(2);
    }
}
