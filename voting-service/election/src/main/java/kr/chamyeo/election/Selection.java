package kr.chamyeo.election;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A voter's selection as group elements (PROTOCOL.md §3): the options cut into chunks of {@link #CHUNK}, and chunk j
 * as the integer {@code m_j = Σ 2^(i − 16j)} over its chosen options i, encrypted in the exponent as the point
 * {@code (m_j + 1)·G} — exponential ElGamal, so that the chunk is the homomorphic combination of the voter's
 * per-option encryptions, which is what lets a client-encrypted ballot prove its rule (§4.3). Decoding looks the
 * point up in a table of the 2^16 possible plaintexts. A ballot of up to 16 options is one ciphertext.
 * <p>
 * The + 1 keeps every plaintext off the point at infinity, which has no compressed encoding to publish.
 */
public final class Selection {

    /** Options per ciphertext: 2^16 plaintexts per chunk are a table small enough to decode a million ballots in seconds. */
    public static final int CHUNK = 16;

    private static final int VALUES = 1 << CHUNK;

    private Selection() {
    }

    /** How many ciphertexts a ballot with this many options needs. */
    public static int width(int options) {
        return Math.max(1, (options + CHUNK - 1) / CHUNK);
    }

    /** The chunk values m_j of these (distinct, in-range) option indexes on a ballot of {@code options} options. */
    public static int[] chunks(int[] chosen, int options) {
        int[] chunks = new int[width(options)];
        for (int index : chosen) {
            if (index < 0 || index >= options) {
                throw new IllegalArgumentException("option index " + index + " is not below " + options);
            }
            int bit = 1 << (index % CHUNK);
            if ((chunks[index / CHUNK] & bit) != 0) {
                throw new IllegalArgumentException("option " + index + " is chosen twice");
            }
            chunks[index / CHUNK] |= bit;
        }
        return chunks;
    }

    /** The points (m_j + 1)·G encoding these option indexes. */
    public static ECPoint[] encode(int[] chosen, int options) {
        int[] chunks = chunks(chosen, options);
        ECPoint[] points = new ECPoint[chunks.length];
        for (int j = 0; j < chunks.length; j++) {
            points[j] = Table.POINTS[chunks[j]];
        }
        return points;
    }

    /**
     * The chosen option indexes, ascending, that these points encode on a ballot of {@code options} options; empty
     * when a point is not (m + 1)·G for a 16-bit m, or a bit past the last option is set (an invalid ballot).
     */
    public static Optional<int[]> decode(ECPoint[] points, int options) {
        if (points.length != width(options)) {
            return Optional.empty();
        }
        List<Integer> chosen = new ArrayList<>();
        for (int j = 0; j < points.length; j++) {
            Integer m = points[j].isInfinity() ? null : Table.VALUE.get(key(points[j]));
            if (m == null || !Table.POINTS[m].equals(points[j])) {
                return Optional.empty();
            }
            for (int bit = 0; bit < CHUNK; bit++) {
                if ((m & (1 << bit)) != 0) {
                    int index = j * CHUNK + bit;
                    if (index >= options) {
                        return Optional.empty();
                    }
                    chosen.add(index);
                }
            }
        }
        return Optional.of(chosen.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The low 64 bits of x: a lookup key only, the point itself is compared after. */
    private static long key(ECPoint point) {
        return point.normalize().getAffineXCoord().toBigInteger().longValue();
    }

    /**
     * Builds the table now instead of at the first vote or count (65,536 additions; a fraction of a second once the
     * JIT has warmed, seconds before).
     */
    public static void prepare() {
        Table.build();
    }

    private static final class Table {
        static final ECPoint[] POINTS = new ECPoint[VALUES];
        static final Map<Long, Integer> VALUE = new HashMap<>(2 * VALUES);

        /** Calling any static member initialises the holder, which builds the table once (JLS §12.4.1); this one says so. */
        static void build() {
        }

        static {
            ECPoint p = Group.generator();
            for (int m = 0; m < VALUES; m++) {
                POINTS[m] = p;
                p = p.add(Group.generator());
            }
            Group.curve().normalizeAll(POINTS);
            for (int m = 0; m < VALUES; m++) {
                VALUE.put(key(POINTS[m]), m);
            }
        }
    }
}
