package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The trustees' distributed key generation (PROTOCOL.md §5): Pedersen's joint-Feldman protocol as in Belenios'
 * threshold mode (specification v1.5 §3.1.2 "Threshold decryption support", §4.5.4 "Polynomials", §4.5.5
 * "Vinputs", §4.5.6 "Voutputs"), with ElectionGuard 2.0's key ceremony for the structure (guardian keys with
 * proofs, coefficient commitments, encrypted shares checked against them, complaints naming the sender).
 * <p>
 * This class holds the public messages and every check anyone can perform on them; {@link Trustee} does a
 * trustee's private work. All n trustees must complete the ceremony (one who does not is replaced and the
 * ceremony rerun, as in ElectionGuard); afterwards any k of them can decrypt.
 */
public final class KeyCeremony {

    static final String KEY_TAG = "chamyeo/trustee-key";
    static final String COEFFICIENT_TAG = "chamyeo/trustee-coefficient";
    static final String SHARE_TAG = "chamyeo/trustee-share";

    /** Trustee i's long-term key X_i = x_i·G with a Schnorr proof bound to the election and the index. */
    public record TrusteeKey(String electionId, int index, String publicKey, String proof) {
    }

    /** P_from(to) encrypted to X_to: E = e·G, AES-256-GCM under a key derived from e·X_to (PROTOCOL.md §5.2). */
    public record EncryptedShare(int from, int to, String ephemeral, String nonce, String sealed) {
    }

    /**
     * Trustee i's round-1 message: commitments K_il = a_il·G for l = 0..k−1, a proof of knowledge of a_i0 (no
     * trustee can choose its K_i0 as a function of the others'), and the shares for every other trustee.
     */
    @Schema(name = "KeyCeremonyFirstRound")
    public record Round1(String electionId, int trustee, List<String> commitments, String proof,
            List<EncryptedShare> shares) {
        public Round1 {
            commitments = List.copyOf(commitments);
            shares = List.copyOf(shares);
        }
    }

    /** Trustee j's round-2 message: its verification key S_j = s_j·G with a proof of knowledge of s_j. */
    @Schema(name = "KeyCeremonySecondRound")
    public record Round2(String electionId, int trustee, String shareKey, String proof) {
    }

    /** Why trustee {@code accuser} refuses the share trustee {@code accused} sent it. */
    public enum Reason {
        /** No round-1 message, or one that fails the public checks. */
        MALFORMED,
        /** The share does not decrypt under the accuser's key (wrong key, tampered, or not addressed to it). */
        UNDECRYPTABLE,
        /** The share decrypts but P_i(j)·G ≠ Σ_l j^l·K_il: the sender dealt a share off its committed polynomial. */
        INCONSISTENT
    }

    /** A typed complaint: the ceremony stops until trustee {@code accused} is cleared or replaced. */
    public record Complaint(String electionId, int accuser, int accused, Reason reason) {
    }

    private KeyCeremony() {
    }

    /** n and k are valid: 1 ≤ k ≤ n, and the election id is a label (see {@link Hash#isLabel}). */
    static void checkParameters(String electionId, int trustees, int threshold) {
        if (!Hash.isLabel(electionId)) {
            throw new IllegalArgumentException("not an election id: " + electionId);
        }
        if (threshold < 1 || threshold > trustees) {
            throw new IllegalArgumentException("need 1 ≤ k ≤ n, got k=" + threshold + ", n=" + trustees);
        }
    }

