package kr.chamyeo.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The access log's short name for a token subject: the first 40 bits of HMAC-SHA256(secret, subject). An unkeyed
 * hash let anyone holding the log and a list of subjects (a district's residents) reverse every tag; keyed, the tags
 * still tell one caller's requests apart for abuse investigations but name nobody without the secret.
 */
final class CallerTags {

    static final int MIN_SECRET_LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    // One MAC per event loop: Mac.getInstance for every new token cost more than the MAC itself.
    private final ThreadLocal<Mac> macs;

    CallerTags(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("chamyeo.gateway.log-secret (CHAMYEO_GATEWAY_LOG_SECRET) must be at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    String tag(String subject) {
        byte[] mac = macs.get().doFinal(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(mac, 0, 5);
    }
}
