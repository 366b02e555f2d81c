package kr.chamyeo.platform.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a token subject under a secret: what the voting roll (one vote per person and ballot) and the
 * gateway's access log (caller tags) keep instead of the subject. Keyed, so that nobody holding the stored hashes and
 * a list of subjects can test one against the other without the secret.
 */
public final class SubjectHash {

    public static final int MIN_SECRET_LENGTH = 32;

    // One MAC per thread: Mac.getInstance for every hash cost more than the MAC itself.
    private final ThreadLocal<Mac> macs;

    /** {@code setting} names the configuration the secret comes from, for the error when it is too short. */
    public SubjectHash(String secret, String setting) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(setting + " must be at least " + MIN_SECRET_LENGTH + " characters");
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

    /** HMAC(secret, context ‖ subject); the context keeps one person's hashes in two places from matching. */
    public byte[] of(byte[] context, String subject) {
        Mac mac = macs.get();
        mac.update(context);
        return mac.doFinal(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
    }
}
