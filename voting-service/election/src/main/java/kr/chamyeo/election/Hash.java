package kr.chamyeo.election;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The one hash every proof and chain uses (PROTOCOL.md §2): SHA-256 over the UTF-8 text
 * {@code tag|part|part|…}, where a point is its compressed hex, a scalar its 64 hex digits and anything
 * else its {@code toString()}. Challenges cover the whole statement (Bernhard, Pereira, Warinschi 2012):
 * callers pass the group name, the public key and every ciphertext, not only the commitments.
 */
public final class Hash {

    /** The length of the challenges of a client ballot's proofs (PROTOCOL.md §2 "short challenge", §4.2). */
    static final int SHORT_CHALLENGE_BITS = 128;

    private static final HexFormat HEX = HexFormat.of();

    private Hash() {
    }

    public static byte[] digest(String tag, Object... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(tag.getBytes(StandardCharsets.UTF_8));
        for (Object part : parts) {
            sha.update((byte) '|');
            sha.update(text(part).getBytes(StandardCharsets.UTF_8));
        }
        return sha.digest();
    }

    public static String hex(String tag, Object... parts) {
        return HEX.formatHex(digest(tag, parts));
    }

    /** A Fiat–Shamir challenge: the digest as a big-endian integer, reduced mod q. */
    public static BigInteger challenge(String tag, Object... parts) {
        return new BigInteger(1, digest(tag, parts)).mod(Group.order());
    }

    /** A client ballot's proof challenge: the first 128 bits of the digest, big-endian (PROTOCOL.md §2). */
    static BigInteger shortChallenge(String tag, Object... parts) {
        return new BigInteger(1, java.util.Arrays.copyOf(digest(tag, parts), SHORT_CHALLENGE_BITS / 8));
    }

    /**
     * True for the identifiers that go into hashes as free text (election ids, decryption contexts): they may not
     * contain the separators '|', ';' or ',' or anything outside a small alphabet, so that two different
     * statements can never hash the same text.
     */
    public static boolean isLabel(String label) {
        return label != null && label.matches("[A-Za-z0-9._:/-]{1,200}");
    }

    static String text(Object part) {
        if (part instanceof ECPoint p) {
            return Group.hex(p);
        }
        if (part instanceof BigInteger k) {
            return Group.hex(k);
        }
        if (part instanceof Ciphertext c) {
            return Group.hex(c.alpha()) + "," + Group.hex(c.beta());
        }
        if (part instanceof Iterable<?> list) {
            StringBuilder joined = new StringBuilder();
            for (Object item : list) {
                if (!joined.isEmpty()) {
                    joined.append(';');
                }
                joined.append(text(item));
            }
            return joined.toString();
        }
        if (part instanceof Object[] array) {
            return text(java.util.Arrays.asList(array));
        }
        return String.valueOf(part);
    }
}
