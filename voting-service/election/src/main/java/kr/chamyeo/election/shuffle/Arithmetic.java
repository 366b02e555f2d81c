package kr.chamyeo.election.shuffle;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import kr.chamyeo.election.Group;

/**
 * The bulk group operations of a shuffle, spread over all cores: BouncyCastle's multi-scalar multiplication
 * and fixed-base comb, with Montgomery's batch normalisation (one field inversion per chunk instead of one per
 * point). Nothing here is curve arithmetic of our own.
 */
final class Arithmetic {

    /** Large enough that the shared doublings of a multi-exponentiation vanish, small enough to use both cores. */
    private static final int CHUNK = 1024;

    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

    private Arithmetic() {
    }

    /** k·P without normalisation, for a base P used many times (G, the public key, h_1). */
    static ECPoint comb(ECPoint base, BigInteger k) {
        return COMB.multiply(base, k.mod(Group.order()));
    }

    /** {@code count} points computed in parallel, then normalised in batches. */
    static ECPoint[] points(int count, IntFunction<ECPoint> point) {
        ECPoint[] points = IntStream.range(0, count).parallel().mapToObj(point).toArray(ECPoint[]::new);
        IntStream.range(0, chunks(count)).parallel().forEach(c -> {
            int from = c * CHUNK;
            Group.curve().normalizeAll(points, from, Math.min(CHUNK, count - from), null);
        });
        return points;
    }

    static BigInteger[] scalars(int count, IntFunction<BigInteger> scalar) {
        return IntStream.range(0, count).parallel().mapToObj(scalar).toArray(BigInteger[]::new);
    }

    /**
     * Σ k_i·P_i (normalised). BouncyCastle caches a window table on every point it multiplies; the points are
     * copied first so that tables of the N ciphertexts are garbage after their chunk instead of living as long
     * as the ballots (some 3 KB per point).
     */
    static ECPoint sum(ECPoint[] points, BigInteger[] scalars) {
        if (points.length != scalars.length) {
            throw new IllegalArgumentException(points.length + " points but " + scalars.length + " scalars");
        }
        int count = points.length;
        return IntStream.range(0, chunks(count)).parallel().mapToObj(c -> {
            int from = c * CHUNK;
            int length = Math.min(CHUNK, count - from);
            ECPoint[] copies = new ECPoint[length];
            BigInteger[] ks = new BigInteger[length];
            for (int i = 0; i < length; i++) {
                ECPoint p = points[from + i];
                copies[i] = Group.curve()
                        .createPoint(p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger());
                ks[i] = scalars[from + i].mod(Group.order());
            }
            return ECAlgorithms.sumOfMultiplies(copies, ks);
        }).reduce(Group.infinity(), ECPoint::add).normalize();
    }

    /** Σ P_i (normalised). */
    static ECPoint add(ECPoint[] points) {
        return Arrays.stream(points).parallel().reduce(Group.infinity(), ECPoint::add).normalize();
    }

    private static int chunks(int count) {
        return (count + CHUNK - 1) / CHUNK;
    }
}
