package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Threshold decryption with Chaum–Pedersen proofs (PROTOCOL.md §6): Belenios specification v1.5 §4.13 "Tally"
 * (partial decryptions and their proofs) and §4.14 "Election result" (Lagrange combination in threshold mode),
 * ElectionGuard 2.0's verifiable decryption for the structure. Trustee j publishes D = s_j·α for every
 * ciphertext with a proof that log_G S_j = log_α D; any k such shares give M = β − Σ λ_j·D_j.
 * <p>
 * Unlike Belenios' {@code decrypt|X|A,B}, the challenge covers the whole statement — PK, the context (which
 * decryption this is), the trustee, S_j, α and D — so a proof cannot be moved to another ciphertext or trustee.
 * Lists are processed on parallel streams: every item is independent.
 */
public final class ThresholdDecryption {

    static final String TAG = "chamyeo/decrypt";

    /**
     * Trustee {@code trustee}'s shares D of a list of ciphertexts, in the same order, with their proofs
     * ("challenge,response" hex each).
     *
     * @param contextId what is being decrypted (e.g. the election id and the mix's last step), a {@link
     *                  Hash#isLabel label}
     */
    public record PartialDecryption(String contextId, int trustee, List<String> shares, List<String> proofs) {
        public PartialDecryption {
            shares = List.copyOf(shares);
            proofs = List.copyOf(proofs);
        }
    }

    /** Fewer than k trustees supplied shares: the ballots cannot be decrypted (PROTOCOL.md §6.3). */
    public static final class QuorumException extends IllegalStateException {
        QuorumException(int supplied, int threshold) {
            super(supplied + " of the " + threshold + " trustees needed supplied decryption shares");
        }
    }

    private ThresholdDecryption() {
    }

    static PartialDecryption partial(Randomness random, TrusteeSecret secret, ElectionKey key, String contextId,
            List<Ciphertext> ciphertexts) {
        if (!Hash.isLabel(contextId) || !key.electionId().equals(secret.electionId())) {
            throw new IllegalArgumentException("context " + contextId + " / election " + key.electionId()
                    + " is not for this trustee's key of election " + secret.electionId());
        }
        int j = secret.index();
        BigInteger s = Group.scalar(secret.share());
        ECPoint shareKey = key.shareKey(j);
        if (!Group.base(s).equals(shareKey)) {
            throw new IllegalArgumentException("trustee " + j + "'s share does not match S_" + j + " of the key");
        }
        ECPoint publicKey = key.publicPoint();
        // Drawn in order before the parallel part so that a fixed nonce source gives the same proofs every run.
        List<BigInteger> nonces = new ArrayList<>(ciphertexts.size());
        for (int t = 0; t < ciphertexts.size(); t++) {
            nonces.add(random.scalar());
        }
        String[][] out = IntStream.range(0, ciphertexts.size()).parallel().mapToObj(t -> {
            ECPoint alpha = ciphertexts.get(t).alpha();
            BigInteger w = nonces.get(t);
            ECPoint share = Group.mul(alpha, s);
            BigInteger c = challenge(publicKey, contextId, j, shareKey, alpha, share, Group.base(w),
                    Group.mul(alpha, w));
            SchnorrProof proof = new SchnorrProof(c, w.add(c.multiply(s)).mod(Group.order()));
            return new String[] {Group.hex(share), proof.text()};
        }).toArray(String[][]::new);
        return new PartialDecryption(contextId, j,
                Arrays.stream(out).map(pair -> pair[0]).toList(),
                Arrays.stream(out).map(pair -> pair[1]).toList());
    }