    /** The trustee key's proof verifies for its election and index. */
    public static boolean verify(TrusteeKey key, String electionId, int trustees) {
        try {
            return key.electionId().equals(electionId) && key.index() >= 1 && key.index() <= trustees
                    && SchnorrProof.parse(key.proof()).verify(KEY_TAG, Group.generator(),
                            Group.point(key.publicKey()), electionId, key.index());
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    /**
     * The public checks of a round-1 message: election id, index, k valid commitment points, the proof of
     * knowledge of a_i0 (context: election id, i, all commitments), and exactly one well-formed share for every
     * other trustee, in recipient order.
     */
    public static boolean verify(Round1 message, String electionId, int trustees, int threshold) {
        try {
            int i = message.trustee();
            if (!message.electionId().equals(electionId) || i < 1 || i > trustees
                    || message.commitments().size() != threshold || message.shares().size() != trustees - 1) {
                return false;
            }
            List<ECPoint> commitments = message.commitments().stream().map(Group::point).toList();
            if (!SchnorrProof.parse(message.proof()).verify(COEFFICIENT_TAG, Group.generator(), commitments.get(0),
                    electionId, i, commitments)) {
                return false;
            }
            int expected = 1;
            for (EncryptedShare share : message.shares()) {
                if (expected == i) {
                    expected++;
                }
                if (share.from() != i || share.to() != expected++ || !ShareEncryption.wellFormed(share)) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    /** Round 2's public check: S_j is what the commitments give for j, and its proof verifies. */
    public static boolean verify(Round2 message, String electionId, List<Round1> round1) {
        try {
            int j = message.trustee();
            ECPoint shareKey = Group.point(message.shareKey());
            return message.electionId().equals(electionId)
                    && shareKey.equals(shareKey(j, round1))
                    && SchnorrProof.parse(message.proof()).verify(SHARE_TAG, Group.generator(), shareKey, electionId, j);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    /** S_j = Σ_i Σ_l j^l·K_il, computed from the commitments alone (Belenios §4.5.6). */
    public static ECPoint shareKey(int trustee, List<Round1> round1) {
        List<ECPoint> sums = summedCommitments(round1);
        ECPoint[] points = sums.toArray(ECPoint[]::new);
        return ECAlgorithms.sumOfMultiplies(points, powers(trustee, points.length)).normalize();
    }

    /** j^0 … j^(k−1) mod q. */
    static BigInteger[] powers(int j, int count) {
        BigInteger[] powers = new BigInteger[count];
        BigInteger x = BigInteger.valueOf(j);
        BigInteger power = BigInteger.ONE;
        for (int l = 0; l < count; l++) {
            powers[l] = power;
            power = power.multiply(x).mod(Group.order());
        }
        return powers;
    }

    /** C_l = Σ_i K_il: the commitments of the joint polynomial. */
    private static List<ECPoint> summedCommitments(List<Round1> round1) {
        int k = round1.get(0).commitments().size();
        List<ECPoint> sums = new ArrayList<>(k);
        for (int l = 0; l < k; l++) {
            ECPoint sum = Group.infinity();
            for (Round1 message : round1) {
                sum = sum.add(Group.point(message.commitments().get(l)));
            }
            sums.add(sum.normalize());
        }
        return sums;
    }

    /**
     * The election key from a complete ceremony, after every public check: n valid trustee keys, n valid round-1
     * messages and n valid round-2 messages, one per index. PK = Σ_i K_i0. IllegalArgumentException naming the
     * first message that fails.
     */
    public static ElectionKey electionKey(String electionId, int trustees, int threshold, List<TrusteeKey> keys,
            List<Round1> round1, List<Round2> round2) {
        checkParameters(electionId, trustees, threshold);
        List<TrusteeKey> sortedKeys = sorted(keys, TrusteeKey::index, trustees, "trustee key");
        List<Round1> sortedRound1 = sorted(round1, Round1::trustee, trustees, "round-1 message");
        List<Round2> sortedRound2 = sorted(round2, Round2::trustee, trustees, "round-2 message");
        for (int j = 1; j <= trustees; j++) {
            if (!verify(sortedKeys.get(j - 1), electionId, trustees)) {
                throw new IllegalArgumentException("trustee " + j + ": invalid trustee key");
            }
            if (!verify(sortedRound1.get(j - 1), electionId, trustees, threshold)) {
                throw new IllegalArgumentException("trustee " + j + ": invalid round-1 message");
            }
        }
        for (int j = 1; j <= trustees; j++) {
            if (!verify(sortedRound2.get(j - 1), electionId, sortedRound1)) {
                throw new IllegalArgumentException("trustee " + j + ": invalid round-2 message");
            }
        }
        ECPoint publicKey = summedCommitments(sortedRound1).get(0);
        return new ElectionKey(electionId, trustees, threshold, Group.hex(publicKey),
                sortedRound2.stream().map(Round2::shareKey).toList());
    }

    /** The messages ordered by trustee index; IllegalArgumentException unless there is exactly one per index. */
    static <T> List<T> sorted(List<T> messages, java.util.function.ToIntFunction<T> index, int trustees,
            String what) {
        List<T> sorted = messages.stream().sorted(Comparator.comparingInt(index)).toList();
        for (int j = 1; j <= trustees; j++) {
            if (sorted.size() < j || index.applyAsInt(sorted.get(j - 1)) != j) {
                throw new IllegalArgumentException("trustee " + j + ": no " + what + " (or two)");
            }
        }
        if (sorted.size() != trustees) {
            throw new IllegalArgumentException("more than " + trustees + " " + what + "s");
        }
        return sorted;
    }
}
