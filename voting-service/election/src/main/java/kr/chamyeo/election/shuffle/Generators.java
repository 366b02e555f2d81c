package kr.chamyeo.election.shuffle;

import java.math.BigInteger;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.Group;
import kr.chamyeo.election.Hash;

/**
 * The independent generators h_1..h_N of the permutation commitment (PROTOCOL.md §7.2), derived from a public
 * seed so that anybody can recompute them and nobody can know a discrete logarithm between them. The Swiss Post
 * mix-net accepted generators chosen by the prover; whoever knows their logarithms can "prove" a shuffle that
 * replaces ballots (Haines, Lewis, Pereira, Teague, IEEE S&amp;P 2020). This is the role of the "independent
 * generators" derived with a random oracle in Verificatum's stand-alone verifier document.
 * <p>
 * Hash to curve by try and increment: {@code x = int(SHA-256("chamyeo/generator|seed|i|counter")) mod p} for
 * counter = 0, 1, … until {@code x³ − 3x + b} is a square; the point is (x, y) with the even y. Each try
 * succeeds with probability about ½, so the expected cost is two hashes and two square roots per generator;
 * the N generators are independent of each other and derived on all cores.
 */
public final class Generators {

    private static final int MAX_TRIES = 256;

    private Generators() {
    }

    /**
     * The seed of one shuffle: it covers the group, the election public key and the context (ballot id and
     * mixing round), so generators of one shuffle are never reused for another.
     */
    public static String seed(ECPoint publicKey, String context) {
        return Hash.hex("chamyeo/shuffle/seed", Group.NAME, publicKey, context);
    }

    /** h_1..h_N (array index i − 1). */
    public static ECPoint[] derive(String seed, int count) {
        return IntStream.rangeClosed(1, count).parallel().mapToObj(i -> derive(seed, i, count)).toArray(ECPoint[]::new);
    }

    private static ECPoint derive(String seed, int index, int count) {
        ECCurve curve = Group.curve();
        BigInteger p = Group.fieldPrime();
        for (int counter = 0; counter < MAX_TRIES; counter++) {
            BigInteger x = new BigInteger(1, Hash.digest("chamyeo/generator", seed, index, counter)).mod(p);
            ECFieldElement fx = curve.fromBigInteger(x);
            ECFieldElement y = fx.square().add(curve.getA()).multiply(fx).add(curve.getB()).sqrt();
            if (y != null) {
                if (y.testBitZero()) {
                    y = y.negate();
                }
                return curve.validatePoint(x, y.toBigInteger()).normalize();
            }
        }
        // Probability 2^-256 for one index; reaching it means the hash or the curve is broken.
        throw new IllegalStateException("no generator " + index + " of " + count + " in " + MAX_TRIES + " tries");
    }
}
