package kr.chamyeo.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whole records through {@link Verifier#verify}: the ceremony vector's election and the ballot vector's cast ballot,
 * honest and then altered one part at a time; each alteration must be named, and nothing else may fail.
 */
class VerifierTest {

    @Test
    void anHonestRecordOfAnEmptyBallotPassesEveryCheck() {
        Report report = Verifier.verify(Records.emptyBallot());
        assertEquals(List.of(), report.failures());
        assertTrue(report.passed());
        assertEquals(List.of("record", "ceremony", "ceremony", "ceremony", "ceremony", "board", "board", "board", "board", "board",
                "mixes", "decryption", "plaintexts", "result"), report.checks().stream().map(Check::part).toList());
    }

    @Test
    void eachCeremonyMessageIsChecked() {
        assertNamed(List.of("ceremony: trustee 2 key proof"),
                r -> seat(r, 2).with("key").put("proof", Tamper.secondScalar(seat(r, 2).get("key").get("proof").asText())));
        assertNamed(List.of("ceremony: trustee 1 key"), r -> seat(r, 1).with("key").put("index", 2));
        // A changed commitment breaks the proof that covers all of them, and the verification keys derived from them.
        assertNamed(List.of("ceremony: trustee 1 round 1 proof", "ceremony: commitments", "ceremony: commitments"), r -> {
            ArrayNode commitments = (ArrayNode) seat(r, 1).get("round1").get("commitments");
            commitments.set(1, Tamper.point(commitments.get(1).asText()));
        });
        assertNamed(List.of("ceremony: trustee 2 round 1 shares", "ceremony: commitments", "ceremony: commitments"),
                r -> ((ArrayNode) seat(r, 2).get("round1").get("shares")).removeAll());
        assertNamed(List.of("ceremony: trustee 2 round 1 shares", "ceremony: commitments", "ceremony: commitments"),
                r -> ((ObjectNode) seat(r, 2).get("round1").get("shares").get(0)).put("sealed", "00"));
        assertNamed(List.of("ceremony: trustee 2 round 2 key"), r -> {
            ObjectNode round2 = (ObjectNode) seat(r, 2).get("round2");
            round2.put("shareKey", Tamper.point(round2.get("shareKey").asText()));
        });
        assertNamed(List.of("ceremony: trustee 1 round 2 proof"), r -> {
            ObjectNode round2 = (ObjectNode) seat(r, 1).get("round2");
            round2.put("proof", Tamper.secondScalar(round2.get("proof").asText()));
        });
        assertNamed(List.of("ceremony: public key"), r -> election(r).put("publicKey", Tamper.point(election(r).get("publicKey").asText())));
        Report missingSeat = Verifier.verify(change(Records.emptyBallot(), r -> ((ArrayNode) election(r).get("trustees")).remove(1)));
        assertEquals("ceremony: seats", missingSeat.failures().get(0));
    }

    @Test
    void theResultTheBoardSizeAndTheRollAreChecked() {
        assertNamed(List.of("result: tally p-2"), r -> ((ObjectNode) r.get("result").get("tallies").get(1)).put("votes", 1));
        assertNamed(List.of("result: tally 0 key"), r -> ((ObjectNode) r.get("result").get("tallies").get(0)).put("key", "p-9"));
        assertNamed(List.of("result: voters"), r -> ((ObjectNode) r.get("result")).put("voters", 1));
        assertNamed(List.of("result: invalid"), r -> ((ObjectNode) r.get("result")).put("invalid", 1));
        assertNamed(List.of("result: result"), r -> r.putNull("result"));
        assertNamed(List.of("board: roll entries"), r -> r.put("rollEntries", 1));
        assertNamed(List.of("board: head"), r -> ((ObjectNode) r.get("board")).put("head", "0".repeat(64)));
        assertNamed(List.of("record: width"), r -> ((ObjectNode) r.get("ballot")).put("width", 2));
        assertNamed(List.of("record: protocol"), r -> r.put("protocol", "chamyeo-election/2"));
    }

    @Test
    void aCastClientBallotVerifiesOnTheBoard() {
        ObjectNode record = withCastBallot();
        JsonNode vector = Vectors.get("ballot");
        assertEquals(vector.get("tracker").asText(), record.get("board").get("entries").get(0).get("tracker").asText());
        assertEquals(List.of(), boardFailures(record));
    }

    @Test
    void eachBoardAlterationIsNamed() {
        assertBoard(List.of("board: entry 1 proof"), r -> {
            ObjectNode entry = entry(r, 1);
            ObjectNode proof = proof(entry);
            ArrayNode responses = (ArrayNode) proof.get("selectionResponses");
            responses.set(2, Tamper.scalar(responses.get(2).asText()));
            entry.put("proof", proof.toString());
            Records.rechain(r);
        });
        // The same ballot without its one-of-n proof is no SINGLE ballot; on an APPROVAL ballot it is fine.
        Consumer<ObjectNode> withoutSingleProof = r -> {
            ObjectNode entry = entry(r, 1);
            ObjectNode proof = proof(entry);
            proof.putArray("selectionChallenges");
            proof.putArray("selectionResponses");
            entry.put("proof", proof.toString());
            Records.rechain(r);
        };
        assertBoard(List.of("board: entry 1 proof"), withoutSingleProof);
        assertBoard(List.of(), withoutSingleProof.andThen(r -> ((ObjectNode) r.get("ballot").get("rule")).put("type", "APPROVAL")));
        // One ciphertext changed after casting: its tracker, its link and the head no longer hold.
        assertBoard(List.of("board: entry 2 chain", "board: entry 2 tracker"),
                r -> entry(r, 2).put("ciphertexts", Tamper.ciphertext(entry(r, 2).get("ciphertexts").asText())));
        // Rewritten consistently, a changed ballot still breaks the published head.
        assertBoard(List.of("board: head"), r -> {
            String head = r.get("board").get("head").asText();
            ObjectNode entry = entry(r, 2);
            entry.put("ciphertexts", Tamper.ciphertext(entry.get("ciphertexts").asText()));
            entry.put("tracker", P256.hashHex("chamyeo/tracker", Records.BALLOT_ID, entry.get("ciphertexts").asText()));
            Records.rechain(r);
            ((ObjectNode) r.get("board")).put("head", head);
        });
        assertBoard(List.of("board: entry 1 seq"), r -> ((ArrayNode) r.get("board").get("entries")).remove(0));
        assertBoard(List.of("board: entry 2 chain"), r -> entry(r, 2).put("chain", entry(r, 1).get("chain").asText()));
        assertBoard(List.of("board: entry 3 duplicate tracker"), r -> Records.append(r, entry(r, 1).get("ciphertexts").asText(), null));
        // A point off the curve: reported where it is; no proof can be checked on a board that does not parse.
        assertBoard(List.of("board: entry 2 ciphertexts", "board: ciphertexts"), r -> {
            entry(r, 2).put("ciphertexts", "02" + "0".repeat(63) + "1," + P256.G_HEX);
            entry(r, 2).put("tracker", P256.hashHex("chamyeo/tracker", Records.BALLOT_ID, entry(r, 2).get("ciphertexts").asText()));
            Records.rechain(r);
        });
        assertBoard(List.of("board: roll entries"), r -> r.put("rollEntries", 3));
    }

    /** The ballot vector's SINGLE ballot (client-encrypted, with proofs) and a server-encrypted one, on a board. */
    private static ObjectNode withCastBallot() {
        JsonNode vector = Vectors.get("ballot");
        ObjectNode record = Records.emptyBallot();
        election(record).put("publicKey", vector.get("publicKey").asText());
        JsonNode ballot = vector.get("ballot");
        ObjectNode proof = Vectors.JSON.createObjectNode();
        proof.set("challenge", ballot.get("challenge"));
        proof.set("responses", ballot.get("responses"));
        proof.set("selectionChallenges", ballot.get("selectionChallenges"));
        proof.set("selectionResponses", ballot.get("selectionResponses"));
        Records.append(record, ballot.get("ciphertexts").get(0).asText(), proof.toString());
        Records.append(record, Vectors.get("encryption").get("ciphertext").asText(), null);
        return record;
    }

    /**
     * The failures among the board's checks. The ballot vector is under another key than the ceremony vector, so
     * the ceremony's public-key check fails, and nothing was mixed or decrypted: only the board is looked at here.
     */
    private static List<String> boardFailures(ObjectNode record) {
        Report report = Verifier.verify(record);
        assertTrue(report.failures().contains("ceremony: public key"));
        return report.checks().stream().filter(check -> check.part().equals("board") && !check.passed()).map(Check::failureName).toList();
    }

    private static void assertBoard(List<String> expected, Consumer<ObjectNode> change) {
        ObjectNode record = withCastBallot();
        change.accept(record);
        assertEquals(expected, boardFailures(record));
    }

    private static void assertNamed(List<String> expected, Consumer<ObjectNode> change) {
        Report report = Verifier.verify(change(Records.emptyBallot(), change));
        assertFalse(report.passed());
        assertEquals(expected, report.failures());
    }

    private static ObjectNode change(ObjectNode record, Consumer<ObjectNode> change) {
        change.accept(record);
        return record;
    }

    private static ObjectNode election(ObjectNode record) {
        return (ObjectNode) record.get("election");
    }

    private static ObjectNode seat(ObjectNode record, int seat) {
        return (ObjectNode) record.get("election").get("trustees").get(seat - 1);
    }

    private static ObjectNode entry(ObjectNode record, int seq) {
        return (ObjectNode) record.get("board").get("entries").get(seq - 1);
    }

    private static ObjectNode proof(ObjectNode entry) {
        try {
            return (ObjectNode) Vectors.JSON.readTree(entry.get("proof").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
