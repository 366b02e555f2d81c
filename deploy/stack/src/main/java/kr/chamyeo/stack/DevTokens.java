package kr.chamyeo.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
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
 * and mints tokens with the claims the services read, so anyone can call the API right away. The issuer is the
 * one in {@code KEYDIR/issuer} ({@code stack up} writes its Keycloak realm's there: the realm publishes this key
 * too, see {@link LocalRealm}), else {@value #ISSUER}; the key id is the one Keycloak gives the key, and the
 * audience {@value #AUDIENCE} the one the services may require ({@code MP_JWT_VERIFY_AUDIENCES}).
 *
 * <pre>
 * DevTokens keys   KEYDIR
 * DevTokens token  KEYDIR --role OFFICER [--district 11545] [--sub ID] [--dong 독산1동] [--birth-year 1990] [--sex F] [--ttl 3600]
 * DevTokens tokens KEYDIR --count 1000 --role RESIDENT --district 11545 [--prefix voter-]   (one per line; varied dong/age/sex)
 * </pre>
 */
public final class DevTokens {

    public static final String ISSUER = "https://chamyeo.local/dev";
    public static final String AUDIENCE = "chamyeo";
    private static final String[] DONGS = {"가산동", "독산1동", "독산2동", "독산3동", "독산4동", "시흥1동", "시흥2동", "시흥3동", "시흥4동", "시흥5동"};

    private DevTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DevTokens keys|token|tokens KEYDIR [options]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        Signer signer = signer(dir);
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "keys" -> System.out.println(dir.resolve("jwt-public.pem"));
            case "token" -> System.out.println(signer.token(options.getOrDefault("sub", defaultSubject(options)), options));
            case "tokens" -> {
                int count = Integer.parseInt(options.getOrDefault("count", "100"));
                String prefix = options.getOrDefault("prefix", "voter-");
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    Map<String, String> claims = new HashMap<>(options);
                    claims.putIfAbsent("dong", DONGS[i % DONGS.length]);
                    claims.putIfAbsent("birth-year", String.valueOf(1950 + (i * 7) % 56));
                    claims.putIfAbsent("sex", i % 2 == 0 ? "F" : "M");
                    out.append(signer.token(prefix + i, claims)).append('\n');
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

    /** Signs tokens as the stack's identity provider does: its issuer, key id and audience. */
    public record Signer(PrivateKey key, String issuer, String keyId) {

        /** Claims from {@code stack token}'s options: role (comma-separated), district, dong, birth-year, sex, ttl. */
        String token(String subject, Map<String, String> options) {
            long now = Instant.now().getEpochSecond();
            return sign(subject, Set.of(options.getOrDefault("role", "RESIDENT").split(",")), options.get("district"),
                    options.get("dong"), options.containsKey("birth-year") ? Integer.valueOf(options.get("birth-year")) : null,
                    options.get("sex"), now, now + Long.parseLong(options.getOrDefault("ttl", "3600")));
        }

        public String sign(String subject, Set<String> roles, String district, String dong, Integer birthYear, String sex,
                long issuedAt, long expiresAt) {
            JwtClaimsBuilder claims = Jwt.claims().issuer(issuer).audience(AUDIENCE).subject(subject).upn(subject)
                    .groups(roles).issuedAt(issuedAt).expiresAt(expiresAt);
            if (district != null) {
                claims.claim("district", district);
            }
            if (dong != null) {
                claims.claim("dong", dong);
            }
            if (birthYear != null) {
                claims.claim("birth_year", birthYear);
            }
            if (sex != null) {
                claims.claim("sex", sex);
            }
            return claims.jws().keyId(keyId).sign(key);
        }
    }

    /** The stack's signer for the keys in {@code dir} (made if missing). */
    public static Signer signer(Path dir) throws IOException, GeneralSecurityException {
        return new Signer(ensureKeys(dir), issuer(dir), keyId(dir));
    }

    /** The issuer the running stack's services trust: {@code KEYDIR/issuer}, written by {@code stack up}, else {@value #ISSUER}. */
    public static String issuer(Path dir) throws IOException {
        Path file = dir.resolve("issuer");
        return Files.exists(file) ? Files.readString(file).trim() : ISSUER;
    }

    /** Keycloak's id for an RSA key (base64url of the SHA-256 of its X.509 encoding): its JWKS names the key so. */
    static String keyId(Path dir) throws IOException, GeneralSecurityException {
        byte[] encoded = KeyUtils.decodePublicKey(Files.readString(dir.resolve("jwt-public.pem"))).getEncoded();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(encoded));
    }

    static PrivateKey ensureKeys(Path dir) throws IOException, GeneralSecurityException {
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
