package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A client-encrypted ballot as it travels and is stored (PROTOCOL.md §4.2–§4.3): one exponential-ElGamal ciphertext
 * per option (1·G chosen, 0 not), and interval proofs that every one is 0 or 1, that the number chosen is within the
 * rule's min..max and, for a BUDGET ballot, that the chosen costs stay within the limit ({@link BudgetProof}). That is
 * Belenios' homomorphic ballot (specification v1.5 §4.8 "Encrypted answers": individual and overall proofs) with a
 * budget proof added. The choices then combine, by the homomorphism, into the compact selection ciphertexts of §3
 * ({@link #selectionCiphertexts}) — what the board stores, the trustees mix and the tracker names — so what is counted
 * is exactly what was proven. All fields are lowercase hex text, so the record is its own JSON.
 *
 * @param ballotId        the ballot's id, a lowercase canonical UUID
 * @param choices         "alpha,beta" per option (points uncompressed, §4.3; compressed ones are read too)
 * @param choiceProofs    per option, the proof that its choice is in [0, 1]
 * @param countProof      the proof that the sum of the choices is in [min, max]
 * @param budgetDigits      BUDGET only: the commitment to each base-4 digit of the unspent budget (in budget units);
 *                          else empty
 * @param budgetDigitProofs BUDGET only: per digit, the proof that it is 0, 1, 2 or 3
 * @param budgetProof       BUDGET only: the link proof that the choices leave unspent what the digits spell; else empty
 */
public record EncryptedBallot(String ballotId, List<String> choices, List<List<String>> choiceProofs,
        List<String> countProof, List<String> budgetDigits, List<List<String>> budgetDigitProofs, List<String> budgetProof) {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A list missing from the JSON is empty: only BUDGET ballots carry the budget proof's fields. */
    public EncryptedBallot {
        choices = copy(choices);
        choiceProofs = choiceProofs == null ? List.of() : choiceProofs.stream().map(EncryptedBallot::copy).toList();
        countProof = copy(countProof);
        budgetDigits = copy(budgetDigits);
        budgetDigitProofs = budgetDigitProofs == null ? List.of()
                : budgetDigitProofs.stream().map(EncryptedBallot::copy).toList();
        budgetProof = copy(budgetProof);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** The parsed per-option ciphertexts; IllegalArgumentException when one is not two valid points. */
    public List<Ciphertext> parsedChoices() {
        return choices.stream().map(Ciphertext::parseBallot).toList();
    }

    /**
     * The selection ciphertexts (§3) these choices combine into: chunk j is (Σ 2^k·α_{16j+k}, G + Σ 2^k·β_{16j+k}),
     * the encryption of (m_j + 1)·G. Anyone recomputes them from the board.
     */
    public List<Ciphertext> selectionCiphertexts() {
        return combine(parsedChoices());
    }

    static List<Ciphertext> combine(List<Ciphertext> choices) {
        int width = Selection.width(choices.size());
        List<Ciphertext> chunks = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            ECPoint alpha = Group.infinity();
            ECPoint beta = Group.infinity();
            for (int i = Math.min(choices.size(), (j + 1) * Selection.CHUNK) - 1; i >= j * Selection.CHUNK; i--) {
                alpha = alpha.twice().add(choices.get(i).alpha());
                beta = beta.twice().add(choices.get(i).beta());
            }
            chunks.add(new Ciphertext(alpha.normalize(), beta.add(Group.generator()).normalize()));
        }
        return chunks;
    }

    /** {@link Tracker#of} of this ballot's selection ciphertexts. */
    public String tracker() {
        return Tracker.of(ballotId, selectionCiphertexts());
    }

    /**
     * Every check of PROTOCOL.md §4.3 for this rule and election key: the id is a canonical UUID, the lists have
     * their sizes, every point and scalar is valid, every proof's challenges combine to its hash, and all their
     * equations hold (checked in one batch).
     */
    public boolean verify(ECPoint publicKey, SelectionRule rule) {
        return fault(publicKey, rule).isEmpty();
    }

    /**
     * The first field that fails {@link #verify}, as the service names it to the app ("choiceProofs[3]"), or
     * "proofs" when only the batch of equations fails (it cannot say which); empty when the ballot verifies.
     */
    public Optional<String> fault(ECPoint publicKey, SelectionRule rule) {
        Prepared prepared = prepare(publicKey, rule);
        return !prepared.formed() || prepared.batch().holds() ? prepared.fault() : Optional.of("proofs");
    }

    /** A ballot to check, with the key and rule of the ballot it is cast on. */
    public record Submission(EncryptedBallot ballot, ECPoint publicKey, SelectionRule rule) {
    }

    /** What checking a ballot found: its first faulty field, or, when it verifies, the selection ciphertexts it is stored as. */
    public record Verdict(Optional<String> fault, List<Ciphertext> selectionCiphertexts) {

        static Verdict refused(String field) {
            return new Verdict(Optional.of(field), List.of());
        }
    }

    /**
     * {@link #fault} of each submission, answered together: the equations of all the ballots whose form and hashes
     * are right go into one multi-exponentiation, which costs each ballot less the more there are (PROTOCOL.md §4.3,
     * "Checking many ballots at once"). Only when that fails is each of them checked alone, to name the false ones.
     * A ballot that verifies comes back with its {@link #selectionCiphertexts}, combined from the choices the check
     * has already read. Pass the same key object for ballots of one election: shared terms are recognised by identity.
     * The ballots are read, and the sum's windows summed, in parallel on the fork-join pool the caller runs in.
     */
    public static List<Verdict> checkAll(List<Submission> submissions) {
        List<Prepared> prepared = submissions.parallelStream().map(s -> s.ballot().prepare(s.publicKey(), s.rule())).toList();
        List<Batch> formed = prepared.stream().filter(Prepared::formed).map(Prepared::batch).toList();
        boolean allHold = formed.size() > 1 && Batch.holdAll(formed);
        return prepared.parallelStream().map(ballot -> {
            if (!ballot.formed()) {
                return Verdict.refused(ballot.fault().get());
            }
            // One ballot, or a joint check that failed: each alone names the false ones.
            if (!allHold && !ballot.batch().holds()) {
                return Verdict.refused("proofs");
            }
            return new Verdict(Optional.empty(), combine(ballot.choices()));
        }).toList();
    }

    /** A ballot read for checking: its first faulty field, or its parsed choices and its proofs' equations. */
    private record Prepared(Optional<String> fault, List<Ciphertext> choices, Batch batch) {

        static Prepared refused(String field) {
            return new Prepared(Optional.of(field), List.of(), null);
        }

        boolean formed() {
            return fault.isEmpty();
        }
    }

    /** Checks the form and every proof's hash, and gathers the proofs' equations in one batch. */
    private Prepared prepare(ECPoint publicKey, SelectionRule rule) {
        int digits = rule.isBudget() ? BudgetProof.digits(rule) : 0;
        if (!isBallotId(ballotId)) {
            return Prepared.refused("ballotId");
        }
        if (choices.size() != rule.options() || choiceProofs.size() != rule.options()) {
            return Prepared.refused("choices");
        }
        if (budgetDigits.size() != digits || budgetDigitProofs.size() != digits
                || budgetProof.size() != (rule.isBudget() ? 1 : 0)) {
            return Prepared.refused("budgetDigits");
        }
        List<Ciphertext> parsedChoices;
        try {
            parsedChoices = parsedChoices();
        } catch (IllegalArgumentException malformed) {
            return Prepared.refused("choices");
        }
        Batch batch = new Batch();
        for (int i = 0; i < rule.options(); i++) {
            if (!IntervalProof.check(publicKey, ballotId, choiceLabel(i), parsedChoices.get(i), 0, 1,
                    choiceProofs.get(i), batch)) {
                return Prepared.refused("choiceProofs[" + i + "]");
            }
        }
        Ciphertext count = sum(parsedChoices);
        BigInteger[] ones = new BigInteger[parsedChoices.size()];
        java.util.Arrays.fill(ones, BigInteger.ONE);
        declare(batch, count, parsedChoices, ones, BigInteger.ZERO);
        if (!IntervalProof.check(publicKey, ballotId, COUNT_LABEL, count, rule.min(), rule.max(), countProof, batch)) {
            return Prepared.refused("countProof");
        }
        if (rule.isBudget()) {
            Optional<String> fault = BudgetProof.check(publicKey, ballotId, rule, parsedChoices, budgetDigits,
                    budgetDigitProofs, budgetProof, batch);
            if (fault.isPresent()) {
                return Prepared.refused(fault.get());
            }
        }
        return new Prepared(Optional.empty(), parsedChoices, batch);
    }

    /**
     * Tells the batch how {@code ct} was computed: α = Σ w_i·α_i and β = Σ w_i·β_i + g·G, so that its equations weigh
     * the ciphertexts it comes from instead of costing two terms of their own.
     */
    private static void declare(Batch batch, Ciphertext ct, List<Ciphertext> from, BigInteger[] weights, BigInteger generator) {
        batch.derived(ct.alpha(), from.stream().map(Ciphertext::alpha).toArray(ECPoint[]::new), weights, BigInteger.ZERO);
        batch.derived(ct.beta(), from.stream().map(Ciphertext::beta).toArray(ECPoint[]::new), weights, generator);
    }

    static final String COUNT_LABEL = "count";

    static String choiceLabel(int option) {
        return "choice/" + option;
    }

    static Ciphertext sum(List<Ciphertext> ciphertexts) {
        ECPoint alpha = Group.infinity();
        ECPoint beta = Group.infinity();
        for (Ciphertext c : ciphertexts) {
            alpha = alpha.add(c.alpha());
            beta = beta.add(c.beta());
        }
        return new Ciphertext(alpha.normalize(), beta.normalize());
    }

    static boolean isBallotId(String ballotId) {
        return ballotId != null && UUID.matcher(ballotId).matches();
    }
}
