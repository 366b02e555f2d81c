package kr.chamyeo.voting.record;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.resident;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.election.BallotEncryption;
import kr.chamyeo.election.Group;
import kr.chamyeo.election.SelectionRule;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.verifier.Report;
import kr.chamyeo.verifier.Verifier;
import kr.chamyeo.voting.TestBallots;
import kr.chamyeo.voting.TestElection;

/**
 * The election record of a real ballot — votes the service encrypted, ballots the app encrypted (one of them breaking
 * the APPROVAL rule), three trustees' shuffles and decryptions — passes the independent verifier, and each corruption
 * of one part makes it fail naming that part.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class RecordTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theRecordOfACountedBallotVerifiesAndEveryCorruptionIsNamed() throws Exception {
        String ballot = TestBallots.open(false);
        String[][] served = {{"p-1"}, {"p-1", "p-2"}, {"p-3"}, {"p-2"}};
        for (int i = 0; i < served.length; i++) {
            vote(ballot, resident("record-" + i + "-" + UUID.randomUUID()), served[i]).statusCode(201);
        }
        String election = given().get("/api/v1/voting/ballots/" + ballot).then().extract().path("electionId");
        String key = given().get("/api/v1/voting/elections/" + election).then().extract().path("publicKey");
        castEncrypted(ballot, key, TestBallots.APPROVAL_RULE, new int[] {0, 2}, 201);
        // Three choices on a ballot of at most two, proven under a rule that allows three: refused at the door.
        castEncrypted(ballot, key, new SelectionRule(3, 1, 3, null, null), new int[] {0, 1, 2}, 422);
        TestBallots.close(TestTokens.officer(TestBallots.GEUMCHEON), ballot).statusCode(200);
        TestElection.awaitCounted(ballot);

        JsonNode record = MAPPER.readTree(given().get("/api/v1/voting/ballots/" + ballot + "/record").then().statusCode(200)
                .extract().asString());
        Report report = Verifier.verify(record);
        assertTrue(report.passed(), () -> String.join("\n", report.checks().stream().map(c -> c.line()).toList()));
        assertEquals(5, record.path("board").path("size").asInt());
        assertEquals(0, record.path("result").path("invalid").asInt());
        assertEquals(TestElection.THRESHOLD, record.path("mixes").size());

        assertNamed(record, "board", r -> {
            ArrayNode entries = (ArrayNode) r.path("board").path("entries");
            ((ObjectNode) entries.get(2)).set("ciphertexts", entries.get(3).path("ciphertexts"));
        });
        assertNamed(record, "board", r -> ((ObjectNode) r.path("board").path("entries").get(1)).put("chain", "0".repeat(64)));
        assertNamed(record, "board", r -> ((ArrayNode) r.path("board").path("entries")).remove(3));
        assertNamed(record, "board", r -> ((ObjectNode) r).put("rollEntries", 7));
        assertNamed(record, "board", r -> {
            ObjectNode entry = (ObjectNode) r.path("board").path("entries").get(4);
            // The 128-bit challenge of the count proof's first branch: its challenges no longer combine to the hash.
            String proof = entry.path("proof").asText();
            String changed = proof.replaceFirst("(\"countProof\":\\[\"04[0-9a-f]{128},04[0-9a-f]{128},)[0-9a-f]{32}",
                    "$1" + "0".repeat(31) + "1");
            assertNotEquals(proof, changed);
            entry.put("proof", changed);
        });
        assertNamed(record, "mix round 2", r -> {
            ObjectNode proof = (ObjectNode) r.path("mixes").get(1).path("proof");
            proof.set("kA", TextNode.valueOf(Group.hex(Group.randomScalar())));
        });
        assertNamed(record, "mix round 1", r -> {
            ArrayNode out = (ArrayNode) r.path("mixes").get(0).path("ciphertexts");
            out.set(0, out.get(1));
        });
        assertNamed(record, "decryption", r -> {
            ArrayNode proofs = (ArrayNode) r.path("decryptions").get(0).path("proofs");
            proofs.set(0, proofs.get(1));
        });
        assertNamed(record, "plaintexts", r -> {
            ArrayNode plaintexts = (ArrayNode) r.path("plaintexts");
            int first = plaintexts.get(0).isNull() ? 1 : 0;
            plaintexts.set(first, MAPPER.createArrayNode().add(0).add(1).add(2));
        });
        assertNamed(record, "result", r -> {
            ObjectNode tally = (ObjectNode) r.path("result").path("tallies").get(0);
            tally.put("votes", tally.path("votes").asInt() + 1);
        });
        assertNamed(record, "ceremony", r -> ((ObjectNode) r.path("election")).put("publicKey", Group.hex(Group.base(Group.randomScalar()))));
    }

    /**
     * Twenty projects are two selection ciphertexts per ballot (§3: sixteen options a chunk): shuffled and decrypted as
     * pairs, decoded across both, and the record verifies; choices in both chunks are counted where they belong.
     */
    @Test
    void aBallotOfTwentyOptionsIsTwoCiphertextsWideAndCountsAndVerifies() throws Exception {
        StringBuilder options = new StringBuilder("[");
        for (int i = 1; i <= 20; i++) {
            options.append(i > 1 ? "," : "").append("{\"key\":\"p-").append(i).append("\",\"label\":\"사업 ").append(i)
                    .append("\",\"cost\":").append(10_000_000L * i).append('}');
        }
        String spec = TestBallots.spec(TestBallots.geumcheonResidents(), java.time.Instant.now().minusSeconds(1),
                java.time.Instant.now().plusSeconds(3600), "{\"type\":\"APPROVAL\",\"minChoices\":1,\"maxChoices\":5,\"budgetLimit\":null}",
                false).replace(TestBallots.OPTIONS, options.append(']').toString());
        String ballot = TestBallots.create(spec).statusCode(201).extract().path("id");
        vote(ballot, resident("wide-1-" + UUID.randomUUID()), "p-1", "p-17", "p-20").statusCode(201);
        vote(ballot, resident("wide-2-" + UUID.randomUUID()), "p-16", "p-17").statusCode(201);
        String election = given().get("/api/v1/voting/ballots/" + ballot).then().extract().path("electionId");
        String key = given().get("/api/v1/voting/elections/" + election).then().extract().path("publicKey");
        castEncrypted(ballot, key, new SelectionRule(20, 1, 5, null, null), new int[] {0, 15, 19}, 201);
        TestBallots.close(TestTokens.officer(TestBallots.GEUMCHEON), ballot).statusCode(200);
        TestElection.awaitCounted(ballot);

        JsonNode record = MAPPER.readTree(given().get("/api/v1/voting/ballots/" + ballot + "/record").then().statusCode(200)
                .extract().asString());
        assertEquals(2, record.path("ballot").path("width").asInt());
        Report report = Verifier.verify(record);
        assertTrue(report.passed(), () -> String.join("\n", report.checks().stream().map(c -> c.line()).toList()));
        JsonNode tallies = record.path("result").path("tallies");
        int[] expected = new int[20];
        for (int index : new int[] {0, 16, 19, 15, 16, 0, 15, 19}) {
            expected[index]++;
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(expected[i], tallies.get(i).path("votes").asInt(), "p-" + (i + 1));
        }
        assertEquals(0, record.path("result").path("invalid").asInt());
    }

    private static void assertNamed(JsonNode record, String part, Consumer<JsonNode> corruption) {
        JsonNode corrupted = record.deepCopy();
        corruption.accept(corrupted);
        Report report = Verifier.verify(corrupted);
        List<String> failures = report.failures();
        assertTrue(!failures.isEmpty() && failures.get(0).startsWith(part + ":"),
                "expected the first failure in '" + part + "', got " + failures);
    }

    private static void castEncrypted(String ballot, String key, SelectionRule rule, int[] chosen, int status) throws Exception {
        String body = MAPPER.writeValueAsString(BallotEncryption.encrypt(ballot, Group.point(key), rule, chosen).ballot());
        given().auth().oauth2(resident("app-" + UUID.randomUUID())).contentType("application/json").body(body)
                .post("/api/v1/voting/ballots/" + ballot + "/encrypted-votes").then().statusCode(status);
    }
}
