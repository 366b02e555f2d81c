package kr.chamyeo.election;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The prime-order group every election works in: NIST P-256 (secp256r1) with BouncyCastle's arithmetic
 * (PROTOCOL.md §1). Points travel as lowercase hex of their SEC1 compressed encoding (33 bytes); scalars as
 * 64 lowercase hex digits. No curve or big-number arithmetic of our own: everything goes through
 * {@link ECPoint} and {@link BigInteger} mod {@link #order()}.
 */
public final class Group {

    public static final String NAME = "P-256";

    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256r1");
    private static final ECCurve CURVE = PARAMS.getCurve();
    private static final ECPoint G = PARAMS.getG().normalize();
    private static final BigInteger Q = PARAMS.getN();
    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();
    private static final HexFormat HEX = HexFormat.of();
    private static final int GENERATOR_TRIES = 256;
    /** Compiled once: a ballot's proofs parse a hundred points and scalars. */

    /** A client ballot's points (PROTOCOL.md §4.3): compressed or uncompressed SEC1. */


    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private Group() {
    }

    public static ECCurve curve() {
        return CURVE;
    }

    /** The standard base point G. */
    public static ECPoint generator() {
        return G;
    }

    /** The group order q. */
    public static BigInteger order() {
        return Q;
    }

    /** The field prime p. */
    public static BigInteger fieldPrime() {
        return CURVE.getField().getCharacteristic();
    }

    public static ECPoint infinity() {
        return CURVE.getInfinity();
    }

    /** k·G with BouncyCastle's fixed-base comb (precomputed once per JVM). */
    public static ECPoint base(BigInteger k) {
        return COMB.multiply(G, k.mod(Q)).normalize();
    }

    /**
     * k·P for a point that is used as a base many times (an election public key): the comb table is
     * precomputed on the first call and cached on the point by BouncyCastle.
     */
    public static ECPoint fixed(ECPoint p, BigInteger k) {
        return COMB.multiply(p, k.mod(Q)).normalize();
    }

    /**
     * k·P by the comb as {@link #fixed}, not normalised: for callers that normalise many results together
     * ({@code ECCurve.normalizeAll}, one field inversion for all).
     */
    public static ECPoint comb(ECPoint p, BigInteger k) {
        return COMB.multiply(p, k.mod(Q));
    }

    /** k·P for a point used once. */
    public static ECPoint mul(ECPoint p, BigInteger k) {
        return p.multiply(k.mod(Q)).normalize();
    }

    /**
     * The i-th point derived from {@code seed} by try and increment (PROTOCOL.md §7.2): x = int(SHA-256(
     * "chamyeo/generator|seed|i|counter")) mod p for counter = 0, 1, … until x³ − 3x + b is a square; the point is
     * (x, y) with the even y. Nobody knows its logarithm to G or to another such point. Each try succeeds with
     * probability about ½.
     */
    public static ECPoint independentGenerator(String seed, int index) {
        for (int counter = 0; counter < GENERATOR_TRIES; counter++) {
            BigInteger x = new BigInteger(1, Hash.digest("chamyeo/generator", seed, index, counter)).mod(fieldPrime());
            ECFieldElement fx = CURVE.fromBigInteger(x);
            ECFieldElement y = fx.square().add(CURVE.getA()).multiply(fx).add(CURVE.getB()).sqrt();
            if (y != null) {
                if (y.testBitZero()) {
                    y = y.negate();
                }
                return CURVE.validatePoint(x, y.toBigInteger()).normalize();
            }
        }
        // Probability 2^-256 for one index; reaching it means the hash or the curve is broken.
        throw new IllegalStateException("no generator " + index + " of seed " + seed + " in " + GENERATOR_TRIES + " tries");
    }

    /** A uniformly random scalar in [1, q−1]. */
    public static BigInteger randomScalar() {
        return randomScalar(RANDOM.get());
    }

    public static BigInteger randomScalar(SecureRandom random) {
        BigInteger k;
        do {
            k = new BigInteger(Q.bitLength() + 64, random).mod(Q);
        } while (k.signum() == 0);
        return k;
    }

    /** SEC1 compressed encoding as lowercase hex ("00" for the point at infinity). */
    public static String hex(ECPoint p) {
        return p.isInfinity() ? "00" : HEX.formatHex(p.getEncoded(true));
    }

    /** Parses and validates a point; refuses anything that is not on the curve (IllegalArgumentException). */
    public static ECPoint point(String hex) {
        return read(hex, false, "compressed");
    }

    /**
     * SEC1 uncompressed encoding ({@code 04} x y) as lowercase hex: how a client ballot writes its points (PROTOCOL.md
     * §4.3), so that the service reads the hundred points of a ballot without a square root each (a fifth of the check).
     */
    public static String wideHex(ECPoint p) {
        return HEX.formatHex(p.getEncoded(false));
    }

    /**
     * Parses a point of a client ballot (§4.3): compressed or uncompressed SEC1, on the curve (IllegalArgumentException
     * otherwise). Hashes and trackers use the compressed text of the point, so the two spellings prove and name the same.
     */
    public static ECPoint ballotPoint(String hex) {
        return read(hex, true, "SEC1");
    }

    /** {@code 0[23]} + 64 lowercase hex digits, or, when {@code wide}, also {@code 04} + 128. */
    private static ECPoint read(String hex, boolean wide, String what) {
        boolean compressed = hex != null && hex.length() == 66 && (hex.startsWith("02") || hex.startsWith("03"));
        boolean uncompressed = wide && hex != null && hex.length() == 130 && hex.startsWith("04");
        if (!(compressed || uncompressed) || !isLowercaseHex(hex)) {
            throw new IllegalArgumentException("not a " + what + " P-256 point: " + hex);
        }
        ECPoint p = CURVE.decodePoint(HEX.parseHex(hex)).normalize();
        if (!p.isValid()) {
            throw new IllegalArgumentException("not a point of P-256: " + hex);
        }
        return p;
    }

    /**
     * Whether every character is 0-9 or a-f. By hand rather than a regular expression: a ballot has about a hundred
     * points and scalars to read, and matching them by regex was 8 % of checking a BUDGET ballot.
     */
    private static boolean isLowercaseHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** 64 lowercase hex digits. */
    public static String hex(BigInteger scalar) {
        String digits = scalar.mod(Q).toString(16);
        return "0".repeat(64 - digits.length()) + digits;
    }

    /** A short challenge (PROTOCOL.md §2) as exactly 32 lowercase hex digits. */
    static String shortHex(BigInteger challenge) {
        String digits = challenge.toString(16);
        return "0".repeat(Hash.SHORT_CHALLENGE_BITS / 4 - digits.length()) + digits;
    }

    /** Parses a short challenge: exactly 32 lowercase hex digits, so below 2^128 and with one spelling. */
    static BigInteger shortScalar(String hex) {
        if (hex == null || hex.length() != Hash.SHORT_CHALLENGE_BITS / 4 || !isLowercaseHex(hex)) {
            throw new IllegalArgumentException("not a challenge (32 lowercase hex digits): " + hex);
        }
        return new BigInteger(1, HEX.parseHex(hex));
    }

    /** Parses a scalar and refuses values outside [0, q). */
    public static BigInteger scalar(String hex) {
        if (hex == null || hex.length() != 64 || !isLowercaseHex(hex)) {
            throw new IllegalArgumentException("not a scalar (64 lowercase hex digits): " + hex);
        }
        // From bytes rather than by BigInteger's radix parser, which cuts the text into substrings for Integer.parseInt.
        BigInteger k = new BigInteger(1, HEX.parseHex(hex));
        if (k.compareTo(Q) >= 0) {
            throw new IllegalArgumentException("scalar not below the group order: " + hex);
        }
        return k;
    }
}
