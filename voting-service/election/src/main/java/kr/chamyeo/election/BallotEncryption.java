package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The voter's side of a client-encrypted ballot (PROTOCOL.md §4): encrypts a selection under the election key
 * and proves it, bound to the ballot id — Belenios specification v1.5 §4.8 "Encrypted answers" and §4.9 "Proofs of
 * interval membership" (the {@code iprove} procedure: simulated branches, one real branch closing the challenge
 * sum), with embedded points instead of exponents. The app keeps {@link Encryption#randomness()} only long enough for a
 * Benaloh audit ({@link BallotAudit}); a ballot that was opened must never be cast.
 */
public final class BallotEncryption {

    /** The ballot to send and the randomness of its ciphertexts (hex, one per ciphertext) to keep for an audit. */
    public record Encryption(EncryptedBallot ballot, List<String> randomness) {
        public Encryption {
            randomness = List.copyOf(randomness);
        }
    }

    private BallotEncryption() {
    }

    /** A ballot choosing {@code chosen} (distinct indexes below {@code options}) with its proof of knowledge. */
    public static Encryption encrypt(String ballotId, ECPoint publicKey, int options, int[] chosen) {
        return encrypt(Randomness.SECURE, ballotId, publicKey, options, chosen, false);
    }

    /** A SINGLE ballot choosing exactly {@code choice}, with the disjunctive proof that it chose one option. */
    public static Encryption encryptSingle(String ballotId, ECPoint publicKey, int options, int choice) {
        return encrypt(Randomness.SECURE, ballotId, publicKey, options, new int[] {choice}, true);
    }

    static Encryption encrypt(Randomness random, String ballotId, ECPoint publicKey, int options, int[] chosen,
            boolean single) {
        if (!EncryptedBallot.isBallotId(ballotId)) {
            throw new IllegalArgumentException("a ballot id is a lowercase canonical UUID: " + ballotId);
        }
        if (Arrays.stream(chosen).distinct().count() != chosen.length) {
            throw new IllegalArgumentException("an option is chosen twice: " + Arrays.toString(chosen));
        }
        if (single && (chosen.length != 1 || Selection.width(options) != 1)) {
            throw new IllegalArgumentException("a SINGLE ballot chooses one of at most 240 options");
        }
        ECPoint[] points = Selection.encode(chosen, options);
        List<Ciphertext> ciphertexts = new ArrayList<>(points.length);
        List<BigInteger> r = new ArrayList<>(points.length);
        for (ECPoint point : points) {
            BigInteger rj = random.scalar();
            r.add(rj);
            ciphertexts.add(Ciphertext.encrypt(publicKey, point, rj));
        }
        List<BigInteger> w = new ArrayList<>(points.length);
        List<ECPoint> commitments = new ArrayList<>(points.length);
        for (int j = 0; j < points.length; j++) {
            w.add(random.scalar());
            commitments.add(Group.base(w.get(j)));
        }
        BigInteger c = EncryptedBallot.pokChallenge(publicKey, ballotId, ciphertexts, commitments);
        List<String> responses = new ArrayList<>(points.length);
        for (int j = 0; j < points.length; j++) {
            responses.add(Group.hex(w.get(j).add(c.multiply(r.get(j)))));
        }
        List<String> selectionChallenges = List.of();
        List<String> selectionResponses = List.of();
        if (single) {
            BigInteger[][] proof = proveSingle(random, ballotId, publicKey, options, chosen[0], ciphertexts.get(0),
                    r.get(0));
            selectionChallenges = Arrays.stream(proof[0]).map(Group::hex).toList();
            selectionResponses = Arrays.stream(proof[1]).map(Group::hex).toList();
        }
        EncryptedBallot ballot = new EncryptedBallot(ballotId,
                ciphertexts.stream().map(Ciphertext::text).toList(), Group.hex(c), responses,
                selectionChallenges, selectionResponses);
        return new Encryption(ballot, r.stream().map(Group::hex).toList());
    }

    /**
     * The CDS disjunction (Cramer, Damgård, Schoenmakers 1994): simulated branches for every option but the
     * chosen one, whose challenge is whatever makes the challenges sum to the hash. Returns {challenges,
     * responses}.
     */
    private static BigInteger[][] proveSingle(Randomness random, String ballotId, ECPoint publicKey, int options,
            int choice, Ciphertext c, BigInteger r) {
        BigInteger q = Group.order();
        ECPoint[] points = EncryptedBallot.singlePoints(options);
        BigInteger[] challenges = new BigInteger[options];
        BigInteger[] responses = new BigInteger[options];
        List<Object> commitments = new ArrayList<>(2 * options);
        BigInteger w = null;
        BigInteger simulated = BigInteger.ZERO;
        for (int i = 0; i < options; i++) {
            if (i == choice) {
                w = random.scalar();
                commitments.add(Group.base(w));
                commitments.add(Group.fixed(publicKey, w));
            } else {
                challenges[i] = random.scalar();
                responses[i] = random.scalar();
                BigInteger minusC = q.subtract(challenges[i]);
                commitments.add(ECAlgorithms.sumOfTwoMultiplies(Group.generator(), responses[i], c.alpha(), minusC));
                commitments.add(ECAlgorithms.sumOfTwoMultiplies(publicKey, responses[i],
                        c.beta().subtract(points[i]), minusC));
                simulated = simulated.add(challenges[i]);
            }
        }
        BigInteger total = EncryptedBallot.singleChallenge(publicKey, ballotId, c, commitments);
        challenges[choice] = total.subtract(simulated).mod(q);
        responses[choice] = w.add(challenges[choice].multiply(r)).mod(q);
        return new BigInteger[][] {challenges, responses};
    }
}
