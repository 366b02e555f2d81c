package kr.chamyeo.election;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class BallotEncryptionTest {

    private static final BigInteger SECRET = Group.randomScalar();
    private static final ECPoint PK = Group.base(SECRET);
    private final Random random = new Random(21);

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private int[] randomSelection(int options) {
        return IntStream.range(0, options).filter(i -> random.nextInt(3) == 0).toArray();
    }

    @Test
    void honestBallotsOfAnySizeVerifyDecryptAndOpenToTheirSelection() {
        for (int options : new int[] {1, 5, 240, 241, 600}) {
            for (int trial = 0; trial < 3; trial++) {
                int[] chosen = randomSelection(options);
                BallotEncryption.Encryption e = BallotEncryption.encrypt(id(), PK, options, chosen);
                EncryptedBallot ballot = e.ballot();
                assertTrue(ballot.verify(PK, options), options + " options");
                assertEquals(Selection.width(options), ballot.ciphertexts().size());
                ECPoint[] points = ballot.parsedCiphertexts().stream().map(c -> c.decrypt(SECRET))
                        .toArray(ECPoint[]::new);
                assertArrayEquals(chosen, Selection.decode(points, options).orElseThrow());
                assertArrayEquals(chosen, BallotAudit.open(ballot, PK, options, e.randomness()).orElseThrow());
            }
        }
    }

    @Test
    void aProofDoesNotCarryOverToAnotherBallotIdKeyOrOptionCount() {
        EncryptedBallot ballot = BallotEncryption.encrypt(id(), PK, 10, new int[] {2, 7}).ballot();
        EncryptedBallot copied = new EncryptedBallot(id(), ballot.ciphertexts(), ballot.challenge(),
                ballot.responses(), List.of(), List.of());
        assertFalse(copied.verify(PK, 10), "copied with its proof into another ballot");
        assertFalse(ballot.verify(Group.base(Group.randomScalar()), 10), "another election key");
        assertFalse(ballot.verify(PK, 300), "another ballot shape");
    }

    @Test
    void aReRandomisedCopyOfAnotherVotersCiphertextCannotBeProven() {
        EncryptedBallot victim = BallotEncryption.encrypt(id(), PK, 10, new int[] {4}).ballot();
        Ciphertext reRandomised = victim.parsedCiphertexts().get(0).reencrypt(PK, Group.randomScalar());
        EncryptedBallot copy = new EncryptedBallot(id(), List.of(reRandomised.text()), victim.challenge(),
                victim.responses(), List.of(), List.of());
        assertFalse(copy.verify(PK, 10));
        EncryptedBallot sameId = new EncryptedBallot(victim.ballotId(), List.of(reRandomised.text()),
                victim.challenge(), victim.responses(), List.of(), List.of());
        assertFalse(sameId.verify(PK, 10), "even under the victim's own ballot id");
    }

    @Test
    void anyTamperedResponseOrChallengeFails() {
        for (int trial = 0; trial < 10; trial++) {
            EncryptedBallot ballot = BallotEncryption.encryptSingle(id(), PK, 10, random.nextInt(10)).ballot();
            assertTrue(ballot.verifySingle(PK, 10));
            List<String> responses = new ArrayList<>(ballot.selectionResponses());
            int i = random.nextInt(10);
            responses.set(i, Group.hex(Group.scalar(responses.get(i)).add(BigInteger.ONE)));
            assertFalse(new EncryptedBallot(ballot.ballotId(), ballot.ciphertexts(), ballot.challenge(),
                    ballot.responses(), ballot.selectionChallenges(), responses).verifySingle(PK, 10));
            assertFalse(new EncryptedBallot(ballot.ballotId(), ballot.ciphertexts(),
                    Group.hex(Group.scalar(ballot.challenge()).add(BigInteger.ONE)), ballot.responses(),
                    ballot.selectionChallenges(), ballot.selectionResponses()).verify(PK, 10));
        }
    }

    @Test
    void singleProofsVerifyForEveryChoiceAndNotForAnotherIdKeyOrMissingBranch() {
        for (int options : new int[] {1, 2, 10, 240}) {
            int choice = random.nextInt(options);
            BallotEncryption.Encryption e = BallotEncryption.encryptSingle(id(), PK, options, choice);
            EncryptedBallot ballot = e.ballot();
            assertTrue(ballot.verifySingle(PK, options), options + " options");
            assertArrayEquals(new int[] {choice}, BallotAudit.open(ballot, PK, options, e.randomness()).orElseThrow());
            assertFalse(new EncryptedBallot(id(), ballot.ciphertexts(), ballot.challenge(), ballot.responses(),
                    ballot.selectionChallenges(), ballot.selectionResponses()).verifySingle(PK, options));
            assertFalse(ballot.verifySingle(Group.base(Group.randomScalar()), options));
            if (options > 1) {
                assertFalse(new EncryptedBallot(ballot.ballotId(), ballot.ciphertexts(), ballot.challenge(),
                        ballot.responses(), ballot.selectionChallenges().subList(1, options),
                        ballot.selectionResponses().subList(1, options)).verifySingle(PK, options - 1));
            }
        }
        EncryptedBallot approval = BallotEncryption.encrypt(id(), PK, 10, new int[] {1, 2}).ballot();
        assertTrue(approval.verify(PK, 10));
        assertTrue(new EncryptedBallot(approval.ballotId(), approval.ciphertexts(), approval.challenge(),
                approval.responses(), null, null).verify(PK, 10), "JSON without the SINGLE fields");
        assertFalse(approval.verifySingle(PK, 10), "a ballot without the SINGLE proof is no SINGLE ballot");
        assertThrows(IllegalArgumentException.class, () -> BallotEncryption.encryptSingle(id(), PK, 241, 0));
    }

    /**
     * A SINGLE ballot that encrypts two choices at once: the honest prover cannot make a CDS proof for it
     * (no branch is true), and a ballot carrying the proof of a one-choice ciphertext fails.
     */
    @Test
    void aCiphertextOfTwoChoicesCannotBorrowTheSingleProofOfAnother() {
        BallotEncryption.Encryption honest = BallotEncryption.encryptSingle(id(), PK, 10, 3);
        BigInteger r = Group.scalar(honest.randomness().get(0));
        Ciphertext two = Ciphertext.encrypt(PK, Selection.encode(new int[] {3, 5}, 10)[0], r);
        EncryptedBallot ballot = honest.ballot();
        EncryptedBallot doubled = new EncryptedBallot(ballot.ballotId(), List.of(two.text()), ballot.challenge(),
                ballot.responses(), ballot.selectionChallenges(), ballot.selectionResponses());
        assertFalse(doubled.verifySingle(PK, 10));
    }

    @Test
    void malformedBallotsAreRefusedNotThrown() {
        EncryptedBallot ballot = BallotEncryption.encryptSingle(id(), PK, 4, 1).ballot();
        assertFalse(new EncryptedBallot("not-a-uuid", ballot.ciphertexts(), ballot.challenge(), ballot.responses(),
                ballot.selectionChallenges(), ballot.selectionResponses()).verifySingle(PK, 4));
        assertFalse(new EncryptedBallot(ballot.ballotId().toUpperCase(), ballot.ciphertexts(), ballot.challenge(),
                ballot.responses(), ballot.selectionChallenges(), ballot.selectionResponses()).verify(PK, 4),
                "one ballot id, one spelling");
        assertFalse(new EncryptedBallot(ballot.ballotId(), List.of("02ff,03ff"), ballot.challenge(),
                ballot.responses(), List.of(), List.of()).verify(PK, 4));
        assertFalse(new EncryptedBallot(ballot.ballotId(), ballot.ciphertexts(), "zz", ballot.responses(),
                List.of(), List.of()).verify(PK, 4));
    }

    @Test
    void anAuditWithWrongRandomnessOrAnotherKeyOpensNothing() {
        BallotEncryption.Encryption e = BallotEncryption.encrypt(id(), PK, 300, new int[] {0, 299});
        List<String> wrong = new ArrayList<>(e.randomness());
        wrong.set(1, Group.hex(Group.randomScalar()));
        assertTrue(BallotAudit.open(e.ballot(), PK, 300, wrong).isEmpty());
        assertTrue(BallotAudit.open(e.ballot(), PK, 300, e.randomness().subList(0, 1)).isEmpty());
        assertTrue(BallotAudit.open(e.ballot(), Group.base(Group.randomScalar()), 300, e.randomness()).isEmpty());
    }

    @Test
    void theTrackerCommitsToTheIdAndEveryCiphertext() {
        EncryptedBallot ballot = BallotEncryption.encrypt(id(), PK, 300, new int[] {0}).ballot();
        List<Ciphertext> ciphertexts = ballot.parsedCiphertexts();
        String tracker = ballot.tracker();
        assertTrue(tracker.matches("[0-9a-f]{64}"));
        assertEquals(Hash.hex("chamyeo/tracker", ballot.ballotId(), ciphertexts), tracker);
        assertNotEquals(tracker, Tracker.of(id(), ciphertexts));
        List<Ciphertext> changed = new ArrayList<>(ciphertexts);
        changed.set(1, changed.get(1).reencrypt(PK, BigInteger.ONE));
        assertNotEquals(tracker, Tracker.of(ballot.ballotId(), changed));
    }

    /**
     * The Helios flaw (Bernhard, Pereira, Warinschi, "How not to prove yourself", 2012): when the challenge hashes
     * only the commitments, the prover may pick the statement after the challenge. Commitments first, then a
     * ciphertext that fits them: it passes the weak check yet decrypts to no option at all. Our challenge hashes
     * PK, the ballot id and the ciphertext, so the same forgery fails.
     */
    @Test
    void weakFiatShamirAcceptsAForgedSingleProofForAnInvalidCiphertextAndOursRejectsIt() {
        int options = 10;
        ECPoint[] points = EncryptedBallot.singlePoints(options);
        BigInteger q = Group.order();
        List<Object> commitments = new ArrayList<>();
        BigInteger[] challenges = new BigInteger[options];
        BigInteger[] responses = new BigInteger[options];
        BigInteger a = Group.randomScalar();
        BigInteger b = Group.randomScalar();
        commitments.add(Group.base(a));
        commitments.add(Group.base(b));
        for (int i = 1; i < options; i++) {
            // A zero challenge makes the branch independent of the statement still to be chosen.
            challenges[i] = BigInteger.ZERO;
            responses[i] = Group.randomScalar();
            commitments.add(Group.base(responses[i]));
            commitments.add(Group.mul(PK, responses[i]));
        }
        BigInteger c = weakChallenge(commitments);
        challenges[0] = c;
        responses[0] = Group.randomScalar();
        BigInteger cInverse = c.modInverse(q);
        // alpha and beta solved from A_0 = s_0·G − c·alpha and B_0 = s_0·PK − c·(beta − E_0).
        ECPoint alpha = Group.base(responses[0].subtract(a).multiply(cInverse));
        ECPoint beta = points[0].add(Group.mul(PK, responses[0]).subtract(Group.base(b)).multiply(cInverse))
                .normalize();
        Ciphertext forged = new Ciphertext(alpha, beta);

        assertTrue(weakVerify(forged, challenges, responses, points), "the weak check accepts the forgery");
        ECPoint plaintext = forged.decrypt(SECRET);
        assertTrue(List.of(points).stream().noneMatch(plaintext::equals), "and it encrypts no option");
        assertTrue(Selection.decode(new ECPoint[] {plaintext}, options).isEmpty());

        String ballotId = id();
        BigInteger w = Group.randomScalar();
        BigInteger pokChallenge = EncryptedBallot.pokChallenge(PK, ballotId, List.of(forged), List.of(Group.base(w)));
        // The proof of knowledge is even honest here: the forger knows alpha's logarithm.
        BigInteger r = responses[0].subtract(a).multiply(cInverse).mod(q);
        EncryptedBallot ballot = new EncryptedBallot(ballotId, List.of(forged.text()), Group.hex(pokChallenge),
                List.of(Group.hex(w.add(pokChallenge.multiply(r)))),
                List.of(challenges).stream().map(Group::hex).toList(),
                List.of(responses).stream().map(Group::hex).toList());
        assertTrue(ballot.verify(PK, options));
        assertFalse(ballot.verifySingle(PK, options), "our challenge covers the statement");
    }

    private static BigInteger weakChallenge(List<Object> commitments) {
        return Hash.challenge("helios-weak", commitments.toArray());
    }

    private static boolean weakVerify(Ciphertext ct, BigInteger[] challenges, BigInteger[] responses,
            ECPoint[] points) {
        List<Object> commitments = new ArrayList<>();
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < points.length; i++) {
            BigInteger minusC = Group.order().subtract(challenges[i]);
            commitments.add(ECAlgorithms.sumOfTwoMultiplies(Group.generator(), responses[i], ct.alpha(), minusC));
            commitments.add(ECAlgorithms.sumOfTwoMultiplies(PK, responses[i], ct.beta().subtract(points[i]), minusC));
            sum = sum.add(challenges[i]);
        }
        return sum.mod(Group.order()).equals(weakChallenge(commitments));
    }
}
