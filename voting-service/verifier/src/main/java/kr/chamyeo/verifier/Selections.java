package kr.chamyeo.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/** §3: a set of chosen options as a bitmask cut into 30-byte pieces, each embedded in one point. */
final class Selections {

    private static final int PIECE = 30;

    private Selections() {
    }

    static int maskBytes(int options) {
        return (options + 7) / 8;
    }

    static int width(int options) {
        return Math.max(1, (maskBytes(options) + PIECE - 1) / PIECE);
    }

    /** Length of piece j of the mask of a ballot with this many options. */
    private static int pieceLength(int options, int piece) {
        return Math.min(PIECE, maskBytes(options) - piece * PIECE);
    }

    /** The points E of a selection (the SINGLE proof needs E_i = encode({i}, n)). */
    static ECPoint[] encode(int[] chosen, int options) {
        byte[] mask = new byte[maskBytes(options)];
        for (int i : chosen) {
            mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        int width = width(options);
        ECPoint[] points = new ECPoint[width];
        for (int j = 0; j < width; j++) {
            int length = pieceLength(options, j);
            byte[] prefixed = new byte[length + 1];
            prefixed[0] = 1;
            System.arraycopy(mask, j * PIECE, prefixed, 1, length);
            BigInteger shifted = new BigInteger(1, prefixed).shiftLeft(8);
            for (int k = 0; k < 256 && points[j] == null; k++) {
                points[j] = P256.evenPoint(shifted.add(BigInteger.valueOf(k)));
            }
            if (points[j] == null) {
                throw new IllegalStateException("no point for piece " + j + " in 256 tries");
            }
        }
        return points;
    }

    /**
     * The chosen indexes, ascending, of a ballot's decrypted points (affine), or null when they decode to no
     * selection: an odd y, a piece of the wrong length or without the 01 prefix, or a bit set past the last option.
     */
    static int[] decode(ECPoint[] points, int offset, int options) {
        int width = width(options);
        List<Integer> chosen = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            ECPoint point = points[offset + j];
            if (point.isInfinity() || point.getAffineYCoord().testBitZero()) {
                return null;
            }
            int length = pieceLength(options, j);
            BigInteger m = point.getAffineXCoord().toBigInteger().shiftRight(8);
            if (!m.shiftRight(8 * length).equals(BigInteger.ONE)) {
                return null;
            }
            for (int bit = 0; bit < 8 * length; bit++) {
                // Bit 7 − (i mod 8) of byte ⌊i/8⌋ is option i: byte 0 is the piece's most significant.
                if (m.testBit(8 * length - 1 - bit)) {
                    int option = j * PIECE * 8 + bit;
                    if (option >= options) {
                        return null;
                    }
                    chosen.add(option);
                }
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
