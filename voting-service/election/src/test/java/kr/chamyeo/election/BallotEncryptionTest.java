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
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class BallotEncryptionTest {

    private static final BigInteger SECRET = Group.randomScalar();
    private static final ECPoint PK = Group.base(SECRET);
    /** A district assembly's ballot: 6 projects in 원, at most 3 chosen, within 100,000,000원. */
    private static final SelectionRule BUDGET = new SelectionRule(6, 1, 3,
            List.of(30_000_000L, 50_000_000L, 20_000_000L, 40_000_000L, 10_000_000L, 70_000_000L), 100_000_000L);
    private final Random random = new Random(21);

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static int[] decrypted(EncryptedBallot ballot, int options) {
        ECPoint[] points = ballot.selectionCiphertexts().stream().map(c -> c.decrypt(SECRET)).toArray(ECPoint[]::new);
        return Selection.decode(points, options).orElseThrow();
    }

    @Test
    void honestBallotsOfEveryRuleAndSizeVerifyDecryptAndOpenToTheirSelection() {
        for (int options : new int[] {1, 2, 10, 16, 17, 40}) {
            for (int trial = 0; trial < 3; trial++) {
                int[] chosen = IntStream.range(0, options).filter(i -> random.nextInt(3) == 0).toArray();
                SelectionRule rule = new SelectionRule(options, 0, options, null, null);
                BallotEncryption.Encryption e = BallotEncryption.encrypt(id(), PK, rule, chosen);
                EncryptedBallot ballot = e.ballot();
                String what = options + " options, chose " + java.util.Arrays.toString(chosen);
                assertTrue(ballot.verify(PK, rule), what);
                assertEquals(Selection.width(options), ballot.selectionCiphertexts().size(), what);
                assertArrayEquals(chosen, decrypted(ballot, options), what);
                assertArrayEquals(chosen, BallotAudit.open(ballot, PK, options, e.randomness()).orElseThrow(), what);
            }
        }
        for (int choice = 0; choice < 10; choice++) {
            EncryptedBallot single = BallotEncryption.encrypt(id(), PK, SelectionRule.single(10), new int[] {choice}).ballot();
            assertTrue(single.verify(PK, SelectionRule.single(10)));
            assertArrayEquals(new int[] {choice}, decrypted(single, 10));
        }
        EncryptedBallot budget = BallotEncryption.encrypt(id(), PK, BUDGET, new int[] {0, 1, 2}).ballot();
        assertTrue(budget.verify(PK, BUDGET), "30 + 50 + 20 = 100 million: exactly the limit");
        assertEquals(2, budget.budgetDigits().size(), "costs and limit in units of 10 million: 10 < 2^4, two base-4 digits");
        assertArrayEquals(new int[] {0, 1, 2}, decrypted(budget, 6));
    }

    @Test
    void theProverCannotProveWhatTheRuleForbids() {
        assertThrows(IllegalArgumentException.class,
                () -> BallotEncryption.encrypt(id(), PK, SelectionRule.single(10), new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> BallotEncryption.encrypt(id(), PK, SelectionRule.single(10), new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> BallotEncryption.encrypt(id(), PK, BUDGET, new int[] {1, 5}));
        assertThrows(IllegalArgumentException.class, () -> BallotEncryption.encrypt(id(), PK, BUDGET, new int[] {2, 2}));
    }

    /** A ballot proven under a looser rule is refused under the real one: the proofs state the rule. */
    @Test
    void aBallotThatBreaksTheRuleIsRefused() {
        SelectionRule approval = new SelectionRule(10, 1, 10, null, null);
        EncryptedBallot two = BallotEncryption.encrypt(id(), PK, approval, new int[] {3, 5}).ballot();
        assertTrue(two.verify(PK, approval));
        assertFalse(two.verify(PK, SelectionRule.single(10)), "two choices on a SINGLE ballot");
        assertFalse(two.verify(PK, new SelectionRule(10, 3, 5, null, null)), "fewer than min");
        assertFalse(two.verify(PK, new SelectionRule(10, 0, 1, null, null)), "more than max");
        SelectionRule looser = new SelectionRule(6, 1, 3, BUDGET.costs(), 130_000_000L);
        EncryptedBallot over = BallotEncryption.encrypt(id(), PK, looser, new int[] {1, 5}).ballot();
        assertTrue(over.verify(PK, looser));
        assertFalse(over.verify(PK, BUDGET), "120 million chosen against a limit of 100 million");
        SelectionRule dearer = new SelectionRule(6, 1, 3,
                List.of(30_000_000L, 50_000_000L, 20_000_000L, 40_000_000L, 10_000_000L, 90_000_000L), 130_000_000L);
        assertFalse(over.verify(PK, dearer), "the costs are part of the statement");
    }

    /** A choice that encrypts 2 (a doubled vote) fits no proof; swapping it in breaks the ballot. */
    @Test
    void aChoiceThatIsNotZeroOrOneOrAnyChangedPartIsRefused() {
        SelectionRule rule = new SelectionRule(8, 0, 8, null, null);
        EncryptedBallot honest = BallotEncryption.encrypt(id(), PK, rule, new int[] {1, 4}).ballot();
        Ciphertext doubled = BallotEncryption.encryptExponent(PK, 2, Group.randomScalar());
        assertFalse(with(honest, b -> replaceChoice(b, 4, doubled.text())).verify(PK, rule));
        Ciphertext reRandomised = Ciphertext.parseBallot(honest.choices().get(4)).reencrypt(PK, Group.randomScalar());
        assertFalse(with(honest, b -> replaceChoice(b, 4, reRandomised.text())).verify(PK, rule),
                "a re-randomised copy cannot be proven by the copier");
        for (int option = 0; option < 8; option++) {
            for (int branch = 0; branch < 2; branch++) {
                for (int part = 0; part < 4; part++) {
                    int o = option;
                    int br = branch;
                    int p = part;
                    EncryptedBallot changed = with(honest, b -> changeBranch(b, o, br, p));
                    assertFalse(changed.verify(PK, rule), "option " + option + " branch " + branch + " part " + part);
                }
            }
        }
        assertFalse(new EncryptedBallot(id(), honest.choices(), honest.choiceProofs(), honest.countProof(), List.of(),
                List.of(), List.of()).verify(PK, rule), "the proofs are bound to the ballot id");
        assertFalse(new EncryptedBallot(honest.ballotId().toUpperCase(), honest.choices(), honest.choiceProofs(),
                honest.countProof(), List.of(), List.of(), List.of()).verify(PK, rule));
        assertFalse(honest.verify(Group.base(Group.randomScalar()), rule), "another election key");
        List<List<String>> swapped = new ArrayList<>(honest.choiceProofs());
        swapped.set(0, honest.choiceProofs().get(1));
        swapped.set(1, honest.choiceProofs().get(0));
        assertFalse(new EncryptedBallot(honest.ballotId(), honest.choices(), swapped, honest.countProof(), List.of(),
                List.of(), List.of()).verify(PK, rule), "a proof is bound to its option");
        assertFalse(new EncryptedBallot(honest.ballotId(), honest.choices().subList(0, 7),
                honest.choiceProofs().subList(0, 7), honest.countProof(), List.of(), List.of(), List.of()).verify(PK, rule));
        assertFalse(with(honest, b -> replaceChoice(b, 0, "02ff,03ff")).verify(PK, rule));
    }

    @Test
    void aBallotWrittenWithCompressedPointsIsTheSameBallotAndOffCurvePointsAreRefused() {
        EncryptedBallot wide = BallotEncryption.encrypt(id(), PK, BUDGET, new int[] {0, 3}).ballot();
        assertTrue(wide.choices().get(0).matches("04[0-9a-f]{128},04[0-9a-f]{128}"), "the encryptor writes uncompressed points");
        EncryptedBallot compressed = new EncryptedBallot(wide.ballotId(), compress(wide.choices()),
                wide.choiceProofs().stream().map(BallotEncryptionTest::compress).toList(), compress(wide.countProof()),
                compress(wide.budgetDigits()), wide.budgetDigitProofs().stream().map(BallotEncryptionTest::compress).toList(),
                compress(wide.budgetProof()));
        assertTrue(compressed.choices().get(0).matches("0[23][0-9a-f]{64},0[23][0-9a-f]{64}"));
        assertTrue(compressed.verify(PK, BUDGET), "hashes use the compressed text, so the proofs hold in either spelling");
        assertEquals(wide.tracker(), compressed.tracker(), "and the board names it the same (a re-spelled copy is a copy)");
        // y + 1 is not on the curve with that x: refused as it is read, not only by the proofs.
        String point = wide.choices().get(2).split(",")[0];
        String offCurve = point.substring(0, 129) + (point.charAt(129) == '0' ? '1' : '0');
        assertThrows(IllegalArgumentException.class, () -> Group.ballotPoint(offCurve));
        assertEquals(java.util.Optional.of("choices"), with(wide, b -> replaceChoice(b, 2, offCurve + "," + point)).fault(PK, BUDGET));
        assertThrows(IllegalArgumentException.class, () -> Group.ballotPoint("04" + point.substring(2, 66)),
                "an uncompressed point is x and y");
    }

    /** Every point of the texts (ciphertexts "α,β", branches "A,B,c,s" or "A,c,s", points) written compressed. */
    private static List<String> compress(List<String> texts) {
        return texts.stream().map(text -> java.util.Arrays.stream(text.split(","))
                .map(part -> part.length() == 130 ? Group.hex(Group.ballotPoint(part)) : part)
                .collect(java.util.stream.Collectors.joining(","))).toList();
    }

    @Test
    void everyChangedPartOfABudgetProofIsRefused() {
        EncryptedBallot honest = BallotEncryption.encrypt(id(), PK, BUDGET, new int[] {4, 3}).ballot();
        assertTrue(honest.verify(PK, BUDGET));
        for (int digit = 0; digit < honest.budgetDigits().size(); digit++) {
            List<String> digits = new ArrayList<>(honest.budgetDigits());
            digits.set(digit, Group.wideHex(Group.ballotPoint(digits.get(digit)).add(Group.generator()).normalize()));
            assertEquals(Optional.of("budgetDigitProofs[" + digit + "]"), budget(honest, digits, honest.budgetDigitProofs(),
                    honest.budgetProof()).fault(PK, BUDGET), "digit " + digit + " plus one");
            for (int branch = 0; branch < 4; branch++) {
                for (int part = 0; part < 3; part++) {
                    List<List<String>> proofs = new ArrayList<>(honest.budgetDigitProofs());
                    List<String> proof = new ArrayList<>(proofs.get(digit));
                    proof.set(branch, changePart(proof.get(branch), part));
                    proofs.set(digit, proof);
                    // A changed response leaves the hash intact: only the equations refuse it.
                    assertEquals(Optional.of(part == 2 ? "proofs" : "budgetDigitProofs[" + digit + "]"),
                            budget(honest, honest.budgetDigits(), proofs, honest.budgetProof()).fault(PK, BUDGET),
                            "digit " + digit + ", branch " + branch + ", part " + part);
                }
            }
        }
        for (int part = 0; part < 5; part++) {
            List<String> link = List.of(changePart(honest.budgetProof().get(0), part));
            assertEquals(Optional.of(part >= 3 ? "proofs" : "budgetProof"),
                    budget(honest, honest.budgetDigits(), honest.budgetDigitProofs(), link).fault(PK, BUDGET),
                    "link proof part " + part);
        }
        assertEquals(Optional.of("budgetDigits"), budget(honest, honest.budgetDigits().subList(0, 1),
                honest.budgetDigitProofs().subList(0, 1), honest.budgetProof()).fault(PK, BUDGET), "one digit too few");
        assertEquals(Optional.of("budgetDigits"), budget(honest, List.of(), List.of(), List.of()).fault(PK, BUDGET),
                "a BUDGET ballot without its budget proof");
    }

    /**
     * The digits bind the unspent amount: a ballot honestly proven within a higher limit (130 of 150 million, 2 units
     * unspent) is refused under the rule whose limit (100 million) it exceeds, though the costs' unit and the number of
     * digits are the same and every digit proof still holds — only the link to the residue breaks.
     */
    @Test
    void digitsProvenUnderAHigherLimitDoNotPassALowerOne() {
        SelectionRule higher = new SelectionRule(6, 1, 3, BUDGET.costs(), 150_000_000L);
        EncryptedBallot over = BallotEncryption.encrypt(id(), PK, higher, new int[] {1, 5, 4}).ballot();
        assertTrue(over.verify(PK, higher));
        assertEquals(over.budgetDigits().size(), BudgetProof.digits(BUDGET));
        assertEquals(Optional.of("budgetProof"), over.fault(PK, BUDGET));
    }

    private static EncryptedBallot budget(EncryptedBallot b, List<String> digits, List<List<String>> digitProofs,
            List<String> link) {
        return new EncryptedBallot(b.ballotId(), b.choices(), b.choiceProofs(), b.countProof(), digits, digitProofs, link);
    }

    /**
     * Changing only a response leaves every hash intact: what refuses the ballot is the batch of equations, so this
     * shows the batch check really checks (a Batch that always answered true would pass every other test above that
     * changes a commitment or a challenge).
     */
    @Test
    void aWrongResponseIsCaughtByTheBatchOfEquations() {
        SelectionRule rule = new SelectionRule(5, 1, 2, null, null);
        EncryptedBallot honest = BallotEncryption.encrypt(id(), PK, rule, new int[] {2}).ballot();
        assertFalse(with(honest, b -> changeBranch(b, 3, 0, 3)).verify(PK, rule));
        List<String> count = new ArrayList<>(honest.countProof());
        count.set(1, changePart(count.get(1), 3));
        assertFalse(new EncryptedBallot(honest.ballotId(), honest.choices(), honest.choiceProofs(), count, List.of(),
                List.of(), List.of()).verify(PK, rule));
        Batch batch = new Batch();
        batch.equation(BigInteger.TWO, Group.generator(), Group.generator(), BigInteger.ONE, Group.generator(), BigInteger.ZERO);
        assertTrue(batch.holds(), "2·G = G + 1·G");
        batch.equation(BigInteger.TWO, Group.generator(), Group.generator(), BigInteger.ONE, Group.generator(), BigInteger.ONE);
        assertFalse(batch.holds(), "2·G ≠ G + 1·(G − G)");
    }

    /**
     * Many ballots checked together ({@link EncryptedBallot#checkAll}, as the service does under load): ballots of
     * different rules and elections pass together, each with the selection ciphertexts it is stored as, and a false or
     * malformed ballot among them is named alone — the honest ones around it still pass.
     */
    @Test
    void aJointCheckPassesHonestBallotsAndNamesOnlyTheFalseOnes() {
        ECPoint otherKey = Group.base(Group.randomScalar());
        SelectionRule approval = new SelectionRule(5, 1, 2, null, null);
        List<EncryptedBallot.Submission> honest = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            honest.add(new EncryptedBallot.Submission(BallotEncryption.encrypt(id(), PK, BUDGET, new int[] {i, 4}).ballot(), PK, BUDGET));
            honest.add(new EncryptedBallot.Submission(BallotEncryption.encrypt(id(), otherKey, approval, new int[] {i}).ballot(),
                    otherKey, approval));
            honest.add(new EncryptedBallot.Submission(BallotEncryption.encrypt(id(), PK, SelectionRule.single(10), new int[] {i})
                    .ballot(), PK, SelectionRule.single(10)));
        }
        List<EncryptedBallot.Verdict> verdicts = EncryptedBallot.checkAll(honest);
        for (int i = 0; i < honest.size(); i++) {
            assertEquals(java.util.Optional.empty(), verdicts.get(i).fault(), "ballot " + i);
            assertEquals(honest.get(i).ballot().selectionCiphertexts(), verdicts.get(i).selectionCiphertexts(), "ballot " + i);
        }

        EncryptedBallot budget = BallotEncryption.encrypt(id(), PK, BUDGET, new int[] {1}).ballot();
        List<String> budgetProof = List.of(changePart(budget.budgetProof().get(0), 3));
        EncryptedBallot falseBudget = budget(budget, budget.budgetDigits(), budget.budgetDigitProofs(), budgetProof);
        EncryptedBallot falseChoice = with(BallotEncryption.encrypt(id(), otherKey, approval, new int[] {3}).ballot(),
                b -> changeBranch(b, 2, 1, 3));
        EncryptedBallot malformed = new EncryptedBallot(budget.ballotId(), budget.choices().subList(0, 5), budget.choiceProofs(),
                budget.countProof(), budget.budgetDigits(), budget.budgetDigitProofs(), budget.budgetProof());
        List<EncryptedBallot.Submission> mixed = new ArrayList<>(honest);
        mixed.add(3, new EncryptedBallot.Submission(falseBudget, PK, BUDGET));
        mixed.add(7, new EncryptedBallot.Submission(falseChoice, otherKey, approval));
        mixed.add(new EncryptedBallot.Submission(malformed, PK, BUDGET));
        List<EncryptedBallot.Verdict> mixedVerdicts = EncryptedBallot.checkAll(mixed);
        for (int i = 0; i < mixed.size(); i++) {
            String expected = i == 3 || i == 7 ? "proofs" : i == mixed.size() - 1 ? "choices" : null;
            assertEquals(java.util.Optional.ofNullable(expected), mixedVerdicts.get(i).fault(), "ballot " + i);
            assertEquals(expected == null ? mixed.get(i).ballot().selectionCiphertexts() : List.of(),
                    mixedVerdicts.get(i).selectionCiphertexts(), "ballot " + i);
        }
    }

    @Test
    void anAuditOpensOnlyWithTheRightRandomnessAndKey() {
        SelectionRule rule = new SelectionRule(30, 0, 30, null, null);
        BallotEncryption.Encryption e = BallotEncryption.encrypt(id(), PK, rule, new int[] {0, 29});
        List<String> wrong = new ArrayList<>(e.randomness());
        wrong.set(29, Group.hex(Group.randomScalar()));
        assertTrue(BallotAudit.open(e.ballot(), PK, 30, wrong).isEmpty());
        assertTrue(BallotAudit.open(e.ballot(), PK, 30, e.randomness().subList(0, 1)).isEmpty());
        assertTrue(BallotAudit.open(e.ballot(), Group.base(Group.randomScalar()), 30, e.randomness()).isEmpty());
    }

    @Test
    void theTrackerCommitsToTheIdAndEverySelectionCiphertext() {
        EncryptedBallot ballot = BallotEncryption.encrypt(id(), PK, new SelectionRule(20, 0, 20, null, null), new int[] {0})
                .ballot();
        List<Ciphertext> ciphertexts = ballot.selectionCiphertexts();
        String tracker = ballot.tracker();
        assertTrue(tracker.matches("[0-9a-f]{64}"));
        assertEquals(Hash.hex("chamyeo/tracker", ballot.ballotId(), ciphertexts), tracker);
        // The vote path hashes the board's text of the ciphertexts: the same tracker.
        assertEquals(tracker, Tracker.ofText(ballot.ballotId(), BallotText.of(ciphertexts)));
        assertNotEquals(tracker, Tracker.of(id(), ciphertexts));
        List<Ciphertext> changed = new ArrayList<>(ciphertexts);
        changed.set(1, changed.get(1).reencrypt(PK, BigInteger.ONE));
        assertNotEquals(tracker, Tracker.of(ballot.ballotId(), changed));
    }

    /**
     * The Helios flaw (Bernhard, Pereira, Warinschi, "How not to prove yourself", 2012): when the challenge hashes
     * only the commitments, the prover may pick the statement after the challenge. Commitments first, then a
     * ciphertext that fits them: it passes the weak check yet encrypts neither 0 nor 1. Our challenge hashes PK, the
     * ballot id, the label, the interval and the ciphertext, so the same forgery fails.
     */
    @Test
    void weakFiatShamirAcceptsAForgedChoiceProofAndOursRejectsIt() {
        BigInteger a = Group.randomScalar();
        BigInteger b = Group.randomScalar();
        ECPoint a0 = Group.base(a);
        ECPoint b0 = Group.base(b);
        // Branch 1 with challenge 0 holds for any ciphertext.
        BigInteger s1 = Group.randomScalar();
        ECPoint a1 = Group.base(s1);
        ECPoint b1 = Group.mul(PK, s1);
        BigInteger c = Hash.shortChallenge("weak", a0, b0, a1, b1);
        BigInteger s0 = Group.randomScalar();
        BigInteger cInverse = c.modInverse(Group.order());
        // alpha and beta solved from A_0 = s_0·G − c·alpha and B_0 = s_0·PK − c·beta.
        ECPoint alpha = Group.base(s0.subtract(a).multiply(cInverse));
        ECPoint beta = Group.mul(PK, s0).subtract(b0).multiply(cInverse).normalize();
        Ciphertext forged = new Ciphertext(alpha, beta);
        ECPoint plaintext = forged.decrypt(SECRET);
        assertFalse(plaintext.isInfinity() || plaintext.equals(Group.generator()), "encrypts neither 0 nor 1");

        Batch weak = new Batch();
        weak.equation(s0, Group.generator(), a0, c, alpha, BigInteger.ZERO);
        weak.equation(s0, PK, b0, c, beta, BigInteger.ZERO);
        weak.equation(s1, Group.generator(), a1, BigInteger.ZERO, alpha, BigInteger.ZERO);
        weak.equation(s1, PK, b1, BigInteger.ZERO, beta, BigInteger.ONE);
        assertTrue(weak.holds(), "the weak verifier's equations hold for the forgery");

        List<String> proof = List.of(Branch.text(c, s0, a0, b0), Branch.text(BigInteger.ZERO, s1, a1, b1));
        String ballotId = id();
        assertFalse(IntervalProof.check(PK, ballotId, EncryptedBallot.choiceLabel(0), forged, 0, 1, proof, new Batch()),
                "our challenge covers the statement, so the combined challenges no longer match");
    }

    /**
     * A branch's challenge is 128 bits in exactly 32 hex digits, and the branches' challenges combine by exclusive or
     * (PROTOCOL.md §4.2): a proof whose challenges only add up to the hash (mod 2^128) is refused by the hash check,
     * before any equation, and so is an honest challenge spelled with 64 digits.
     */
    @Test
    void branchChallengesAre128BitsAndCombineByExclusiveOr() {
        SelectionRule rule = new SelectionRule(5, 1, 2, null, null);
        EncryptedBallot honest = BallotEncryption.encrypt(id(), PK, rule, new int[] {2}).ballot();
        List<Branch> branches = Branch.parseAll(honest.choiceProofs().get(0), 2, 2);
        BigInteger hash = Branch.combined(branches);
        assertTrue(hash.bitLength() <= 128 && branches.stream().allMatch(b -> b.challenge().bitLength() <= 128));
        BigInteger added = hash.subtract(branches.get(1).challenge()).mod(BigInteger.ONE.shiftLeft(128));
        String[] first = honest.choiceProofs().get(0).get(0).split(",");
        first[2] = Group.shortHex(added);
        assertEquals(Optional.of("choiceProofs[0]"), with(honest, b -> replaceBranch(b, 0, 0, String.join(",", first)))
                .fault(PK, rule), "challenges that add up to the hash do not combine to it");
        String[] wide = honest.choiceProofs().get(0).get(0).split(",");
        wide[2] = "0".repeat(32) + wide[2];
        assertEquals(Optional.of("choiceProofs[0]"), with(honest, b -> replaceBranch(b, 0, 0, String.join(",", wide)))
                .fault(PK, rule), "the same challenge in 64 digits");
        assertTrue(honest.verify(PK, rule));
    }

    private static EncryptedBallot with(EncryptedBallot ballot, UnaryOperator<EncryptedBallot> change) {
        return change.apply(ballot);
    }

    private static EncryptedBallot replaceChoice(EncryptedBallot b, int option, String ciphertext) {
        List<String> choices = new ArrayList<>(b.choices());
        choices.set(option, ciphertext);
        return new EncryptedBallot(b.ballotId(), choices, b.choiceProofs(), b.countProof(), b.budgetDigits(),
                b.budgetDigitProofs(), b.budgetProof());
    }

    private static EncryptedBallot changeBranch(EncryptedBallot b, int option, int branch, int part) {
        return replaceBranch(b, option, branch, changePart(b.choiceProofs().get(option).get(branch), part));
    }

    private static EncryptedBallot replaceBranch(EncryptedBallot b, int option, int branch, String text) {
        List<List<String>> proofs = new ArrayList<>(b.choiceProofs());
        List<String> proof = new ArrayList<>(proofs.get(option));
        proof.set(branch, text);
        proofs.set(option, proof);
        return new EncryptedBallot(b.ballotId(), b.choices(), proofs, b.countProof(), b.budgetDigits(),
                b.budgetDigitProofs(), b.budgetProof());
    }

    /** A part that is a point (a commitment) becomes another point, a challenge or response another number. */
    private static String changePart(String branch, int part) {
        String[] parts = branch.split(",");
        parts[part] = switch (parts[part].length()) {
            case 32 -> Group.shortHex(Group.shortScalar(parts[part]).xor(BigInteger.ONE));
            case 64 -> Group.hex(Group.scalar(parts[part]).add(BigInteger.ONE));
            default -> Group.wideHex(Group.ballotPoint(parts[part]).add(Group.generator()).normalize());
        };
        return String.join(",", parts);
    }
}
