package kr.chamyeo.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Set;

import kr.chamyeo.stack.DevTokens;

/**
 * Tokens signed with the running stack's development key ({@code $CHAMYEO_STACK_DIR/keys}), with the claims
 * {@code stack token} puts in and its issuer, key id and audience (its {@code DevTokens.Signer}): with Keycloak on,
 * the realm publishes that key beside its own, so the services verify these like Keycloak's tokens. Signing
 * in-process rather than through {@code stack token} keeps 1,256 voters from costing 1,256 JVM starts.
 */
public final class Tokens {

    public static final String GEUMCHEON = "11545";
    private static final String[] DONGS = {"가산동", "독산1동", "독산2동", "독산3동", "독산4동", "시흥1동", "시흥2동", "시흥3동", "시흥4동", "시흥5동"};

    private final DevTokens.Signer signer;

    Tokens(Path keys) {
        try {
            signer = DevTokens.signer(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer the stack's services trust (its Keycloak realm's, or the development one without Keycloak). */
    public String issuer() {
        return signer.issuer();
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
        return signer.sign("expired-1", Set.of(role), district, null, null, null, now - 7200, now - 3600);
    }

    /** Right claims, issuer and key id, signed by a key the stack never issued. */
    public String forged(String role, String district) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            long now = Instant.now().getEpochSecond();
            return new DevTokens.Signer(generator.generateKeyPair().getPrivate(), signer.issuer(), signer.keyId())
                    .sign("forged-1", Set.of(role), district, null, null, null, now, now + 3600);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code "alg": "none"}) claiming to be a city administrator. */
    public String unsigned() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"iss\":\"" + signer.issuer() + "\",\"aud\":\"" + DevTokens.AUDIENCE
                        + "\",\"sub\":\"x\",\"groups\":[\"CITY_ADMIN\"],\"exp\":" + (now + 3600) + "}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
    }

    public String sign(String sub, String role, String district, String dong, Integer birthYear, String sex) {
        long now = Instant.now().getEpochSecond();
        return signer.sign(sub, Set.of(role.split(",")), district, dong, birthYear, sex, now, now + 4 * 3600);
    }
}
