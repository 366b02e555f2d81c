package kr.chamyeo.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed RS256 tokens for tests. The key pair is made per JVM and never written to the repository; only
 * the public key goes to a temp file that the service under test verifies with.
 */
public final class TestTokens {

    public static final String ISSUER = "https://chamyeo.local/test";
    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER_KEYS = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("chamyeo-test-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** Starts a token for {@code subject} with {@code role}; finish it with {@link Builder#sign()}. */
    public static Builder token(String subject, String role) {
        return new Builder(subject, role);
    }

    public static String cityAdmin() {
        return token("admin-1", "CITY_ADMIN").sign();
    }

    public static String officer(String district) {
        return token("officer-" + district, "OFFICER").district(district).sign();
    }

    public static String committee(String district, String subject) {
        return token(subject, "COMMITTEE").district(district).sign();
    }

    public static String partner(String district) {
        return token("partner-" + district, "PARTNER").district(district).sign();
    }

    public static String resident(String subject, String district, String dong, int birthYear, String sex) {
        return token(subject, "RESIDENT").district(district).dong(dong).birthYear(birthYear).sex(sex).sign();
    }

    public static final class Builder {
        private final JwtClaimsBuilder claims;
        private long expiresAt = Instant.now().plusSeconds(3600).getEpochSecond();
        private String issuer = ISSUER;
        private boolean strangerKey;

        private Builder(String subject, String role) {
            claims = Jwt.claims().subject(subject).upn(subject).groups(Set.of(role));
        }

        public Builder district(String code) {
            claims.claim("district", code);
            return this;
        }

        public Builder dong(String dong) {
            claims.claim("dong", dong);
            return this;
        }

        public Builder birthYear(int year) {
            claims.claim("birth_year", year);
            return this;
        }

        public Builder sex(String sex) {
            claims.claim("sex", sex);
            return this;
        }

        public Builder roles(String... roles) {
            claims.groups(Set.of(roles));
            return this;
        }

        public Builder expired() {
            expiresAt = Instant.now().minusSeconds(600).getEpochSecond();
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        /** Signed with a key the services do not trust. */
        public Builder wronglySigned() {
            strangerKey = true;
            return this;
        }

        public String sign() {
            return claims.issuer(issuer).issuedAt(Instant.now().minusSeconds(60).getEpochSecond()).expiresAt(expiresAt)
                    .jws().sign((strangerKey ? STRANGER_KEYS : KEYS).getPrivate());
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
