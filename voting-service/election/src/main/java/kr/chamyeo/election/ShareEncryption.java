package kr.chamyeo.election;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The private channel between trustees (PROTOCOL.md §5.2), in place of Belenios' signed-and-encrypted channel
 * messages (specification v1.5 §4.5.3 "Channels") and ElectionGuard's hashed ElGamal share encryption: ECIES
 * on P-256 with AES-256-GCM. The key hashes the election, both indexes and the ephemeral point, and the same
 * triple is the AAD, so a share cannot be moved to another election or pair of trustees without failing.
 * The server only relays these messages and cannot read them.
 */
final class ShareEncryption {

    static final String KEY_TAG = "chamyeo/share-key";
    private static final HexFormat HEX = HexFormat.of();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int SEALED_HEX = 2 * (32 + TAG_BITS / 8);

    private ShareEncryption() {
    }

    static KeyCeremony.EncryptedShare seal(Randomness random, String electionId, int from, int to,
            ECPoint recipientKey, BigInteger share) {
        BigInteger e = random.scalar();
        ECPoint ephemeral = Group.base(e);
        byte[] nonce = random.bytes(NONCE_BYTES);
        byte[] sealed;
        try {
            sealed = aes(Cipher.ENCRYPT_MODE, key(electionId, from, to, ephemeral, Group.mul(recipientKey, e)),
                    nonce, electionId, from, to, scalarBytes(share));
        } catch (GeneralSecurityException jcaWithoutAesGcm) {
            throw new IllegalStateException(jcaWithoutAesGcm);
        }
        return new KeyCeremony.EncryptedShare(from, to, Group.hex(ephemeral), HEX.formatHex(nonce),
                HEX.formatHex(sealed));
    }

    /** The share, or empty when it does not authenticate under the recipient's long-term key x_to. */
    static Optional<BigInteger> open(String electionId, KeyCeremony.EncryptedShare share, BigInteger recipientSecret) {
        try {
            ECPoint ephemeral = Group.point(share.ephemeral());
            byte[] plain = aes(Cipher.DECRYPT_MODE,
                    key(electionId, share.from(), share.to(), ephemeral, Group.mul(ephemeral, recipientSecret)),
                    HEX.parseHex(share.nonce()), electionId, share.from(), share.to(),
                    HEX.parseHex(share.sealed()));
            BigInteger value = new BigInteger(1, plain);
            return plain.length == 32 && value.compareTo(Group.order()) < 0 ? Optional.of(value) : Optional.empty();
        } catch (IllegalArgumentException | GeneralSecurityException undecryptable) {
            return Optional.empty();
        }
    }

    static boolean wellFormed(KeyCeremony.EncryptedShare share) {
        try {
            Group.point(share.ephemeral());
            return share.nonce().matches("[0-9a-f]{" + 2 * NONCE_BYTES + "}")
                    && share.sealed().matches("[0-9a-f]{" + SEALED_HEX + "}");
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    /** SHA-256("chamyeo/share-key|electionId|from|to|E|Z"), Z = e·X_to = x_to·E. */
    static byte[] key(String electionId, int from, int to, ECPoint ephemeral, ECPoint shared) {
        return Hash.digest(KEY_TAG, electionId, from, to, ephemeral, shared);
    }

    /** The share as 32 bytes, big-endian. */
    static byte[] scalarBytes(BigInteger share) {
        return HEX.parseHex(Group.hex(share));
    }

    private static byte[] aes(int mode, byte[] key, byte[] nonce, String electionId, int from, int to,
            byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((electionId + "|" + from + "|" + to).getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
    }
}
