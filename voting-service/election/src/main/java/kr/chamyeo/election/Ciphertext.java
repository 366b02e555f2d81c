package kr.chamyeo.election;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;

/**
 * An ElGamal ciphertext on P-256 (PROTOCOL.md §3): {@code alpha = r·G}, {@code beta = M + r·PK}. It can be
 * re-randomised (the shuffle) and decrypted only with the trustees' shares.
 */
public record Ciphertext(ECPoint alpha, ECPoint beta) {

    public static Ciphertext encrypt(ECPoint publicKey, ECPoint message, BigInteger r) {
        // Both points normalised together: one field inversion per vote instead of three.
        ECPoint[] pair = {Group.comb(Group.generator(), r), message.add(Group.comb(publicKey, r))};
        Group.curve().normalizeAll(pair);
        return new Ciphertext(pair[0], pair[1]);
    }

    /** The same plaintext under fresh randomness: (alpha + s·G, beta + s·PK). */
    public Ciphertext reencrypt(ECPoint publicKey, BigInteger s) {
        return new Ciphertext(alpha.add(Group.base(s)).normalize(), beta.add(Group.fixed(publicKey, s)).normalize());
    }

    /** Decryption with the whole secret key; only tests and a complete quorum's combination do this. */
    public ECPoint decrypt(BigInteger secretKey) {
        return beta.subtract(Group.mul(alpha, secretKey)).normalize();
    }

    /** "alphaHex,betaHex". */
    public String text() {
        return Group.hex(alpha) + "," + Group.hex(beta);
    }

    /** "alphaHex,betaHex" with uncompressed points, as a client ballot writes its choices (PROTOCOL.md §4.3). */
    public String wideText() {
        return Group.wideHex(alpha) + "," + Group.wideHex(beta);
    }

    /** A ciphertext of a client ballot: two points, each compressed or uncompressed ({@link Group#ballotPoint}). */
    public static Ciphertext parseBallot(String text) {
        return read(text, Group::ballotPoint);
    }

    public static Ciphertext parse(String text) {
        return read(text, Group::point);
    }

    private static Ciphertext read(String text, java.util.function.Function<String, ECPoint> point) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a ciphertext is 'alpha,beta' (two points)");
        }
        return new Ciphertext(point.apply(parts[0]), point.apply(parts[1]));
    }
}
