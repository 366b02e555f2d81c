package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A client-encrypted ballot as it travels and is stored (PROTOCOL.md §4): the width-w ciphertexts of the
 * selection ({@link Selection}), a proof of knowledge of the randomness of every ciphertext and, for a SINGLE
 * ballot, a disjunctive Chaum–Pedersen proof that the one ciphertext encrypts one of the n single-option points.
 * All fields are lowercase hex (scalars 64 digits, ciphertexts "alpha,beta"), so the record is its own JSON.
 * <p>
 * The proof of knowledge is Belenios' "non-homomorphic" ballot proof (Belenios specification v1.5 §4.11
 * "Signatures" for the shape of one challenge over all ciphertexts) with the fix of Cortier &amp; Smyth,
 * "Attacking and fixing Helios" (2013): the challenge covers the ballot id, so a ciphertext copied from another
 * ballot — or re-randomised from it — cannot be proven by the copier. The SINGLE proof is Belenios §4.9 "Proofs of
 * interval membership" over embedded points instead of exponents, with the statement (group, PK, ballot id,
 * ciphertext) in the hash. The service must still refuse a ciphertext already on the board.
 *
 * @param ballotId            the ballot's id, a lowercase canonical UUID
 * @param ciphertexts         "alpha,beta" per selection point, {@code Selection.width(options)} of them
 * @param challenge           c of the proof of knowledge of the randomness
 * @param responses           s_j of that proof, one per ciphertext
 * @param selectionChallenges c_i of the SINGLE proof, one per option; empty for other ballots
 * @param selectionResponses  s_i of the SINGLE proof, one per option; empty for other ballots
 */
public record EncryptedBallot(String ballotId, List<String> ciphertexts, String challenge, List<String> responses,
        List<String> selectionChallenges, List<String> selectionResponses) {

    static final String POK_TAG = "chamyeo/ballot-pok";
    static final String SINGLE_TAG = "chamyeo/ballot-single";

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** E_i = Selection.encode({i}, n) per option count: each is a square root to find, the same for every ballot. */
    private static final Map<Integer, ECPoint[]> SINGLE_POINTS = new ConcurrentHashMap<>();

    /** A list missing from the JSON is empty: an APPROVAL ballot may leave out the SINGLE proof's fields. */
    public EncryptedBallot {
        ciphertexts = ciphertexts == null ? List.of() : List.copyOf(ciphertexts);
        responses = responses == null ? List.of() : List.copyOf(responses);
        selectionChallenges = selectionChallenges == null ? List.of() : List.copyOf(selectionChallenges);
        selectionResponses = selectionResponses == null ? List.of() : List.copyOf(selectionResponses);
    }

    /** The parsed ciphertexts; IllegalArgumentException when one is not two valid points. */
    public List<Ciphertext> parsedCiphertexts() {
        return ciphertexts.stream().map(Ciphertext::parse).toList();
    }

    /** {@link Tracker#of} of this ballot. */
    public String tracker() {
        return Tracker.of(ballotId, parsedCiphertexts());
    }

    /**
     * The checks for every client-encrypted ballot (PROTOCOL.md §4.2): the id is a canonical UUID, there are
     * {@code Selection.width(options)} valid ciphertexts with as many responses, and the proof of knowledge of
     * their randomness verifies for this ballot id and public key.
     */
    public boolean verify(ECPoint publicKey, int options) {
        try {
            if (!isBallotId(ballotId) || options < 1
                    || ciphertexts.size() != Selection.width(options) || responses.size() != ciphertexts.size()) {
                return false;
            }
            List<Ciphertext> parsed = parsedCiphertexts();
            BigInteger c = Group.scalar(challenge);
            BigInteger minusC = Group.order().subtract(c);
            List<ECPoint> commitments = new ArrayList<>(parsed.size());
            for (int j = 0; j < parsed.size(); j++) {
                commitments.add(ECAlgorithms.sumOfTwoMultiplies(Group.generator(), Group.scalar(responses.get(j)),
                        parsed.get(j).alpha(), minusC));
            }
            return c.equals(pokChallenge(publicKey, ballotId, parsed, commitments));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The checks for a SINGLE ballot (PROTOCOL.md §4.3): everything {@link #verify} checks, one ciphertext
     * (so at most 240 options), n challenges and responses, and the disjunctive proof that the ciphertext
     * encrypts one of E_0 … E_{n−1}: with A_i = s_i·G − c_i·α and B_i = s_i·PK − c_i·(β − E_i),
     * Σ c_i = H("chamyeo/ballot-single", "P-256", PK, ballotId, α, β, A_0, B_0, …) mod q.
     */
    public boolean verifySingle(ECPoint publicKey, int options) {
        if (Selection.width(options) != 1 || selectionChallenges.size() != options
                || selectionResponses.size() != options || !verify(publicKey, options)) {
            return false;
        }
        try {
            Ciphertext c = parsedCiphertexts().get(0);
            ECPoint[] points = singlePoints(options);
            List<Object> commitments = new ArrayList<>(2 * options);
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < options; i++) {
                BigInteger ci = Group.scalar(selectionChallenges.get(i));
                BigInteger si = Group.scalar(selectionResponses.get(i));
                BigInteger minusCi = Group.order().subtract(ci);
                commitments.add(ECAlgorithms.sumOfTwoMultiplies(Group.generator(), si, c.alpha(), minusCi));
                commitments.add(ECAlgorithms.sumOfTwoMultiplies(publicKey, si, c.beta().subtract(points[i]),
                        minusCi));
                sum = sum.add(ci);
            }
            return sum.mod(Group.order()).equals(singleChallenge(publicKey, ballotId, c, commitments));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    static ECPoint[] singlePoints(int options) {
        return SINGLE_POINTS.computeIfAbsent(options, n -> {
            ECPoint[] points = new ECPoint[n];
            for (int i = 0; i < n; i++) {
                points[i] = Selection.encode(new int[] {i}, n)[0];
            }
            return points;
        });
    }

    static BigInteger pokChallenge(ECPoint publicKey, String ballotId, List<Ciphertext> ciphertexts,
            List<ECPoint> commitments) {
        return Hash.challenge(POK_TAG, Group.NAME, publicKey, ballotId, ciphertexts, commitments);
    }

    static BigInteger singleChallenge(ECPoint publicKey, String ballotId, Ciphertext c, List<Object> commitments) {
        List<Object> parts = new ArrayList<>(commitments.size() + 5);
        parts.add(Group.NAME);
        parts.add(publicKey);
        parts.add(ballotId);
        parts.add(c.alpha());
        parts.add(c.beta());
        parts.addAll(commitments);
        return Hash.challenge(SINGLE_TAG, parts.toArray());
    }

    static boolean isBallotId(String ballotId) {
        return ballotId != null && UUID.matcher(ballotId).matches();
    }
}
