package kr.chamyeo.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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
    void clientBallotsOfTheDocumentVerifyWithItsHashInputsAndSelectionCiphertexts() {
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

        JsonNode b = Vectors.get("budget-ballot");
        JsonNode budget = b.get("ballot");
        Rule rule = new Rule(3, 1, 3, new long[] {2_000_000, 3_000_000, 4_000_000}, 6_000_000);
        assertEquals(BigInteger.valueOf(b.get("unit").asLong()), rule.unit());
        assertEquals(3, rule.budgetBits());
        ClientBallot budgetClient = new ClientBallot(P256.point(b.get("publicKey").asText()), Records.BALLOT_ID, rule);
        ECPoint[][] budgetChoices = ClientBallot.ciphertexts(budget.get("choices"), 3, "choices");
        ECPoint[] residue = budgetClient.residue(budgetChoices, ClientBallot.ciphertexts(budget.get("budgetBits"), 3, "budgetBits"));
        assertEquals(b.get("residue").asText(), P256.hex(residue[0]) + "," + P256.hex(residue[1]));
        assertEquals(b.get("budgetHashInput").asText(), P256.input(ClientBallot.TAG,
                budgetClient.statement("budget", 0, 0, residue[0], residue[1], commitments(budget.get("budgetProof")))));
        ECPoint[] budgetSelection = ClientBallot.chunk(budgetChoices, 0);
        budgetClient.verify(Records.proofText(budget), new ECPoint[] {budgetSelection[0]}, new ECPoint[] {budgetSelection[1]});
        Failed otherRule = assertThrows(Failed.class, () -> budgetClient.verify(Records.proofText(ballot),
                new ECPoint[] {selection[0]}, new ECPoint[] {selection[1]}));
        assertEquals("proof", otherRule.item);
    }

    @Test
    void theRuleCountsChoicesAndCostsWithoutWrappingAround() {
        Rule budget = new Rule(3, 1, 2, new long[] {Long.MAX_VALUE, 2, 3}, 5);
        assertTrue(budget.allows(new int[] {1, 2}));
        assertFalse(budget.allows(new int[] {0, 1}), "a sum past Long.MAX_VALUE is over the limit, not negative");
        assertFalse(budget.allows(new int[] {}), "fewer than min");
        assertFalse(new Rule(3, 1, 2, null, 0).allows(new int[] {0, 1, 2}), "more than max");
    }

    /** A proof's A_k and B_k, in order, as they enter its hash. */
    /** A and B of every branch as the hash takes them: compressed (§2), though the ballot writes them uncompressed (§4.3). */
    private static List<String> commitments(JsonNode proof) {
        List<String> commitments = new ArrayList<>();
        proof.forEach(branch -> List.of(branch.asText().split(",")).subList(0, 2)
                .forEach(point -> commitments.add(P256.hex(P256.ballotPoint(point)))));
        return commitments;
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
