package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A voter's selection as group elements (PROTOCOL.md §3): the set of chosen option indexes as a bitmask of
 * {@code ceil(options / 8)} bytes (option i is bit {@code 7 − i mod 8} of byte {@code i / 8}), cut into
 * pieces of at most {@link #PIECE} bytes, each embedded in one point — so a ballot of up to 240 options is
 * one ciphertext whatever is chosen.
 * <p>
 * Embedding (Koblitz's method): {@code m = int(0x01 ‖ piece)}; the point is the first
 * {@code x = 256·m + k}, k = 0..255, for which {@code x³ − 3x + b} is a square, with the even {@code y}.
 * Extraction drops the low byte of x and the leading 0x01.
 */
public final class Selection {

    /** Bytes per point: 0x01 ‖ 30 bytes ‖ counter byte stays below the 256-bit field prime. */
    public static final int PIECE = 30;

    private Selection() {
    }

    /** How many points (ciphertexts) a ballot with this many options needs. */
    public static int width(int options) {
        return Math.max(1, (bytes(options) + PIECE - 1) / PIECE);
    }

    static int bytes(int options) {
        return (options + 7) / 8;
    }

    /** The points encoding these (distinct, in-range) option indexes on a ballot of {@code options} options. */
    public static ECPoint[] encode(int[] chosen, int options) {
        byte[] mask = new byte[bytes(options)];
        for (int index : chosen) {
            if (index < 0 || index >= options) {
                throw new IllegalArgumentException("option index " + index + " is not below " + options);
            }
            mask[index / 8] |= (byte) (0x80 >>> (index % 8));
        }
        int width = width(options);
        ECPoint[] points = new ECPoint[width];
        for (int j = 0; j < width; j++) {
            int from = j * PIECE;
            points[j] = embed(Arrays.copyOfRange(mask, Math.min(from, mask.length), Math.min(from + PIECE, mask.length)));
        }
        return points;
    }

    /**
     * The chosen option indexes, ascending, that these points encode on a ballot of {@code options} options;
     * empty when a point is not an embedding or a bit past the last option is set (an invalid ballot).
     */
    public static java.util.Optional<int[]> decode(ECPoint[] points, int options) {
        if (points.length != width(options)) {
            return java.util.Optional.empty();
        }
        byte[] mask = new byte[bytes(options)];
        for (int j = 0; j < points.length; j++) {
            int from = j * PIECE;
            int length = Math.min(from + PIECE, mask.length) - Math.min(from, mask.length);
            java.util.Optional<byte[]> piece = extract(points[j]);
            if (piece.isEmpty() || piece.get().length != length) {
                return java.util.Optional.empty();
            }
            System.arraycopy(piece.get(), 0, mask, from, length);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < mask.length * 8; i++) {
            if ((mask[i / 8] & (0x80 >>> (i % 8))) != 0) {
                if (i >= options) {
                    return java.util.Optional.empty();
                }
                chosen.add(i);
            }
        }
        return java.util.Optional.of(chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    static ECPoint embed(byte[] piece) {
        if (piece.length > PIECE) {
            throw new IllegalArgumentException("at most " + PIECE + " bytes fit in one point");
        }
        byte[] prefixed = new byte[piece.length + 1];
        prefixed[0] = 1;
        System.arraycopy(piece, 0, prefixed, 1, piece.length);
        BigInteger m = new BigInteger(1, prefixed).shiftLeft(8);
        for (int k = 0; k < 256; k++) {
            BigInteger x = m.add(BigInteger.valueOf(k));
            ECFieldElement fx = Group.curve().fromBigInteger(x);
            ECFieldElement rhs = fx.square().add(Group.curve().getA()).multiply(fx).add(Group.curve().getB());
            ECFieldElement y = rhs.sqrt();
            if (y != null) {
                if (y.testBitZero()) {
                    y = y.negate();
                }
                return Group.curve().validatePoint(x, y.toBigInteger()).normalize();
            }
        }
        throw new IllegalStateException("no embedding found in 256 tries");
    }

    static java.util.Optional<byte[]> extract(ECPoint point) {
        if (point.isInfinity()) {
            return java.util.Optional.empty();
        }
        ECPoint p = point.normalize();
        if (p.getAffineYCoord().testBitZero()) {
            return java.util.Optional.empty();
        }
        byte[] m = p.getAffineXCoord().toBigInteger().shiftRight(8).toByteArray();
        if (m.length == 0 || m[0] != 1 || m.length - 1 > PIECE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Arrays.copyOfRange(m, 1, m.length));
    }
}
