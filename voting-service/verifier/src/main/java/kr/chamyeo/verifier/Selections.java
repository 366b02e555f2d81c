package kr.chamyeo.verifier;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;

/**
 * §3: the options cut into chunks of 16, chunk j the integer m_j = Σ 2^(i − 16j) over its chosen options i, encrypted
 * as the point (m_j + 1)·G. Decoding looks the point up in a table of the 2^16 possible plaintexts.
 */
final class Selections {

    static final int CHUNK = 16;

    private Selections() {
    }

    static int width(int options) {
        return Math.max(1, (options + CHUNK - 1) / CHUNK);
    }

    /**
     * The chosen indexes, ascending, of a ballot's decrypted points (affine), or null when they decode to no
     * selection: a point that is not (m + 1)·G for any m < 2^16, or a bit set past the last option.
     */
    static int[] decode(ECPoint[] points, int offset, int options) {
        List<Integer> chosen = new ArrayList<>();
        for (int j = 0; j < width(options); j++) {
            Integer m = Table.VALUE.get(key(points[offset + j]));
            if (m == null) {
                return null;
            }
            for (int bit = 0; bit < CHUNK; bit++) {
                if ((m & (1 << bit)) != 0) {
                    int option = j * CHUNK + bit;
                    if (option >= options) {
                        return null;
                    }
                    chosen.add(option);
                }
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The compressed encoding: one spelling per point, so equal points are equal keys. */
    private static ByteBuffer key(ECPoint point) {
        return ByteBuffer.wrap(point.isInfinity() ? new byte[0] : point.normalize().getEncoded(true));
    }

    /** Built on first decode (a fraction of a second): a record with an empty board never pays for it. */
    private static final class Table {
        static final Map<ByteBuffer, Integer> VALUE = new HashMap<>(2 * (1 << CHUNK));

        static {
            ECPoint[] points = new ECPoint[1 << CHUNK];
            ECPoint p = P256.G;
            for (int m = 0; m < points.length; m++) {
                points[m] = p;
                p = p.add(P256.G);
            }
            // One field inversion for the whole table instead of one per point (Montgomery's trick).
            P256.CURVE.normalizeAll(points);
            for (int m = 0; m < points.length; m++) {
                VALUE.put(key(points[m]), m);
            }
        }
    }
}
