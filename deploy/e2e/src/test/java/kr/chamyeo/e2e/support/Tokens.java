package kr.chamyeo.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Tokens signed with the running stack's development key ({@code $CHAMYEO_STACK_DIR/keys}), with the claims
 * {@code stack token} puts in, so every call carries a token the services really verify. Signing in-process
 * rather than through {@code stack token} keeps 1,256 voters from costing 1,256 JVM starts.
 */
public final class Tokens {

    public static final String ISSUER = "https://chamyeo.local/dev";
    public static final String GEUMCHEON = "11545";
    private static final String[] DONGS = {"가산동", "독산1동", "독산2동", "독산3동", "독산4동", "시흥1동", "시흥2동", "시흥3동", "시흥4동", "시흥5동"};

    private final PrivateKey key;

    Tokens(Path keys) {
        try {
            key = KeyUtils.decodePrivateKey(Files.readString(keys.resolve("jwt-private.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String officer(String district) {
        return sign("officer-" + district, "OFFICER", district, null, null, null);
    }

    public String cityAdmin() {
        return sign("city-admin-1", "CITY_ADMIN", null, null, null, null);
    }

    public String committee(String district, String sub) {
        return sign(sub, "COMMITTEE", district, null, null, null);
    }

    public String partner(String district) {
        return sign("partner-" + district, "PARTNER", district, null, null, null);
    }

    public String resident(String sub, String district, String dong, int birthYear, String sex) {
        return sign(sub, "RESIDENT", district, dong, birthYear, sex);
    }

    /** The n-th of a district's residents, spread over its dongs, ages and both sexes like {@code stack tokens}. */
    public String resident(String district, int n) {
        return resident("resident-" + district + "-" + n, district, DONGS[n % DONGS.length], 1950 + (n * 7) % 56,
                n % 2 == 0 ? "F" : "M");
    }

    public static String dongOf(int n) {
        return DONGS[n % DONGS.length];
    }

    /** Well-formed and signed by the stack's key, but expired an hour ago. */
    public String expired(String role, String district) {
        long now = Instant.now().getEpochSecond();
        return Jwt.claims().issuer(ISSUER).subject("expired-1").groups(Set.of(role)).claim("district", district)
                .issuedAt(now - 7200).expiresAt(now - 3600).jws().sign(key);
    }

    /** Right claims, signed by a key the stack never issued. */
    public static String forged(String role, String district) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            long now = Instant.now().getEpochSecond();
            return Jwt.claims().issuer(ISSUER).subject("forged-1").groups(Set.of(role)).claim("district", district)
                    .issuedAt(now).expiresAt(now + 3600).jws().sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code "alg": "none"}) claiming to be a city administrator. */
    public static String unsigned() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"x\",\"groups\":[\"CITY_ADMIN\"],\"exp\":" + (now + 3600) + "}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
    }

    public String sign(String sub, String role, String district, String dong, Integer birthYear, String sex) {
        long now = Instant.now().getEpochSecond();
        JwtClaimsBuilder claims = Jwt.claims().issuer(ISSUER).subject(sub).upn(sub).groups(Set.of(role.split(",")))
                .issuedAt(now).expiresAt(now + 4 * 3600);
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
        return claims.jws().sign(key);
    }
}
