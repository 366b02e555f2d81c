package kr.chamyeo.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bouncycastle.math.ec.ECPoint;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whole records through {@link Verifier#verify}: the ceremony vector's election and the ballot vectors' cast ballots,
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
        assertNamed(List.of("record: protocol"), r -> r.put("protocol", "chamyeo-election/1"));
        assertNamed(List.of("record: rule"), r -> ((ObjectNode) r.get("ballot").get("rule")).put("minChoices", 3));
        assertNamed(List.of("record: rule"), r -> ((ObjectNode) r.get("ballot").get("rule")).put("type", "SINGLE"));
    }

    @Test
    void aCastClientBallotVerifiesOnTheBoard() {
        ObjectNode record = withCastBallot();
        JsonNode vector = Vectors.get("ballot");
        assertEquals(vector.get("tracker").asText(), record.get("board").get("entries").get(0).get("tracker").asText());
        assertEquals(List.of(), boardFailures(record));
    }

    @Test
    void aCastBudgetBallotVerifiesOnTheBoardAndOnlyForItsRule() {
        assertEquals(List.of(), boardFailures(withBudgetBallot()));
        ObjectNode lower = withBudgetBallot();
        ((ObjectNode) lower.get("ballot").get("rule")).put("budgetLimit", 5_000_000L);
        assertEquals(List.of("board: entry 1 proof"), boardFailures(lower));
        ObjectNode dearer = withBudgetBallot();
        ((ObjectNode) dearer.get("ballot").get("options").get(1)).put("cost", 3_500_000L);
        assertEquals(List.of("board: entry 1 proof"), boardFailures(dearer), "another unit, so another residue");
        ObjectNode digitProof = withBudgetBallot();
        changeProof(digitProof, proof -> {
            ArrayNode digit = (ArrayNode) proof.get("budgetDigitProofs").get(1);
            digit.set(3, Tamper.part(digit.get(3).asText(), 2));
        });
        assertEquals(List.of("board: entry 1 proof"), boardFailures(digitProof));
        assertEquals("budget-digit/1: branch 3: s·H ≠ A + c·(D − 3·G) (§4.3)", boardDetail(digitProof));
        ObjectNode linkProof = withBudgetBallot();
        changeProof(linkProof, proof -> ((ArrayNode) proof.get("budgetProof")).set(0, Tamper.part(proof.get("budgetProof").get(0).asText(), 4)));
        assertEquals(List.of("board: entry 1 proof"), boardFailures(linkProof));
        assertEquals("budget: s₁·PK − s₂·H ≠ B + c·(β_R − D) (§4.3)", boardDetail(linkProof));
        // Another rule's digit count: the ballot's two digits on an APPROVAL ballot, which has none.
        ObjectNode approval = withBudgetBallot();
        ((ObjectNode) approval.get("ballot").get("rule")).put("type", "APPROVAL").remove("budgetLimit");
        assertEquals(List.of("board: entry 1 proof"), boardFailures(approval));
        assertEquals("budgetDigits: 2 points, not 0 (§4.3)", boardDetail(approval));
    }

    @Test
    void eachCorruptionOfAClientBallotIsNamed() {
        // One branch of one choice's proof changed (its response): the proof, not the ciphertexts, fails.
        assertBoard(List.of("board: entry 1 proof"), r -> changeProof(r, proof -> {
            ArrayNode choice = (ArrayNode) proof.get("choiceProofs").get(1);
            choice.set(0, Tamper.branch(choice.get(0).asText()));
        }));
        // A choice replaced by an encryption of 2 (a double vote), the board rewritten to match: its [0, 1] proof fails.
        assertBoard(List.of("board: entry 1 proof"), r -> {
            ECPoint pk = P256.point(Vectors.get("ballot").get("publicKey").asText());
            BigInteger t = BigInteger.valueOf(12345);
            String two = P256.hex(P256.G.multiply(t)) + "," + P256.hex(P256.G.multiply(BigInteger.TWO).add(pk.multiply(t)));
            changeProof(r, proof -> ((ArrayNode) proof.get("choices")).set(1, two));
            recombine(r);
        });
        // Ciphertexts that are not the combination of the choices (another ballot's), tracker and chain rewritten.
        assertBoard(List.of("board: entry 1 combination"), r -> {
            ObjectNode entry = entry(r, 1);
            entry.put("ciphertexts", Tamper.ciphertext(Vectors.get("encryption").get("ciphertext").asText()));
            entry.put("tracker", P256.hashHex("chamyeo/tracker", Records.BALLOT_ID, entry.get("ciphertexts").asText()));
            Records.rechain(r);
        });
        // Choices and their proofs in another order: each proof names its option.
        assertBoard(List.of("board: entry 1 proof"), r -> changeProof(r, proof -> {
            ArrayNode choices = (ArrayNode) proof.get("choices");
            JsonNode first = choices.get(0);
            choices.set(0, choices.get(2));
            choices.set(2, first);
            ArrayNode proofs = (ArrayNode) proof.get("choiceProofs");
            JsonNode firstProof = proofs.get(0);
            proofs.set(0, proofs.get(2));
            proofs.set(2, firstProof);
        }));
        // The proof of another rule: the count proof is over [1, 2], the record's rule now [1, 1].
        assertBoard(List.of("board: entry 1 proof"), r -> ((ObjectNode) r.get("ballot").get("rule")).put("maxChoices", 1));
        // The §8.2 text is exact: the same fields with whitespace, or in another order, are not it.
        assertBoard(List.of("board: entry 1 proof"), r -> {
            entry(r, 1).put("proof", entry(r, 1).get("proof").asText().replace(",\"countProof\"", ", \"countProof\""));
            Records.rechain(r);
        });
        assertBoard(List.of("board: entry 1 proof"), r -> changeProof(r, proof -> proof.set("choices", proof.remove("choices"))));
    }

    @Test
    void eachBoardAlterationIsNamed() {
        // One ciphertext changed after casting: its tracker, its link and the head no longer hold, nor its combination.
        assertBoard(List.of("board: entry 1 chain", "board: entry 1 tracker", "board: entry 1 combination"),
                r -> entry(r, 1).put("ciphertexts", Tamper.ciphertext(entry(r, 1).get("ciphertexts").asText())));
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

    /** The ballot vector's APPROVAL ballot (client-encrypted, with proofs) and a server-encrypted one, on a board. */
    private static ObjectNode withCastBallot() {
        JsonNode vector = Vectors.get("ballot");
        ObjectNode record = Records.emptyBallot();
        election(record).put("publicKey", vector.get("publicKey").asText());
        Records.append(record, String.join(";", texts(vector.get("selectionCiphertexts"))), Records.proofText(vector.get("ballot")));
        Records.append(record, Vectors.get("encryption").get("ciphertext").asText(), null);
        return record;
    }

    /** The budget-ballot vector's ballot on a BUDGET ballot with its costs and limit. */
    private static ObjectNode withBudgetBallot() {
        JsonNode vector = Vectors.get("budget-ballot");
        ObjectNode record = Records.emptyBallot();
        election(record).put("publicKey", vector.get("publicKey").asText());
        JsonNode rule = vector.get("rule");
        for (int i = 0; i < 3; i++) {
            ((ObjectNode) record.get("ballot").get("options").get(i)).put("cost", rule.get("costs").get(i).asLong());
        }
        ((ObjectNode) record.get("ballot").get("rule")).put("type", "BUDGET").put("minChoices", rule.get("min").asInt())
                .put("maxChoices", rule.get("max").asInt()).put("budgetLimit", rule.get("budgetLimit").asLong());
        Records.append(record, "-", Records.proofText(vector.get("ballot")));
        recombine(record);
        return record;
    }

    /** Rewrites entry 1's proof text and the chain after it, as an operator altering the board would. */
    private static void changeProof(ObjectNode record, Consumer<ObjectNode> change) {
        ObjectNode entry = entry(record, 1);
        ObjectNode proof = proof(entry);
        change.accept(proof);
        entry.put("proof", proof.toString());
        Records.rechain(record);
    }

    /** Entry 1's ciphertexts and tracker made those of its choices (§4.3), and the chain recomputed. */
    private static void recombine(ObjectNode record) {
        ObjectNode entry = entry(record, 1);
        JsonNode choices = proof(entry).get("choices");
        ECPoint[][] parsed = ClientBallot.ciphertexts(choices, choices.size(), "choices");
        List<String> selection = new ArrayList<>();
        for (int j = 0; j < Selections.width(choices.size()); j++) {
            ECPoint[] chunk = ClientBallot.chunk(parsed, j);
            selection.add(P256.hex(chunk[0]) + "," + P256.hex(chunk[1]));
        }
        entry.put("ciphertexts", String.join(";", selection));
        entry.put("tracker", P256.hashHex("chamyeo/tracker", Records.BALLOT_ID, entry.get("ciphertexts").asText()));
        Records.rechain(record);
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
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

    /** The detail of the board's failed check, which names the proof and the equation. */
    private static String boardDetail(ObjectNode record) {
        return Verifier.verify(record).checks().stream().filter(check -> check.part().equals("board") && !check.passed())
                .map(Check::detail).findFirst().orElseThrow();
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
