package kr.chamyeo.election;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;

/**
 * Many equations {@code s·X (+ t·W) = A + c·(Y − k·G)} checked at once by the small exponents test (Bellare, Garay and Rabin,
 * "Fast batch verification for modular exponentiation and digital signatures", EUROCRYPT 1998, §3.2): each equation
 * is weighted by a fresh random 64-bit z, and the weighted sum must be the point at infinity — one
 * multi-exponentiation instead of two per equation. A false equation passes with probability at most 2^−64: the
 * weights come from a SecureRandom drawn after the proof is fixed, so a forger cannot aim at them and every try
 * costs a submitted ballot (PROTOCOL.md §4.2). Batches of several ballots are checked together by {@link #holdAll}.
 */
final class Batch {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final int WEIGHT_BITS = 64;

    /** Points that recur (G, PK, a ciphertext's α and β): their weights add up, so each costs one term. */
    private final Map<ECPoint, BigInteger> shared = new IdentityHashMap<>();
    /** Points computed from others (a count or budget residue): their weight goes to the points they are made of. */
    private final Map<ECPoint, Combination> derived = new IdentityHashMap<>();
    private final List<ECPoint> points = new ArrayList<>();
    private final List<BigInteger> scalars = new ArrayList<>();

    /** Σ coefficients[i]·parts[i] + generatorCoefficient·G. */
    record Combination(ECPoint[] parts, BigInteger[] coefficients, BigInteger generatorCoefficient) {
    }

    /** Adds {@code s·X − A − c·Y + c·k·G = O}. X, Y and G should be the same objects across equations that share them. */
    void equation(BigInteger s, ECPoint x, ECPoint a, BigInteger c, ECPoint y, BigInteger k) {
        BigInteger zc = weigh(s, x, a).multiply(c);
        add(y, zc.negate());
        if (k.signum() != 0) {
            add(Group.generator(), zc.multiply(k));
        }
    }

    /**
     * Adds {@code s·X + t·W − A − c·Y = O} for a Y given by what it is made of: the check then never computes Y, and Y's
     * weight goes to its parts, which the ballot's other equations weigh anyway. W is a second fixed base (a link proof's
     * PK and H).
     */
    void equation(BigInteger s, ECPoint x, BigInteger t, ECPoint w, ECPoint a, BigInteger c, Combination y) {
        BigInteger z = weigh(s, x, a);
        if (t.signum() != 0) {
            add(w, z.multiply(t));
        }
        BigInteger zc = z.multiply(c);
        for (int i = 0; i < y.parts().length; i++) {
            add(y.parts()[i], zc.multiply(y.coefficients()[i]).negate());
        }
        if (y.generatorCoefficient().signum() != 0) {
            add(Group.generator(), zc.multiply(y.generatorCoefficient()).negate());
        }
    }

    /** Draws the equation's weight z, adds z·s·X − z·A and returns z. */
    private BigInteger weigh(BigInteger s, ECPoint x, ECPoint a) {
        BigInteger z = new BigInteger(WEIGHT_BITS, RANDOM.get()).setBit(0);
        add(x, z.multiply(s));
        // −z·A as z·(−A): the short weight keeps the term cheap in the multi-exponentiation.
        points.add(a.negate());
        scalars.add(z);
        return z;
    }

    /**
     * Declares {@code point} = Σ coefficients[i]·parts[i] + generatorCoefficient·G, as it was computed: its weight is
     * then spread over the parts, which the ballot's other equations weigh anyway, and it costs no term of its own.
     */
    void derived(ECPoint point, ECPoint[] parts, BigInteger[] coefficients, BigInteger generatorCoefficient) {
        derived.put(point, new Combination(parts, coefficients, generatorCoefficient));
    }

    private void add(ECPoint point, BigInteger weight) {
        shared.merge(point, weight, BigInteger::add);
    }

    /** True iff every equation added holds (up to the 2^−64 error). */
    boolean holds() {
        return holdAll(List.of(this));
    }

    /**
     * True iff every equation of every batch holds: one multi-exponentiation for all, whose long shared terms and
     * doublings many ballots then split (Pippenger's buckets, {@link MultiScalar#sum}). False says only that some
     * batch fails; check each alone to find which.
     */
    static boolean holdAll(List<Batch> batches) {
        List<ECPoint> ps = new ArrayList<>();
        List<BigInteger> ks = new ArrayList<>();
        // By identity: G and the election key are one object in all the ballots checked against it, so they stay one term.
        Map<ECPoint, BigInteger> weights = new IdentityHashMap<>();
        for (Batch batch : batches) {
            ps.addAll(batch.points);
            ks.addAll(batch.scalars);
            batch.expanded().forEach((point, weight) -> weights.merge(point, weight, BigInteger::add));
        }
        weights.forEach((point, weight) -> {
            ps.add(point);
            ks.add(weight.mod(Group.order()));
        });
        if (ps.isEmpty()) {
            return true;
        }
        return MultiScalar.sum(ps.toArray(ECPoint[]::new), ks.toArray(BigInteger[]::new)).isInfinity();
    }

    /** The shared weights with every derived point replaced by its parts. */
    private Map<ECPoint, BigInteger> expanded() {
        Map<ECPoint, BigInteger> weights = new IdentityHashMap<>(shared.size() * 2);
        shared.forEach((point, weight) -> {
            Combination combination = derived.get(point);
            if (combination == null) {
                weights.merge(point, weight, BigInteger::add);
                return;
            }
            for (int i = 0; i < combination.parts().length; i++) {
                weights.merge(combination.parts()[i], weight.multiply(combination.coefficients()[i]), BigInteger::add);
            }
            if (combination.generatorCoefficient().signum() != 0) {
                weights.merge(Group.generator(), weight.multiply(combination.generatorCoefficient()), BigInteger::add);
            }
        });
        return weights;
    }
}
