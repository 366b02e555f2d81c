package kr.chamyeo.voting.cast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keys that keep the roll and the box unlinkable. The roll holds HMAC-SHA256(secret, ballot id ‖ subject):
 * stable per person and ballot, so a second vote collides on the roll's primary key, yet without the secret
 * nobody can test a subject against it, and the same person's rows in two ballots do not match. The box
 * holds SHA-256 of a random receipt code that only the voter receives.
 */
@ApplicationScoped
public class RollKeys {

    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    // One generator per thread: the default NativePRNG serialises every caller on one lock.
    private final ThreadLocal<SecureRandom> randoms = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private final ThreadLocal<Mac> macs;

    public RollKeys(@ConfigProperty(name = "chamyeo.voting.roll-secret") String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("chamyeo.voting.roll-secret must be at least 32 characters");
        }
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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

    public byte[] voterHash(UUID ballotId, String subject) {
        Mac mac = macs.get();
        mac.update(ByteBuffer.allocate(16).putLong(ballotId.getMostSignificantBits()).putLong(ballotId.getLeastSignificantBits()).array());
        return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh receipt code: 128 random bits as 32 lowercase hex digits. */
    public String newReceiptCode() {
        byte[] bytes = new byte[16];
        randoms.get().nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    public static boolean isReceiptCode(String code) {
        return code != null && code.matches("[0-9a-f]{32}");
    }

    public static byte[] receiptHash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
