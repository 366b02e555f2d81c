package kr.chamyeo.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** §1–§6 primitives of the verifier against PROTOCOL.md's vectors, and the same vectors altered. */
class PrimitivesTest {

    @Test
    void hashInputsAndChallengesAreThoseOfTheDocument() {
        JsonNode v = Vectors.get("hash");
        String[] parts = {"P-256", P256.hex(P256.G), P256.hex(BigInteger.valueOf(5)), "7",
                P256.list(List.of(P256.hex(P256.G.multiply(BigInteger.TWO)), P256.hex(P256.G.multiply(BigInteger.valueOf(3)))))};
        assertEquals(v.get("input").asText(), P256.input("chamyeo/example", parts));
        assertEquals(v.get("sha256").asText(), P256.hashHex("chamyeo/example", parts));
        assertEquals(new BigInteger(v.get("challenge").asText(), 16), P256.challenge("chamyeo/example", parts));
        assertEquals(P256.shortChallenge(v.get("shortChallenge").asText()), P256.shortChallengeOf("chamyeo/example", parts));
        assertEquals(P256.G_HEX, P256.hex(P256.G));
    }

    @Test
    void parsingAcceptsOneSpellingPerValue() {
        String g = P256.hex(P256.G);
        assertEquals(P256.G, P256.point(g));
        assertThrows(IllegalArgumentException.class, () -> P256.point(g.toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> P256.point("00"));
        assertThrows(IllegalArgumentException.class, () -> P256.point("04" + g.substring(2)));
        // x = 1 is not the x of a P-256 point (1 − 3 + b is no square mod p): refused, not guessed.
        assertThrows(IllegalArgumentException.class, () -> P256.point("02" + "0".repeat(63) + "1"));
        // x = p is x = 0 spelled a second way.
        assertThrows(IllegalArgumentException.class, () -> P256.point("02" + P256.P.toString(16)));
        assertEquals(BigInteger.ONE, P256.scalar("0".repeat(63) + "1"));
        assertThrows(IllegalArgumentException.class, () -> P256.scalar(P256.hex(P256.Q)));
        assertThrows(IllegalArgumentException.class, () -> P256.scalar("1"));
        String shortOne = "0".repeat(31) + "1";
        assertEquals(BigInteger.ONE, P256.shortChallenge(shortOne));
        assertEquals(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), P256.shortChallenge("f".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> P256.shortChallenge("0".repeat(32) + shortOne), "the scalar spelling");
        assertThrows(IllegalArgumentException.class, () -> P256.shortChallenge("1" + "0".repeat(32)), "2^128");
        assertThrows(IllegalArgumentException.class, () -> P256.shortChallenge("F".repeat(32)));
    }

    @Test
    void selectionsDecodeAsTheDocumentSays() {
        JsonNode v = Vectors.get("selection");
        int options = v.get("options").asInt();
        ECPoint[] points = new ECPoint[2];
        for (int j = 0; j < 2; j++) {
            points[j] = P256.point(v.get("points").get(j).asText());
            assertEquals(P256.G.multiply(BigInteger.valueOf(v.get("chunks").get(j).asInt() + 1)).normalize(), points[j], "(m + 1)·G");
        }
        assertArrayEquals(new int[] {1, 3, 17}, Selections.decode(points, 0, options));
        // The same points read as a ballot of 17 options have option 17 set, past the last: no selection.
        assertNull(Selections.decode(points, 0, 17));
        ECPoint last = P256.G.multiply(BigInteger.valueOf(1 << 16)).normalize();
        assertArrayEquals(IntStream.range(0, 16).toArray(), Selections.decode(new ECPoint[] {last}, 0, 16), "m = 2^16 − 1");
        assertNull(Selections.decode(new ECPoint[] {last.add(P256.G).normalize()}, 0, 16), "m = 2^16 is past the table");
        assertNull(Selections.decode(new ECPoint[] {P256.G.negate().normalize()}, 0, 16), "−G is no (m + 1)·G");
        assertNull(Selections.decode(new ECPoint[] {P256.CURVE.getInfinity()}, 0, 16), "O encodes nothing");
        assertEquals(1, Selections.width(16));
        assertEquals(2, Selections.width(17));
    }

    @Test
    void theClientBallotOfTheDocumentVerifiesWithItsHashInputsAndSelectionCiphertexts() {
        JsonNode v = Vectors.get("ballot");
        ECPoint pk = P256.point(v.get("publicKey").asText());
        JsonNode ballot = v.get("ballot");
        ClientBallot client = new ClientBallot(pk, Records.BALLOT_ID, new Rule(3, 1, 2, null, 0));
        ECPoint[][] choices = ClientBallot.ciphertexts(ballot.get("choices"), 3, "choices");
        assertEquals(v.get("choice0HashInput").asText(), P256.input(ClientBallot.TAG,
                client.statement("choice/0", 0, 1, choices[0][0], choices[0][1], commitments(ballot.get("choiceProofs").get(0)))));
        ECPoint[] count = ClientBallot.sum(choices);
        assertEquals(v.get("countHashInput").asText(), P256.input(ClientBallot.TAG,
                client.statement("count", 1, 2, count[0], count[1], commitments(ballot.get("countProof")))));
        ECPoint[] selection = ClientBallot.chunk(choices, 0);
        assertEquals(v.get("selectionCiphertexts").get(0).asText(), P256.hex(selection[0]) + "," + P256.hex(selection[1]));
        client.verify(Records.proofText(ballot), new ECPoint[] {selection[0]}, new ECPoint[] {selection[1]});
        assertEquals("choice/1: branch 0: not a short challenge: 000000000000000000000000…", failure(client, ballot, b -> change(b,
                "choiceProofs", proofs -> ((ArrayNode) proofs.get(1)).set(0, Tamper.longChallenge(proofs.get(1).get(0).asText(), 2)))),
                "the same value, spelled as a scalar");
        assertEquals("budgetDigits: 2 points, not 0 (§4.3)", failure(client, ballot, b -> b.set("budgetDigits",
                Vectors.get("budget-ballot").get("ballot").get("budgetDigits"))), "an APPROVAL ballot has no budget part");
    }

    @Test
    void theBudgetBallotOfTheDocumentVerifiesWithItsGeneratorAndHashInputs() {
        JsonNode v = Vectors.get("budget-ballot");
        JsonNode ballot = v.get("ballot");
        Rule rule = budgetRule(v);
        assertEquals(BigInteger.valueOf(v.get("unit").asLong()), rule.unit());
        assertEquals(v.get("digits").asInt(), rule.budgetDigits());
        assertEquals(v.get("budgetGenerator").asText(), P256.hex(ClientBallot.BUDGET_GENERATOR));
        ClientBallot client = budgetClient(v);
        ECPoint[][] choices = ClientBallot.ciphertexts(ballot.get("choices"), 3, "choices");
        ECPoint[] digits = ClientBallot.points(ballot.get("budgetDigits"), rule.budgetDigits(), "budgetDigits");
        List<String> digit0 = new ArrayList<>();
        ballot.get("budgetDigitProofs").get(0).forEach(branch -> digit0.add(P256.hex(P256.ballotPoint(branch.asText().split(",")[0]))));
        assertEquals(v.get("digit0HashInput").asText(), P256.input(ClientBallot.DIGIT_TAG, client.digitStatement(0, digits[0], digit0)));
        String[] link = ballot.get("budgetProof").get(0).asText().split(",");
        assertEquals(v.get("budgetHashInput").asText(), P256.input(ClientBallot.BUDGET_TAG,
                client.linkStatement(choices, digits, P256.ballotPoint(link[0]), P256.ballotPoint(link[1]))));
        assertNull(budgetFailure(b -> { }));
        assertEquals("budgetDigits: 0 points, not 2 (§4.3)", failure(client, Vectors.get("ballot").get("ballot"), b -> { }),
                "the APPROVAL vector's ballot carries no digits");
    }

    @Test
    void eachPartOfTheBudgetProofIsChecked() {
        // A digit commitment moved by G, its proof and the link left as they are: its own digit proof refuses it.
        assertEquals("budget-digit/1: branch 0: s·H ≠ A + c·(D − 0·G) (§4.3)",
                budgetFailure(b -> change(b, "budgetDigits", digits -> digits.set(1, Tamper.point(digits.get(1).asText())))));
        assertEquals("budget-digit/0: branch 2: s·H ≠ A + c·(D − 2·G) (§4.3)", budgetFailure(b -> change(b, "budgetDigitProofs",
                proofs -> ((ArrayNode) proofs.get(0)).set(2, Tamper.part(proofs.get(0).get(2).asText(), 2)))));
        // Two digits exchanged with their proofs: every equation still holds, but each proof names its place.
        assertEquals("budget-digit/0: the challenges do not XOR to the hash (§4.3)", budgetFailure(b -> {
            change(b, "budgetDigits", PrimitivesTest::swapFirstTwo);
            change(b, "budgetDigitProofs", PrimitivesTest::swapFirstTwo);
        }));
        // A challenge is 32 digits (§2): the same value spelled as a scalar is refused.
        assertEquals("budget-digit/1: branch 2: not a short challenge: 000000000000000000000000…", budgetFailure(b -> change(b,
                "budgetDigitProofs", proofs -> ((ArrayNode) proofs.get(1)).set(2, Tamper.longChallenge(proofs.get(1).get(2).asText(),
                        1)))));
        assertEquals("budget: not a short challenge: 000000000000000000000000…",
                budgetFailure(b -> change(b, "budgetProof", link -> link.set(0, Tamper.longChallenge(link.get(0).asText(), 2)))));
        assertEquals("budget: s₁·G ≠ A + c·α_R (§4.3)",
                budgetFailure(b -> change(b, "budgetProof", link -> link.set(0, Tamper.part(link.get(0).asText(), 3)))));
        assertEquals("budget: s₁·PK − s₂·H ≠ B + c·(β_R − D) (§4.3)",
                budgetFailure(b -> change(b, "budgetProof", link -> link.set(0, Tamper.part(link.get(0).asText(), 4)))));
        // The number of digits is the rule's: one fewer, or one more (a copy), with their proofs.
        assertEquals("budgetDigits: 1 points, not 2 (§4.3)", budgetFailure(b -> {
            change(b, "budgetDigits", digits -> digits.remove(1));
            change(b, "budgetDigitProofs", proofs -> proofs.remove(1));
        }));
        assertEquals("budgetDigits: 3 points, not 2 (§4.3)", budgetFailure(b -> {
            change(b, "budgetDigits", digits -> digits.add(digits.get(1)));
            change(b, "budgetDigitProofs", proofs -> proofs.add(proofs.get(1)));
        }));
        assertEquals("a list of the wrong size (§4.3)", budgetFailure(b -> change(b, "budgetDigitProofs", proofs -> proofs.remove(1))));
        assertEquals("budget-digit/1: not 4 branches (§4.3)",
                budgetFailure(b -> change(b, "budgetDigitProofs", proofs -> ((ArrayNode) proofs.get(1)).remove(3))));
        assertEquals("budget-digit/0: branch 1 is not A,c,s (§4.3)", budgetFailure(b -> change(b, "budgetDigitProofs",
                proofs -> ((ArrayNode) proofs.get(0)).set(1, proofs.get(0).get(1).asText() + ",00"))));
        assertEquals("budget: not A,B,c,s₁,s₂ (§4.3)",
                budgetFailure(b -> change(b, "budgetProof", link -> link.set(0, link.get(0).asText().replaceFirst(",[0-9a-f]+$", "")))));
    }

    /**
     * Budget parts the vector does not show, every proof made by the test's own prover from the choices' randomness:
     * only the digit count and the link proof's hash stand between a cheating client and a ballot over budget.
     */
    @Test
    void aBallotOverBudgetFailsOnItsDigitCountOrItsLinkProofsHash() {
        JsonNode v = Vectors.get("budget-ballot");
        JsonNode ballot = v.get("ballot");
        ECPoint publicKey = P256.point(v.get("publicKey").asText());
        ECPoint[][] choices = ClientBallot.ciphertexts(ballot.get("choices"), 3, "choices");
        Rule rule = budgetRule(v);
        BigInteger unit = rule.unit();
        BigInteger rhoModQ = residueRandomness(v, choices);
        ClientBallot client = budgetClient(v);
        BudgetProver prover = new BudgetProver(client, publicKey);
        BigInteger unspent = BigInteger.valueOf(v.get("unspentUnits").asLong());
        int digits = rule.budgetDigits();
        assertNull(budgetFailure(b -> prover.prove(b, choices, rhoModQ, unspent, digits)), "the test's prover follows §4.3");
        // Every proof holds for one digit more or (unspent 3 < 4) one fewer: the count alone refuses them.
        assertEquals("budgetDigits: 3 points, not 2 (§4.3)", budgetFailure(b -> prover.prove(b, choices, rhoModQ, unspent, digits + 1)));
        assertEquals("budgetDigits: 1 points, not 2 (§4.3)", budgetFailure(b -> prover.prove(b, choices, rhoModQ, unspent, digits - 1)));

        // The same choice (3 units) within a limit of 2 units: y = −1, i.e. q − 1, which 128 digits hold.
        Rule lower = new Rule(3, rule.min(), rule.max(), rule.costs(), 2 * unit.longValueExact());
        assertEquals(1, lower.budgetDigits());
        ClientBallot lowerClient = new ClientBallot(publicKey, Records.BALLOT_ID, lower);
        BudgetProver cheat = new BudgetProver(lowerClient, publicKey);
        ObjectNode forged = (ObjectNode) ballot.deepCopy();
        cheat.prove(forged, choices, rhoModQ, P256.Q.subtract(BigInteger.ONE), 128);
        assertEquals("budgetDigits: 128 points, not 1 (§4.3)", failure(lowerClient, forged, b -> { }));
        // One digit (0) with a link proof made backwards from its responses: both equations hold, the hash does not.
        cheat.prove(forged, choices, rhoModQ, BigInteger.ZERO, lower.budgetDigits());
        ECPoint[] zeros = ClientBallot.points(forged.get("budgetDigits"), 1, "budgetDigits");
        assertEquals("budget: the challenge is not the hash (§4.3)",
                failure(lowerClient, forged, b -> b.putArray("budgetProof").add(cheat.simulatedLink(choices, zeros))));
    }

    /**
     * Digit proofs made by the test's prover with every equation holding and every challenge short, whose challenges
     * sum to the hash (the rule before challenges were short) but do not XOR to it: the hash check refuses them.
     */
    @Test
    void digitProofsWhoseChallengesSumToTheHashFailOnTheirExclusiveOr() {
        JsonNode v = Vectors.get("budget-ballot");
        ObjectNode forged = (ObjectNode) v.get("ballot").deepCopy();
        ECPoint[][] choices = ClientBallot.ciphertexts(forged.get("choices"), 3, "choices");
        ClientBallot client = budgetClient(v);
        int digits = budgetRule(v).budgetDigits();
        BudgetProver.summing(client, P256.point(v.get("publicKey").asText()))
                .prove(forged, choices, residueRandomness(v, choices), BigInteger.valueOf(v.get("unspentUnits").asLong()), digits);
        ECPoint digit = ClientBallot.points(forged.get("budgetDigits"), digits, "budgetDigits")[0];
        List<String> commitments = new ArrayList<>();
        BigInteger sum = BigInteger.ZERO;
        BigInteger xor = BigInteger.ZERO;
        for (JsonNode branch : forged.get("budgetDigitProofs").get(0)) {
            String[] parts = branch.asText().split(",");
            commitments.add(P256.hex(P256.ballotPoint(parts[0])));
            sum = sum.add(P256.shortChallenge(parts[1]));
            xor = xor.xor(P256.shortChallenge(parts[1]));
        }
        BigInteger hash = P256.shortChallengeOf(ClientBallot.DIGIT_TAG, client.digitStatement(0, digit, commitments));
        assertEquals(hash, sum.mod(P256.Q));
        assertNotEquals(hash, xor);
        assertEquals("budget-digit/0: the challenges do not XOR to the hash (§4.3)", failure(client, forged, b -> { }));
    }

    @Test
    void theBudgetIsProvenInBase4DigitsOfItsUnit() {
        // L′ = 1, 3, 4, 6, 16, 63, 64: b = 1, 2, 3, 3, 5, 6, 7 bits, so d = ⌈b/2⌉.
        long[] limits = {1, 3, 4, 6, 16, 63, 64};
        int[] digits = {1, 1, 2, 2, 3, 3, 4};
        for (int i = 0; i < limits.length; i++) {
            assertEquals(digits[i], new Rule(1, 0, 1, new long[] {1}, limits[i]).budgetDigits(), "L′ = " + limits[i]);
        }
        Rule wons = new Rule(2, 0, 2, new long[] {2_000, 6_000}, 8_000);
        assertEquals(BigInteger.valueOf(2_000), wons.unit());
        assertEquals(2, wons.budgetDigits(), "L′ = 4 units of 2,000 원");
        // H, like the shuffle's generators (§7.2), has the even y.
        assertTrue(P256.hex(ClientBallot.BUDGET_GENERATOR).startsWith("02"));
        assertFalse(ClientBallot.BUDGET_GENERATOR.equals(P256.G));
    }

    @Test
    void theRuleCountsChoicesAndCostsWithoutWrappingAround() {
        Rule budget = new Rule(3, 1, 2, new long[] {Long.MAX_VALUE, 2, 3}, 5);
        assertTrue(budget.allows(new int[] {1, 2}));
        assertFalse(budget.allows(new int[] {0, 1}), "a sum past Long.MAX_VALUE is over the limit, not negative");
        assertFalse(budget.allows(new int[] {}), "fewer than min");
        assertFalse(new Rule(3, 1, 2, null, 0).allows(new int[] {0, 1, 2}), "more than max");
    }

    /** A and B of every branch as the hash takes them: compressed (§2), though the ballot writes them uncompressed (§4.3). */
    private static List<String> commitments(JsonNode proof) {
        List<String> commitments = new ArrayList<>();
        proof.forEach(branch -> List.of(branch.asText().split(",")).subList(0, 2)
                .forEach(point -> commitments.add(P256.hex(P256.ballotPoint(point)))));
        return commitments;
    }

    /** ρ = −Σ c′_i·r_i mod q (§4.3), from the budget-ballot vector's randomness, which must be that of its choices. */
    private static BigInteger residueRandomness(JsonNode vector, ECPoint[][] choices) {
        Rule rule = budgetRule(vector);
        BigInteger rho = BigInteger.ZERO;
        for (int i = 0; i < choices.length; i++) {
            BigInteger r = P256.scalar(vector.get("randomness").get(i).asText());
            assertEquals(P256.G.multiply(r).normalize(), choices[i][0], "randomness[i] is r_i");
            rho = rho.subtract(BigInteger.valueOf(rule.costs()[i]).divide(rule.unit()).multiply(r));
        }
        return rho.mod(P256.Q);
    }

    /** The budget-ballot vector's rule, as a record states it (§8.5). */
    private static Rule budgetRule(JsonNode vector) {
        JsonNode rule = vector.get("rule");
        long[] costs = new long[rule.get("options").asInt()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = rule.get("costs").get(i).asLong();
        }
        return new Rule(costs.length, rule.get("min").asInt(), rule.get("max").asInt(), costs, rule.get("budgetLimit").asLong());
    }

    private static ClientBallot budgetClient(JsonNode vector) {
        return new ClientBallot(P256.point(vector.get("publicKey").asText()), Records.BALLOT_ID, budgetRule(vector));
    }

    /** The budget-ballot vector's ballot changed: see {@link #failure}. */
    private static String budgetFailure(Consumer<ObjectNode> change) {
        JsonNode v = Vectors.get("budget-ballot");
        return failure(budgetClient(v), v.get("ballot"), change);
    }

    /**
     * A copy of the ballot changed and checked against the selection ciphertexts of its choices: the detail of its
     * failure, which must be the item {@code proof}, or null when it verifies.
     */
    private static String failure(ClientBallot client, JsonNode ballot, Consumer<ObjectNode> change) {
        ObjectNode changed = (ObjectNode) ballot.deepCopy();
        change.accept(changed);
        JsonNode choices = changed.get("choices");
        ECPoint[] selection = ClientBallot.chunk(ClientBallot.ciphertexts(choices, choices.size(), "choices"), 0);
        try {
            client.verify(Records.proofText(changed), new ECPoint[] {selection[0]}, new ECPoint[] {selection[1]});
            return null;
        } catch (Failed failed) {
            assertEquals("proof", failed.item);
            return failed.getMessage();
        }
    }

    private static void change(ObjectNode ballot, String field, Consumer<ArrayNode> change) {
        change.accept((ArrayNode) ballot.get(field));
    }

    private static void swapFirstTwo(ArrayNode list) {
        JsonNode first = list.get(0);
        list.set(0, list.get(1));
        list.set(1, first);
    }

    @Test
    void trusteeKeyProofsVerifyAndAlteredOnesDoNot() {
        JsonNode key = Vectors.get("schnorr").get("trusteeKey");
        ECPoint x = P256.point(key.get("publicKey").asText());
        String proof = key.get("proof").asText();
        assertTrue(Verifier.schnorr("chamyeo/trustee-key", x, proof, "key", "example-2026", "1"));
        assertFalse(Verifier.schnorr("chamyeo/trustee-key", x, proof, "key", "example-2026", "2"), "another seat");
        assertFalse(Verifier.schnorr("chamyeo/trustee-key", x, proof, "key", "example-2027", "1"), "another election");
        assertFalse(Verifier.schnorr("chamyeo/trustee-share", x, proof, "key", "example-2026", "1"), "another tag");
        assertFalse(Verifier.schnorr("chamyeo/trustee-key", x, Tamper.secondScalar(proof), "key", "example-2026", "1"));
        assertFalse(Verifier.schnorr("chamyeo/trustee-key", P256.G, proof, "key", "example-2026", "1"), "another key");
    }

    @Test
    void decryptionProofsAndLagrangeCoefficientsAreThoseOfTheDocument() {
        JsonNode v = Vectors.get("decryption");
        JsonNode key = Vectors.get("ceremony").get("electionKey");
        String pk = key.get("publicKey").asText();
        String context = v.get("contextId").asText();
        String[] ciphertext = P256.pair(v.get("ciphertexts").get(0).asText());
        ECPoint alpha = P256.point(ciphertext[0]);
        ECPoint beta = P256.point(ciphertext[1]);
        ECPoint[] shares = new ECPoint[2];
        for (int j = 1; j <= 2; j++) {
            JsonNode partial = v.get("partialDecryptions").get(j - 1);
            String shareKey = key.get("shareKeys").get(j - 1).asText();
            shares[j - 1] = P256.point(partial.get("shares").get(0).asText());
            String proof = partial.get("proofs").get(0).asText();
            assertTrue(Verifier.decryptionProof(pk, context, j, P256.point(shareKey), shareKey, alpha, shares[j - 1], proof));
            assertFalse(Verifier.decryptionProof(pk, "example-2026/other", j, P256.point(shareKey), shareKey, alpha, shares[j - 1], proof),
                    "a share replayed into another decryption");
            assertFalse(Verifier.decryptionProof(pk, context, j, P256.point(shareKey), shareKey, alpha, shares[j - 1].twice().normalize(),
                    proof), "a wrong share");
            assertFalse(Verifier.decryptionProof(pk, context, j, P256.point(shareKey), shareKey, alpha, shares[j - 1],
                    Tamper.secondScalar(proof)));
        }
        BigInteger[] lambda = Verifier.lagrange(List.of(1, 2));
        assertEquals(v.get("lagrange").get(0).asText(), P256.hex(lambda[0]));
        assertEquals(v.get("lagrange").get(1).asText(), P256.hex(lambda[1]));
        ECPoint m = beta.subtract(shares[0].multiply(lambda[0])).subtract(shares[1].multiply(lambda[1])).normalize();
        assertEquals(v.get("plaintext").get(0).asText(), P256.hex(m));
        assertArrayEquals(new int[] {2}, Selections.decode(new ECPoint[] {m}, 0, 3));
        // One share alone interpolates to a point that is no selection.
        ECPoint alone = beta.subtract(shares[0]).normalize();
        assertNull(Selections.decode(new ECPoint[] {alone}, 0, 3));
    }
}
