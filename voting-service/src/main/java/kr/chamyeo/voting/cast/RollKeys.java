package kr.chamyeo.voting.cast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The roll's keyed voter hash. The roll holds HMAC-SHA256(secret, ballot id ‖ subject):
 * stable per person and ballot, so a second vote collides on the roll's primary key, yet without the secret
 * nobody can test a subject against it, and the same person's rows in two ballots do not match.
 */
@ApplicationScoped
public class RollKeys {

    private final SecretKeySpec key;
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
}
