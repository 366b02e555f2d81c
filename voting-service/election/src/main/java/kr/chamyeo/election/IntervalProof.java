package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A proof that a ciphertext (α, β) encrypts k·G for some integer k in [lo, hi] (PROTOCOL.md §4.2): Belenios
 * specification v1.5 §4.9 "Proofs of interval membership" ({@code iprove}/{@code iverify}, the disjunction of
 * Cramer, Damgård and Schoenmakers 1994), with the statement — group, public key, ballot id, a label naming the
 * ciphertext's place in the ballot, the interval and the ciphertext — in the hash, so that a proof can be neither
 * moved to another ballot or place nor made for a ciphertext copied from another voter (Cortier and Smyth 2013).
 * <p>
 * Unlike Belenios, a branch carries its commitments (A_k, B_k) as well as (c_k, s_k): the verifier then knows every
 * equation in advance and checks all of a ballot's at once ({@link Batch}).
 * <p>
 * A branch is the text {@code "A,B,c,s"} (A and B uncompressed, §4.3; c a 128-bit challenge, {@link Branch}); the
 * proof lists branches lo..hi.
 */
final class IntervalProof {

    static final String TAG = "chamyeo/ballot-interval";

    private IntervalProof() {
    }

    /** Proves that {@code ct}, the encryption of {@code value}·G with randomness {@code r}, lies in [lo, hi]. */
    static List<String> prove(Randomness random, ECPoint publicKey, String ballotId, String label, Ciphertext ct,
            int lo, int hi, int value, BigInteger r) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(label + ": " + value + " is not in [" + lo + ", " + hi + "]");
        }
        BigInteger q = Group.order();
        int size = hi - lo + 1;
        ECPoint[] a = new ECPoint[size];
        ECPoint[] b = new ECPoint[size];
        BigInteger[] c = new BigInteger[size];
        BigInteger[] s = new BigInteger[size];
        BigInteger w = null;
        for (int i = 0; i < size; i++) {
            if (lo + i == value) {
                w = random.scalar();
                a[i] = Group.base(w);
                b[i] = Group.fixed(publicKey, w);
            } else {
                c[i] = Branch.simulatedChallenge(random);
                s[i] = random.scalar();
                BigInteger minusC = q.subtract(c[i]);
                a[i] = ECAlgorithms.sumOfTwoMultiplies(Group.generator(), s[i], ct.alpha(), minusC).normalize();
                b[i] = ECAlgorithms.sumOfTwoMultiplies(publicKey, s[i], shifted(ct, lo + i), minusC).normalize();
            }
        }
        int k = value - lo;
        c[k] = challenge(publicKey, ballotId, label, ct, lo, hi, a, b).xor(Branch.combined(c));
        s[k] = w.add(c[k].multiply(r)).mod(q);
        List<String> proof = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            proof.add(Branch.text(c[i], s[i], a[i], b[i]));
        }
        return proof;
    }

    /**
     * Checks the proof's shape and that its challenges combine to the hash of the statement, and adds its
     * 2·(hi − lo + 1) equations to {@code batch}; false (nothing added) when the shape or the hash is wrong.
     */
    static boolean check(ECPoint publicKey, String ballotId, String label, Ciphertext ct, int lo, int hi,
            List<String> proof, Batch batch) {
        int size = hi - lo + 1;
        List<Branch> branches;
        try {
            branches = Branch.parseAll(proof, size, 2);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        ECPoint[] a = branches.stream().map(branch -> branch.commitments()[0]).toArray(ECPoint[]::new);
        ECPoint[] b = branches.stream().map(branch -> branch.commitments()[1]).toArray(ECPoint[]::new);
        if (!Branch.combined(branches).equals(challenge(publicKey, ballotId, label, ct, lo, hi, a, b))) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            Branch branch = branches.get(i);
            // s·G = A + c·α and s·PK = B + c·(β − k·G)
            batch.equation(branch.response(), Group.generator(), a[i], branch.challenge(), ct.alpha(), BigInteger.ZERO);
            batch.equation(branch.response(), publicKey, b[i], branch.challenge(), ct.beta(), BigInteger.valueOf(lo + i));
        }
        return true;
    }

    static BigInteger challenge(ECPoint publicKey, String ballotId, String label, Ciphertext ct, int lo, int hi,
            ECPoint[] a, ECPoint[] b) {
        List<Object> parts = new ArrayList<>(2 * a.length + 9);
        parts.add(Group.NAME);
        parts.add(publicKey);
        parts.add(ballotId);
        parts.add(label);
        parts.add(lo);
        parts.add(hi);
        parts.add(ct.alpha());
        parts.add(ct.beta());
        for (int i = 0; i < a.length; i++) {
            parts.add(a[i]);
            parts.add(b[i]);
        }
        return Hash.shortChallenge(TAG, parts.toArray());
    }

    /** β − k·G, the point a branch for k proves to be r·PK. */
    private static ECPoint shifted(Ciphertext ct, int k) {
        return k == 0 ? ct.beta() : ct.beta().subtract(Group.base(BigInteger.valueOf(k)));
    }
}
