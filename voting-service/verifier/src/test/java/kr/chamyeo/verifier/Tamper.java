package kr.chamyeo.verifier;

import java.math.BigInteger;

/**
 * Alterations that keep a value well-formed, so that only the cryptographic check can refuse it; and one that keeps
 * the value but not its spelling, so that only the form check can.
 */
final class Tamper {

    private Tamper() {
    }

    /** The scalar plus one, mod q. */
    static String scalar(String hex) {
        return P256.hex(new BigInteger(hex, 16).add(BigInteger.ONE).mod(P256.Q));
    }

    /** A proof "c,s" with s + 1. */
    static String secondScalar(String proof) {
        String[] pair = P256.pair(proof);
        return pair[0] + "," + scalar(pair[1]);
    }

    /** A proof branch "A,B,c,s" (§4.2) with s + 1. */
    static String branch(String branch) {
        return part(branch, 3);
    }

    /** A proof text of comma-separated parts (§4.2, §4.3) with the scalar at {@code index} + 1. */
    static String part(String text, int index) {
        String[] parts = text.split(",", -1);
        parts[index] = scalar(parts[index]);
        return String.join(",", parts);
    }

    /** A proof text (§4.2, §4.3) with the short challenge at {@code index} written in 64 digits, as a scalar would be. */
    static String longChallenge(String text, int index) {
        String[] parts = text.split(",", -1);
        parts[index] = "0".repeat(32) + parts[index];
        return String.join(",", parts);
    }

    /** The point plus G, written compressed: valid, but another point. A client ballot's uncompressed point is read too. */
    static String point(String hex) {
        return P256.hex(P256.ballotPoint(hex).add(P256.G));
    }

    /** A ciphertext "alpha,beta" with beta + G: valid, but an encryption of another message. */
    static String ciphertext(String text) {
        String[] pair = P256.pair(text);
        return pair[0] + "," + point(pair[1]);
    }
}
