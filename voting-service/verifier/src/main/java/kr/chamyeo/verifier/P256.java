package kr.chamyeo.verifier;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The group, encodings and hash of PROTOCOL.md §1–§2, written from the document. Parsing is strict (one spelling
 * per value), because a verifier that accepted two spellings of a scalar or a point would accept proofs whose
 * hash inputs differ from what the prover hashed.
 */
final class P256 {

    static final String NAME = "P-256";
    private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256r1");
    static final ECCurve CURVE = PARAMETERS.getCurve();
    static final ECPoint G = PARAMETERS.getG().normalize();
    static final BigInteger Q = PARAMETERS.getN();
    static final BigInteger P = CURVE.getField().getCharacteristic();
    static final String G_HEX = "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";

    private static final Pattern POINT = Pattern.compile("0[23][0-9a-f]{64}");
    private static final Pattern BALLOT_POINT = Pattern.compile("0[23][0-9a-f]{64}|04[0-9a-f]{128}");
    private static final Pattern SCALAR = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHORT_CHALLENGE = Pattern.compile("[0-9a-f]{32}");
    private static final HexFormat HEX = HexFormat.of();
    /** Multi-scalar multiplications are split so both cores work and each chunk's table stays in cache. */
    private static final int CHUNK = 1024;

    private P256() {
    }

    /** A point as §1 writes it; IllegalArgumentException for anything else, O included. */
    static ECPoint point(String text) {
        return read(text, POINT, "compressed");
    }

    /** A point of a client ballot (§4.3): compressed or uncompressed SEC1; IllegalArgumentException for anything else. */
    static ECPoint ballotPoint(String text) {
        return read(text, BALLOT_POINT, "SEC1");
    }

    /** One spelling check for both: the pattern, then decodePoint, which checks either form against the curve equation. */
    private static ECPoint read(String text, Pattern spelling, String what) {
        if (text == null || !spelling.matcher(text).matches()) {
            throw new IllegalArgumentException("not a " + what + " point: " + abbreviate(text));
        }
        // Cofactor 1: a point on the curve is in the group.
        return CURVE.decodePoint(HEX.parseHex(text));
    }

    /** A scalar: 64 lowercase hex digits with value below q. */
    static BigInteger scalar(String text) {
        if (text == null || !SCALAR.matcher(text).matches()) {
            throw new IllegalArgumentException("not a scalar: " + abbreviate(text));
        }
        BigInteger value = new BigInteger(text, 16);
        if (value.compareTo(Q) >= 0) {
            throw new IllegalArgumentException("scalar not below q: " + abbreviate(text));
        }
        return value;
    }

    /**
     * A short challenge (§2) as a client ballot's proofs write it: exactly 32 lowercase hex digits, so below 2^128. The
     * same value in 64 digits is refused, as any second spelling is.
     */
    static BigInteger shortChallenge(String text) {
        if (text == null || !SHORT_CHALLENGE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a short challenge: " + abbreviate(text));
        }
        return new BigInteger(text, 16);
    }

    /** "a,b" as two strings; used for ciphertexts and proofs. */
    static String[] pair(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a pair a,b: " + abbreviate(text));
        }
        return parts;
    }

    static String hex(ECPoint point) {
        return point.isInfinity() ? "00" : HEX.formatHex(point.getEncoded(true));
    }

    static String hex(BigInteger scalar) {
        String digits = scalar.toString(16);
        return "0".repeat(64 - digits.length()) + digits;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** §2's hash input: the tag, then '|' and each part's text (callers render parts as §2 says). */
    static String input(String tag, String... parts) {
        StringBuilder text = new StringBuilder(tag);
        for (String part : parts) {
            text.append('|').append(part);
        }
        return text.toString();
    }

    static String hashHex(String tag, String... parts) {
        return HEX.formatHex(sha256(input(tag, parts)));
    }

    static BigInteger challenge(String tag, String... parts) {
        return new BigInteger(1, sha256(input(tag, parts))).mod(Q);
    }

    /** §2's short challenge: the digest's first 16 bytes, not reduced (2^128 < q). */
    static BigInteger shortChallengeOf(String tag, String... parts) {
        return new BigInteger(1, Arrays.copyOf(sha256(input(tag, parts)), 16));
    }

    /** §2's list text: elements joined by ';'. */
    static String list(List<String> items) {
        return String.join(";", items);
    }

    /** a·P + b·Q, the shape of every Schnorr and Chaum–Pedersen verification. */
    static ECPoint twoTerms(ECPoint p, BigInteger a, ECPoint q, BigInteger b) {
        return ECAlgorithms.sumOfTwoMultiplies(p, a, q, b).normalize();
    }

    /** Σ k_i·P_i over all cores; the result is not normalised. */
    static ECPoint sum(ECPoint[] points, BigInteger[] scalars) {
        int n = points.length;
        if (n == 0) {
            return CURVE.getInfinity();
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        return IntStream.range(0, chunks).parallel().mapToObj(c -> {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            ECPoint[] ps = new ECPoint[to - from];
            BigInteger[] ks = new BigInteger[to - from];
            System.arraycopy(points, from, ps, 0, ps.length);
            System.arraycopy(scalars, from, ks, 0, ks.length);
            return ECAlgorithms.sumOfMultiplies(ps, ks);
        }).reduce(CURVE.getInfinity(), ECPoint::add);
    }

    /** Σ P_i. */
    static ECPoint sum(ECPoint[] points) {
        return IntStream.range(0, points.length).parallel().mapToObj(i -> points[i]).reduce(CURVE.getInfinity(), ECPoint::add);
    }

    /**
     * §7.2: the generator of this seed and index, the first point (x, even y) with x = SHA-256("chamyeo/generator|seed|
     * index|counter") mod p: the shuffle's h_i and the budget generator H (§4.3).
     */
    static ECPoint generator(String seed, int index) {
        for (int counter = 0; ; counter++) {
            BigInteger x = new BigInteger(1, sha256("chamyeo/generator|" + seed + "|" + index + "|" + counter)).mod(P);
            ECPoint point = evenPoint(x);
            if (point != null) {
                return point;
            }
        }
    }

    /** The point with this x and the even y, or null when x³ − 3x + b is not a square. */
    private static ECPoint evenPoint(BigInteger x) {
        ECFieldElement fx = CURVE.fromBigInteger(x);
        ECFieldElement y = fx.square().add(CURVE.getA()).multiply(fx).add(CURVE.getB()).sqrt();
        if (y == null) {
            return null;
        }
        if (y.testBitZero()) {
            y = y.negate();
        }
        return CURVE.validatePoint(x, y.toBigInteger()).normalize();
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }
}
