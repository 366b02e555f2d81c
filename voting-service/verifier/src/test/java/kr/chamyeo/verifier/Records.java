package kr.chamyeo.verifier;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Election records (§8.5) assembled from PROTOCOL.md's vectors: the ceremony vector's election with a ballot of three
 * options and the rule of the ballot vector (APPROVAL, 1 to 2 choices). The vectors fix everything cryptographic;
 * what they leave open (the ballot id, the board chain of §8.2, which no vector shows) is filled in here by the
 * document's formulas.
 */
final class Records {

    static final String BALLOT_ID = "0f8e3a52-6b1d-4c7e-9a10-3d2b5c4e6f70";

    private Records() {
    }

    /** A closed ballot nobody voted on, under the ceremony vector's election: valid as it stands. */
    static ObjectNode emptyBallot() {
        JsonNode ceremony = Vectors.get("ceremony");
        ObjectNode record = Vectors.JSON.createObjectNode();
        record.put("protocol", "chamyeo-election/3");
        record.put("group", "P-256");
        ObjectNode election = record.putObject("election");
        election.put("id", ceremony.get("electionId").asText());
        election.put("title", "예시 선거");
        election.put("threshold", ceremony.get("threshold").asInt());
        election.put("trusteeCount", ceremony.get("trustees").asInt());
        election.put("status", "READY");
        election.put("publicKey", ceremony.get("electionKey").get("publicKey").asText());
        ArrayNode trustees = election.putArray("trustees");
        for (int i = 0; i < 2; i++) {
            ObjectNode seat = trustees.addObject();
            seat.put("seat", i + 1);
            seat.put("name", "trustee " + (i + 1));
            seat.set("key", ceremony.get("trusteeKeys").get(i));
            seat.set("round1", ceremony.get("round1").get(i));
            seat.set("round2", ceremony.get("round2").get(i));
        }
        ObjectNode ballot = record.putObject("ballot");
        ballot.put("id", BALLOT_ID);
        ballot.put("title", "놀이터");
        ArrayNode options = ballot.putArray("options");
        for (int i = 1; i <= 3; i++) {
            options.addObject().put("key", "p-" + i).put("label", "사업 " + i).put("cost", 100L * i);
        }
        ObjectNode rule = ballot.putObject("rule");
        rule.put("type", "APPROVAL").put("minChoices", 1).put("maxChoices", 2);
        ballot.put("width", 1);
        ObjectNode board = record.putObject("board");
        board.put("size", 0);
        board.putArray("entries");
        rechain(record);
        record.put("rollEntries", 0);
        record.putArray("mixes");
        record.putArray("decryptions");
        record.putArray("plaintexts");
        ObjectNode result = record.putObject("result");
        result.put("voters", 0).put("invalid", 0);
        ArrayNode tallies = result.putArray("tallies");
        for (int i = 1; i <= 3; i++) {
            tallies.addObject().put("key", "p-" + i).put("votes", 0);
        }
        return record;
    }

    /** Appends an entry with its tracker (§4.4), sets size and roll to match, and recomputes the chain. */
    static ObjectNode append(ObjectNode record, String ciphertexts, String proof) {
        ObjectNode board = (ObjectNode) record.get("board");
        ArrayNode entries = (ArrayNode) board.get("entries");
        ObjectNode entry = entries.addObject();
        entry.put("seq", entries.size());
        entry.put("tracker", P256.hashHex("chamyeo/tracker", BALLOT_ID, ciphertexts));
        entry.put("ciphertexts", ciphertexts);
        entry.put("proof", proof);
        board.put("size", entries.size());
        record.put("rollEntries", entries.size());
        ((ObjectNode) record.get("result")).put("voters", entries.size());
        rechain(record);
        return entry;
    }

    /** §8.2: a client ballot's proof as the board stores it — its fields but the id, in order, no whitespace. */
    static String proofText(JsonNode ballot) {
        ObjectNode proof = Vectors.JSON.createObjectNode();
        for (String field : List.of("choices", "choiceProofs", "countProof", "budgetDigits", "budgetDigitProofs", "budgetProof")) {
            proof.set(field, ballot.get(field));
        }
        return proof.toString();
    }

    /** The chain of §8.2 over the entries as they are, as an operator rewriting the board would compute it. */
    static void rechain(ObjectNode record) {
        ObjectNode board = (ObjectNode) record.get("board");
        String chain = P256.hashHex("chamyeo/board", BALLOT_ID);
        for (JsonNode node : board.get("entries")) {
            ObjectNode entry = (ObjectNode) node;
            chain = P256.hashHex("chamyeo/board-entry", chain, entry.get("seq").asText(), entry.get("tracker").asText(),
                    entry.get("ciphertexts").asText(), entry.get("proof").isNull() ? "-" : entry.get("proof").asText());
            entry.put("chain", chain);
        }
        board.put("head", chain);
    }
}
