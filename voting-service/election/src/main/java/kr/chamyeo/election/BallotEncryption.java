package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The voter's side of a client-encrypted ballot (PROTOCOL.md §4.2–§4.3): encrypts each option's choice under the
 * election key and proves the ballot valid for its rule, bound to the ballot id — Belenios specification v1.5 §4.8
 * "Encrypted answers" and §4.9 ({@code iprove}), with a budget range proof ({@link BudgetProof}). The app keeps
 * {@link Encryption#randomness()} only long enough for a Benaloh audit ({@link BallotAudit}); a ballot that was opened
 * must never be cast.
 */
public final class BallotEncryption {

    /** The ballot to send and the randomness of its choices (hex, one per option) to keep for an audit. */
    public record Encryption(EncryptedBallot ballot, List<String> randomness) {
        public Encryption {
            randomness = List.copyOf(randomness);
        }
    }

    private BallotEncryption() {
    }

    /** A ballot choosing {@code chosen} (distinct indexes the rule admits), with its proofs. */
    public static Encryption encrypt(String ballotId, ECPoint publicKey, SelectionRule rule, int[] chosen) {
        return encrypt(Randomness.SECURE, ballotId, publicKey, rule, chosen);
    }

    static Encryption encrypt(Randomness random, String ballotId, ECPoint publicKey, SelectionRule rule, int[] chosen) {
        if (!EncryptedBallot.isBallotId(ballotId)) {
            throw new IllegalArgumentException("a ballot id is a lowercase canonical UUID: " + ballotId);
        }
        Selection.chunks(chosen, rule.options());
        if (!rule.admits(chosen)) {
            throw new IllegalArgumentException("the rule does not admit " + Arrays.toString(chosen));
        }
        int[] x = new int[rule.options()];
        for (int index : chosen) {
            x[index] = 1;
        }
        List<Ciphertext> choices = new ArrayList<>(x.length);
        List<BigInteger> r = new ArrayList<>(x.length);
        for (int value : x) {
            BigInteger ri = random.scalar();
            r.add(ri);
            choices.add(encryptExponent(publicKey, value, ri));
        }
        List<List<String>> choiceProofs = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            choiceProofs.add(IntervalProof.prove(random, publicKey, ballotId, EncryptedBallot.choiceLabel(i),
                    choices.get(i), 0, 1, x[i], r.get(i)));
        }
        BigInteger q = Group.order();
        BigInteger rSum = r.stream().reduce(BigInteger.ZERO, BigInteger::add).mod(q);
        List<String> countProof = IntervalProof.prove(random, publicKey, ballotId, EncryptedBallot.COUNT_LABEL,
                EncryptedBallot.sum(choices), rule.min(), rule.max(), chosen.length, rSum);
        BudgetProof.Proven budget = rule.isBudget()
                ? BudgetProof.prove(random, publicKey, ballotId, rule, choices, x, r)
                : new BudgetProof.Proven(List.of(), List.of(), List.of());
        EncryptedBallot ballot = new EncryptedBallot(ballotId, choices.stream().map(Ciphertext::wideText).toList(),
                choiceProofs, countProof, budget.digits(), budget.digitProofs(), budget.link());
        return new Encryption(ballot, r.stream().map(Group::hex).toList());
    }

    /** (r·G, value·G + r·PK). */
    static Ciphertext encryptExponent(ECPoint publicKey, int value, BigInteger r) {
        ECPoint mask = Group.fixed(publicKey, r);
        ECPoint beta = value == 0 ? mask : mask.add(Group.base(BigInteger.valueOf(value)));
        return new Ciphertext(Group.base(r), beta.normalize());
    }
}
