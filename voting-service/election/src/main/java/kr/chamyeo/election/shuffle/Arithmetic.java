package kr.chamyeo.election.shuffle;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.Group;
import kr.chamyeo.election.MultiScalar;

/**
 * The bulk group operations of a shuffle, spread over all cores: multi-scalar multiplication ({@link MultiScalar})
 * and BouncyCastle's fixed-base comb, with Montgomery's batch normalisation (one field inversion per chunk instead of one per
 * point). Nothing here is curve arithmetic of our own.
 */
final class Arithmetic {

    /** Large enough that the shared doublings of a multi-exponentiation vanish, small enough to use both cores. */
    private static final int CHUNK = 1024;

    private Arithmetic() {
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

    /** Σ k_i·P_i (normalised), in chunks over the cores ({@link MultiScalar}: no tables left on the ciphertexts). */
    static ECPoint sum(ECPoint[] points, BigInteger[] scalars) {
        if (points.length != scalars.length) {
            throw new IllegalArgumentException(points.length + " points but " + scalars.length + " scalars");
        }
        int count = points.length;
        return IntStream.range(0, chunks(count)).parallel().mapToObj(c -> {
            int from = c * CHUNK;
            int to = Math.min(count, from + CHUNK);
            return MultiScalar.sum(Arrays.copyOfRange(points, from, to), Arrays.copyOfRange(scalars, from, to));
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
