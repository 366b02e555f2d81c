package kr.chamyeo.verifier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** §7 against the shuffle vector of PROTOCOL.md (3 ballots of width 2), and that vector altered part by part. */
class ShuffleCheckTest {

    private final ObjectNode v = Vectors.get("shuffle");
    private final ECPoint publicKey = P256.point(v.get("publicKey").asText());
    private final String context = v.get("context").asText();

    @Test
    void theTranscriptIsTheDocumentsSeedGeneratorsStatementBatchAndChallenge() {
        ShuffleCheck.Transcript t = ShuffleCheck.transcript(publicKey, context, list(v.get("inputs")), list(v.get("outputs")), v.get("proof"));
        assertEquals(v.get("seed").asText(), t.seed());
        for (int i = 0; i < 3; i++) {
            assertEquals(v.get("generators").get(i).asText(), P256.hex(t.generators()[i]));
            assertEquals(v.get("batch").get(i).asText(), P256.hex(t.batch()[i]));
        }
        assertEquals(v.get("statement").asText(), t.statement());
        assertEquals(new BigInteger(v.get("challenge").asText(), 16), t.challenge());
    }

    @Test
    void theDocumentsShuffleVerifies() {
        assertDoesNotThrow(() -> ShuffleCheck.verify(publicKey, context, list(v.get("inputs")), list(v.get("outputs")), v.get("proof")));
    }

    @Test
    void everyReplyAndCommitmentIsChecked() {
        for (String scalar : List.of("kA", "kC", "kD")) {
            refused("equation", proof -> proof.put(scalar, Tamper.scalar(proof.get(scalar).asText())));
        }
        for (String point : List.of("aPrime", "cPrime", "dPrime")) {
            refused("equation", proof -> proof.put(point, Tamper.point(proof.get(point).asText())));
        }
        for (String list : List.of("kB", "kE", "kF")) {
            refused("equation", proof -> ((ArrayNode) proof.get(list)).set(1, Tamper.scalar(proof.get(list).get(1).asText())));
        }
        for (String list : List.of("permutationCommitment", "chain", "chainCommitments")) {
            refused("equation", proof -> ((ArrayNode) proof.get(list)).set(2, Tamper.point(proof.get(list).get(2).asText())));
        }
        refused("equation", proof -> ((ArrayNode) proof.get("fPrime")).set(0, Tamper.ciphertext(proof.get("fPrime").get(0).asText())));
    }

    @Test
    void chainErrorsThatCancelInAnUnweightedSumAreRefused() {
        refused("equation 6", proof -> {
            ArrayNode kB = (ArrayNode) proof.get("kB");
            kB.set(0, Tamper.scalar(kB.get(0).asText()));
            kB.set(1, P256.hex(new BigInteger(kB.get(1).asText(), 16).subtract(BigInteger.ONE).mod(P256.Q)));
        });
    }

    @Test
    void malformedProofsAreRefusedBeforeAnyArithmetic() {
        refused("kB has not 3 entries", proof -> ((ArrayNode) proof.get("kB")).remove(2));
        refused("aPrime", proof -> proof.put("aPrime", "00"));
        refused("kA", proof -> proof.put("kA", P256.hex(P256.Q)));
    }

    @Test
    void aReplacedDuplicatedOrAlteredBallotIsRefused() {
        List<String> outputs = texts(v.get("outputs"));
        List<String> replaced = new ArrayList<>(outputs);
        replaced.set(1, Tamper.ciphertext(outputs.get(1).split(";")[0]) + ";" + outputs.get(1).split(";")[1]);
        assertRefused(list(v.get("inputs")), BallotList.parse(replaced, 2, "ciphertext"), v.get("proof"), context);
        List<String> betaOnly = new ArrayList<>(outputs);
        betaOnly.set(2, outputs.get(2).split(";")[0] + ";" + Tamper.ciphertext(outputs.get(2).split(";")[1]));
        assertRefused(list(v.get("inputs")), BallotList.parse(betaOnly, 2, "ciphertext"), v.get("proof"), context);
        List<String> duplicated = new ArrayList<>(outputs);
        duplicated.set(0, outputs.get(1));
        assertRefused(list(v.get("inputs")), BallotList.parse(duplicated, 2, "ciphertext"), v.get("proof"), context);
        assertRefused(list(v.get("inputs")), list(v.get("outputs")), v.get("proof"), "example-2026/mix/2");
        List<String> inputs = texts(v.get("inputs"));
        assertRefused(BallotList.parse(List.of(inputs.get(1), inputs.get(0), inputs.get(2)), 2, "ciphertext"), list(v.get("outputs")),
                v.get("proof"), context);
    }

    private void refused(String detail, Consumer<ObjectNode> change) {
        ObjectNode proof = v.get("proof").deepCopy();
        change.accept(proof);
        Failed failed = assertThrows(Failed.class,
                () -> ShuffleCheck.verify(publicKey, context, list(v.get("inputs")), list(v.get("outputs")), proof));
        assertEquals("proof", failed.item);
        assertTrue(failed.getMessage().contains(detail), failed.getMessage());
    }

    private void assertRefused(BallotList in, BallotList out, JsonNode proof, String context) {
        Failed failed = assertThrows(Failed.class, () -> ShuffleCheck.verify(publicKey, context, in, out, proof));
        assertEquals("proof", failed.item);
    }

    /** The vector writes a ballot's ciphertexts joined by '/' (§7's text); the record by ';' (§8.1). */
    private static List<String> texts(JsonNode ballots) {
        List<String> texts = new ArrayList<>();
        ballots.forEach(ballot -> texts.add(ballot.asText().replace('/', ';')));
        return texts;
    }

    private static BallotList list(JsonNode ballots) {
        return BallotList.parse(texts(ballots), 2, "ciphertext");
    }
}
