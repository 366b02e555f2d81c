package kr.chamyeo.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The local stack's development identity provider: makes an RS256 key pair on first start (never committed)
 * and mints tokens with the claims the services read, so anyone can call the API right away.
 *
 * <pre>
 * DevTokens keys   KEYDIR
 * DevTokens token  KEYDIR --role OFFICER [--district 11545] [--sub ID] [--dong 독산1동] [--birth-year 1990] [--sex F] [--ttl 3600]
 * DevTokens tokens KEYDIR --count 1000 --role RESIDENT --district 11545 [--prefix voter-]   (one per line; varied dong/age/sex)
 * </pre>
 */
public final class DevTokens {

    public static final String ISSUER = "https://chamyeo.local/dev";
    private static final String[] DONGS = {"가산동", "독산1동", "독산2동", "독산3동", "독산4동", "시흥1동", "시흥2동", "시흥3동", "시흥4동", "시흥5동"};

    private DevTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DevTokens keys|token|tokens KEYDIR [options]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        PrivateKey key = ensureKeys(dir);
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "keys" -> System.out.println(dir.resolve("jwt-public.pem"));
            case "token" -> System.out.println(token(key, options.getOrDefault("sub", defaultSubject(options)), options));
            case "tokens" -> {
                int count = Integer.parseInt(options.getOrDefault("count", "100"));
                String prefix = options.getOrDefault("prefix", "voter-");
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    Map<String, String> claims = new HashMap<>(options);
                    claims.putIfAbsent("dong", DONGS[i % DONGS.length]);
                    claims.putIfAbsent("birth-year", String.valueOf(1950 + (i * 7) % 56));
                    claims.putIfAbsent("sex", i % 2 == 0 ? "F" : "M");
                    out.append(token(key, prefix + i, claims)).append('\n');
                }
                System.out.print(out);
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static String defaultSubject(Map<String, String> options) {
        String role = options.getOrDefault("role", "RESIDENT").toLowerCase();
        return options.containsKey("district") ? role + "-" + options.get("district") : role + "-1";
    }

    static String token(PrivateKey key, String subject, Map<String, String> options) {
        long ttl = Long.parseLong(options.getOrDefault("ttl", "3600"));
        JwtClaimsBuilder claims = Jwt.claims().issuer(ISSUER).subject(subject).upn(subject)
                .groups(Set.of(options.getOrDefault("role", "RESIDENT").split(",")))
                .issuedAt(Instant.now().getEpochSecond()).expiresAt(Instant.now().getEpochSecond() + ttl);
        if (options.containsKey("district")) {
            claims.claim("district", options.get("district"));
        }
        if (options.containsKey("dong")) {
            claims.claim("dong", options.get("dong"));
        }
        if (options.containsKey("birth-year")) {
            claims.claim("birth_year", Integer.parseInt(options.get("birth-year")));
        }
        if (options.containsKey("sex")) {
            claims.claim("sex", options.get("sex"));
        }
        return claims.jws().sign(key);
    }

    static PrivateKey ensureKeys(Path dir) throws IOException, java.security.GeneralSecurityException {
        Path privatePem = dir.resolve("jwt-private.pem");
        Path publicPem = dir.resolve("jwt-public.pem");
        if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
            Files.createDirectories(dir);
            KeyPair pair = generate();
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        return KeyUtils.decodePrivateKey(Files.readString(privatePem));
    }

    private static KeyPair generate() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