    /**
     * The checks of a partial decryption (PROTOCOL.md §6.2): same context, a trustee of the key, one share and
     * proof per ciphertext, and every proof verifies: with A = s·G − c·S_j and B = s·α − c·D,
     * c = H("chamyeo/decrypt", "P-256", PK, contextId, j, S_j, α, D, A, B).
     */
    public static boolean verify(ElectionKey key, String contextId, List<Ciphertext> ciphertexts,
            PartialDecryption partial) {
        try {
            int j = partial.trustee();
            if (!partial.contextId().equals(contextId) || j < 1 || j > key.trustees()
                    || partial.shares().size() != ciphertexts.size()
                    || partial.proofs().size() != ciphertexts.size()) {
                return false;
            }
            ECPoint publicKey = key.publicPoint();
            ECPoint shareKey = key.shareKey(j);
            return IntStream.range(0, ciphertexts.size()).parallel().allMatch(t -> {
                try {
                    ECPoint alpha = ciphertexts.get(t).alpha();
                    ECPoint share = Group.point(partial.shares().get(t));
                    SchnorrProof proof = SchnorrProof.parse(partial.proofs().get(t));
                    BigInteger minusC = Group.order().subtract(proof.challenge());
                    ECPoint a = ECAlgorithms.sumOfTwoMultiplies(Group.generator(), proof.response(), shareKey, minusC);
                    ECPoint b = ECAlgorithms.sumOfTwoMultiplies(alpha, proof.response(), share, minusC);
                    return proof.challenge().equals(challenge(publicKey, contextId, j, shareKey, alpha, share, a, b));
                } catch (IllegalArgumentException malformed) {
                    return false;
                }
            });
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    /**
     * The plaintext points M_t = β_t − Σ_j λ_j·D_jt from the partial decryptions of at least k distinct trustees,
     * each verified first. QuorumException with fewer than k; IllegalArgumentException naming the trustee whose
     * partial decryption fails {@link #verify}.
     */
    public static List<ECPoint> combine(ElectionKey key, String contextId, List<Ciphertext> ciphertexts,
            List<PartialDecryption> partials) {
        List<Integer> trustees = partials.stream().map(PartialDecryption::trustee).distinct().toList();
        if (trustees.size() != partials.size()) {
            throw new IllegalArgumentException("two partial decryptions from one trustee");
        }
        if (trustees.size() < key.threshold()) {
            throw new QuorumException(trustees.size(), key.threshold());
        }
        for (PartialDecryption partial : partials) {
            if (!verify(key, contextId, ciphertexts, partial)) {
                throw new IllegalArgumentException("trustee " + partial.trustee() + ": invalid partial decryption");
            }
        }
        return combineVerified(key, ciphertexts, partials);
    }

    /**
     * {@link #combine} of partial decryptions that the caller has already verified one by one (voting-service checks
     * each as it is posted; checking them all again when the last one arrives cost a quarter of the count). A changed
     * share would still show: the plaintexts and the shares are published, and the verifier checks both.
     */
    public static List<ECPoint> combineVerified(ElectionKey key, List<Ciphertext> ciphertexts, List<PartialDecryption> partials) {
        List<Integer> trustees = partials.stream().map(PartialDecryption::trustee).distinct().toList();
        if (trustees.size() != partials.size()) {
            throw new IllegalArgumentException("two partial decryptions from one trustee");
        }
        if (trustees.size() < key.threshold()) {
            throw new QuorumException(trustees.size(), key.threshold());
        }
        BigInteger[] lambdas = trustees.stream().map(j -> lagrange(j, trustees)).toArray(BigInteger[]::new);
        BigInteger q = Group.order();
        for (int i = 0; i < lambdas.length; i++) {
            lambdas[i] = q.subtract(lambdas[i]).mod(q);
        }
        return IntStream.range(0, ciphertexts.size()).parallel().mapToObj(t -> {
            ECPoint[] shares = partials.stream().map(p -> Group.point(p.shares().get(t))).toArray(ECPoint[]::new);
            return ciphertexts.get(t).beta().add(MultiScalar.sum(shares, lambdas)).normalize();
        }).toList();
    }

    /** λ_j = Π_{m ∈ trustees, m ≠ j} m / (m − j) mod q: the Lagrange coefficient at 0. */
    public static BigInteger lagrange(int trustee, Collection<Integer> trustees) {
        BigInteger q = Group.order();
        BigInteger numerator = BigInteger.ONE;
        BigInteger denominator = BigInteger.ONE;
        for (int m : trustees) {
            if (m != trustee) {
                numerator = numerator.multiply(BigInteger.valueOf(m)).mod(q);
                denominator = denominator.multiply(BigInteger.valueOf(m - trustee)).mod(q);
            }
        }
        return numerator.multiply(denominator.modInverse(q)).mod(q);
    }

    static BigInteger challenge(ECPoint publicKey, String contextId, int trustee, ECPoint shareKey, ECPoint alpha,
            ECPoint share, ECPoint a, ECPoint b) {
        return Hash.challenge(TAG, Group.NAME, publicKey, contextId, trustee, shareKey, alpha, share, a, b);
    }
}
