package kr.chamyeo.voting.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.IntStream;

/**
 * Mints RS256 tokens for deploy/bench/voting with the JDK alone, so the script can run it with the source
 * launcher ({@code java MintBenchTokens.java ...}) without a build classpath:
 * <pre>
 *   MintBenchTokens &lt;pkcs8-private-key.pem&gt; &lt;issuer&gt; officer &lt;district&gt;          → one token on stdout
 *   MintBenchTokens &lt;pkcs8-private-key.pem&gt; &lt;issuer&gt; admin                     → a CITY_ADMIN token on stdout
 *   MintBenchTokens &lt;pkcs8-private-key.pem&gt; &lt;issuer&gt; trustee &lt;subject&gt;          → a TRUSTEE token on stdout
 *   MintBenchTokens &lt;pkcs8-private-key.pem&gt; &lt;issuer&gt; residents &lt;count&gt; &lt;prefix&gt; &lt;file&gt; → one token a line
 * </pre>
 * Residents all live in Geumcheon-gu (11545), spread over its dongs, both sexes and ages 19–80, so the
 * turnout breakdowns of the benchmark ballot have realistic cells.
 */
public final class MintBenchTokens {

    private static final String[] DONGS = {"가산동", "독산1동", "독산2동", "독산3동", "독산4동", "시흥1동", "시흥2동", "시흥3동", "시흥4동", "시흥5동"};
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private MintBenchTokens() {
    }

    public static void main(String[] args) throws Exception {
        String pem = Files.readString(Path.of(args[0])).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String issuer = args[1];
        long now = Instant.now().getEpochSecond();
        String common = ",\"iss\":\"" + issuer + "\",\"iat\":" + (now - 60) + ",\"exp\":" + (now + 4 * 3600) + "}";
        if (args[2].equals("officer")) {
            System.out.println(sign(key, "{\"sub\":\"bench-officer\",\"upn\":\"bench-officer\",\"groups\":[\"OFFICER\"],\"district\":\""
                    + args[3] + "\"" + common));
            return;
        }
        if (args[2].equals("admin") || args[2].equals("trustee")) {
            String sub = args[2].equals("admin") ? "bench-admin" : args[3];
            System.out.println(sign(key, "{\"sub\":\"" + sub + "\",\"upn\":\"" + sub + "\",\"groups\":[\""
                    + (args[2].equals("admin") ? "CITY_ADMIN" : "TRUSTEE") + "\"]" + common));
            return;
        }
        int count = Integer.parseInt(args[3]);
        String prefix = args[4];
        String[] tokens = new String[count];
        ThreadLocal<Signature> signers = ThreadLocal.withInitial(() -> signer(key));
        IntStream.range(0, count).parallel().forEach(i -> {
            int birthYear = 1946 + (i * 7919 % 62);
            String sub = prefix + i;
            tokens[i] = sign(signers.get(), "{\"sub\":\"" + sub + "\",\"upn\":\"" + sub + "\",\"groups\":[\"RESIDENT\"],\"district\":\"11545\","
                    + "\"dong\":\"" + DONGS[i % DONGS.length] + "\",\"birth_year\":" + birthYear + ",\"sex\":\"" + (i % 2 == 0 ? "F" : "M") + "\""
                    + common);
        });
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[5]), StandardCharsets.US_ASCII)) {
            for (String token : tokens) {
                out.write(token);
                out.write('\n');
            }
        }
    }

    private static Signature signer(PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            return signature;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(PrivateKey key, String claims) {
        return sign(signer(key), claims);
    }

    private static String sign(Signature signer, String claims) {
        String input = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
