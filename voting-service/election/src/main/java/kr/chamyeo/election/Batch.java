package kr.chamyeo.election;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;

/**
 * Many equations {@code s·X = A + c·(Y − k·G)} checked at once by the small exponents test (Bellare, Garay and Rabin,
 * "Fast batch verification for modular exponentiation and digital signatures", EUROCRYPT 1998, §3.2): each equation
 * is weighted by a fresh random 128-bit z, and the weighted sum must be the point at infinity — one
 * multi-exponentiation ({@link MultiScalar}) instead of two per equation. A false equation passes with probability at most 2^−128. The
 * weights come from a SecureRandom the prover cannot predict, drawn after the proof is fixed.
 */
final class Batch {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    /** Points that recur (G, PK, a ciphertext's α and β): their weights add up, so each costs one term. */
    private final Map<ECPoint, BigInteger> shared = new IdentityHashMap<>();
    private final List<ECPoint> points = new ArrayList<>();
    private final List<BigInteger> scalars = new ArrayList<>();

    /** Adds {@code s·X − A − c·Y + c·k·G = O}. X, Y and G should be the same objects across equations that share them. */
    void equation(BigInteger s, ECPoint x, ECPoint a, BigInteger c, ECPoint y, BigInteger k) {
        BigInteger z = new BigInteger(128, RANDOM.get()).setBit(0);
        BigInteger zc = z.multiply(c);
        add(x, z.multiply(s));
        add(y, zc.negate());
        if (k.signum() != 0) {
            add(Group.generator(), zc.multiply(k));
        }
        // −z·A as z·(−A): the short weight keeps the term cheap in the multi-exponentiation.
        points.add(a.negate());
        scalars.add(z);
    }

    private void add(ECPoint point, BigInteger weight) {
        shared.merge(point, weight, BigInteger::add);
    }

    /** True iff every equation added holds (up to the 2^−128 error). */
    boolean holds() {
        List<ECPoint> ps = new ArrayList<>(points);
        List<BigInteger> ks = new ArrayList<>(scalars);
        shared.forEach((point, weight) -> {
            ps.add(point);
            ks.add(weight.mod(Group.order()));
        });
        if (ps.isEmpty()) {
            return true;
        }
        return MultiScalar.sum(ps.toArray(ECPoint[]::new), ks.toArray(BigInteger[]::new)).isInfinity();
    }
}
