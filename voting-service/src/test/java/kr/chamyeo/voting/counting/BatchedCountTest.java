package kr.chamyeo.voting.counting;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.trustee.TrusteeRunner;
import kr.chamyeo.verifier.HttpRecord;
import kr.chamyeo.verifier.RecordArchive;
import kr.chamyeo.verifier.RecordPages;
import kr.chamyeo.verifier.Report;
import kr.chamyeo.verifier.Verifier;
import kr.chamyeo.voting.TestBallots;
import kr.chamyeo.voting.TestElection;

/**
 * Batches of at most 3 ballots: seven votes are counted in three batches (2, 2 and 3 ballots), drawn by the sort
 * keys of PROTOCOL.md §8.6, each shuffled and decrypted by the trustee command on its own, and the ballot is counted
 * once the last batch has its quorum — with the same tallies a single batch would give.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
@TestProfile(BatchedCountTest.SmallBatches.class)
class BatchedCountTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chamyeo.voting.counting.batch-size", "3");
        }
    }

    private static final String SEOCHO = "11650";
    static final String[][] CHOICES = {{"p-1"}, {"p-2"}, {"p-3"}, {"p-1", "p-2"}, {"p-1"}, {"p-2", "p-3"}, {"p-1", "p-3"}};

    /** A counting ballot of seven votes under a Seocho panel of three trustees with threshold 2; returns the ballot. */
    static String sevenVotesClosed(List<TrusteeRunner> trustees, String run) {
        String ballot = TestBallots.createInDistrict(SEOCHO).statusCode(201).extract().path("id");
        for (int i = 0; i < CHOICES.length; i++) {
            vote(ballot, TestTokens.resident("seocho-voter-" + i + "-" + run, SEOCHO, "서초1동", 1970 + i, i % 2 == 0 ? "F" : "M"),
                    CHOICES[i]).statusCode(201);
        }
        TestBallots.close(TestTokens.officer(SEOCHO), ballot).statusCode(200).body("status", equalTo("COUNTING"))
                .body("boardSize", equalTo(7));
        return ballot;
    }

    static List<TrusteeRunner> seochoPanel(String run) {
        List<String> subjects = List.of("seocho-a-" + run, "seocho-b-" + run, "seocho-c-" + run);
        TestElection.form(SEOCHO, TestTokens.officer(SEOCHO), 2, subjects);
        return TestElection.steppedThroughCeremony(subjects);
    }

    /** Steps the trustees until the ballot is counted; fails after a bounded number of passes. */
    static void countByTrustees(List<TrusteeRunner> trustees, String ballot) {
        for (int pass = 0; pass < 10 && !"CLOSED".equals(given().get("/api/v1/voting/ballots/" + ballot).then().extract().path("status")); pass++) {
            trustees.forEach(TrusteeRunner::step);
        }
    }

    @Test
    void sevenVotesInBatchesOfThreeAreCountedBatchByBatchToTheRightResult() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<TrusteeRunner> trustees = seochoPanel(run);
        String ballot = sevenVotesClosed(trustees, run);

        JsonPath progress = given().get("/api/v1/voting/ballots/" + ballot + "/counting").then().statusCode(200).extract().jsonPath();
        assertEquals(3, progress.getInt("batches"));
        assertEquals(List.of(2, 2, 3), progress.getList("byBatch.size", Integer.class));
        assertEquals(List.of("MIX", "MIX", "MIX"), progress.getList("byBatch.step", String.class));

        // Each batch's round-1 input is its members in the order of their sort keys, recomputed here from the public board.
        JsonPath board = given().get("/api/v1/voting/ballots/" + ballot + "/board").then().statusCode(200).extract().jsonPath();
        BatchAssignment.Sorter sorter = new BatchAssignment.Sorter(UUID.fromString(ballot), board.getString("head"));
        List<String> ciphertexts = board.getList("entries.ciphertexts", String.class);
        List<String> trackers = board.getList("entries.tracker", String.class);
        for (int i = 0; i < trackers.size(); i++) {
            sorter.add(i + 1, trackers.get(i));
        }
        List<long[]> assigned = sorter.batches(3);
        for (int b = 0; b < 3; b++) {
            List<String> expected = new ArrayList<>();
            for (long seq : assigned.get(b)) {
                expected.add(ciphertexts.get((int) seq - 1));
            }
            assertEquals(expected, given().get("/api/v1/voting/ballots/" + ballot + "/counting/input?batch=" + b).then()
                    .statusCode(200).extract().jsonPath().getList("$", String.class), "batch " + b);
        }
        given().get("/api/v1/voting/ballots/" + ballot + "/counting/input?batch=3").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("batch"));
        given().auth().oauth2(TestElection.trusteeToken("seocho-a-" + run)).contentType("application/json")
                .body("{\"contextId\":\"" + ballot + "\",\"trustee\":1,\"shares\":[],\"proofs\":[]}")
                .post("/api/v1/voting/ballots/" + ballot + "/counting/decryptions?batch=-1").then().statusCode(422)
                .body("errors[0].field", equalTo("batch"));

        // One trustee's pass shuffles every batch; nothing is decrypted until a second trustee has mixed each of them.
        assertEquals(3, trustees.get(0).step());
        progress = given().get("/api/v1/voting/ballots/" + ballot + "/counting").then().extract().jsonPath();
        assertEquals(List.of(List.of(1), List.of(1), List.of(1)), progress.getList("byBatch.mixedBy"));
        assertEquals(List.of(1), progress.getList("mixedBy"));
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(409);

        // A second trustee's pass completes every batch's mixing. Shares named for the whole ballot (or another batch)
        // are refused for batch 1: each batch's decryption has its own context, so no share is replayed across batches.
        assertEquals(3, trustees.get(1).step());
        for (String context : List.of(ballot, ballot + "/batch/0")) {
            given().auth().oauth2(TestElection.trusteeToken("seocho-c-" + run)).contentType("application/json")
                    .body("{\"contextId\":\"" + context + "\",\"trustee\":3,\"shares\":[],\"proofs\":[]}")
                    .post("/api/v1/voting/ballots/" + ballot + "/counting/decryptions?batch=1").then().statusCode(422)
                    .body("errors[0].field", equalTo("contextId"));
        }
        countByTrustees(trustees, ballot);
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(200).body("closed", equalTo(true))
                .body("voters", equalTo(7)).body("invalid", equalTo(0)).body("tallies.votes", equalTo(List.of(4, 3, 3)));
        progress = given().get("/api/v1/voting/ballots/" + ballot + "/counting").then().extract().jsonPath();
        assertEquals("DONE", progress.getString("step"));
        for (int b = 0; b < 3; b++) {
            assertEquals(2, progress.getList("byBatch[" + b + "].mixedBy").size(), "batch " + b + " mixed by two trustees");
            assertEquals(2, progress.getList("byBatch[" + b + "].decryptedBy").size(), "batch " + b + " decrypted by two");
        }
        assertTrue(trustees.stream().allMatch(t -> t.step() == 0), "nothing is left to do");
    }

    /**
     * The record of a ballot of three batches is a header, board pages and batch pages; the verifier reads them (here
     * the board three entries a page, so the chain is checked across pages) and names the batch a corruption is in.
     */
    @Test
    void theRecordOfABatchedBallotIsAHeaderAndPagesThatTheVerifierChecksBatchByBatch() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<TrusteeRunner> trustees = seochoPanel(run);
        String open = TestBallots.createInDistrict(SEOCHO).statusCode(201).extract().path("id");
        given().get("/api/v1/voting/ballots/" + open + "/record/board").then().statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/ballot-open"));
        given().get("/api/v1/voting/ballots/" + open + "/record/batches/0").then().statusCode(409);
        String ballot = sevenVotesClosed(trustees, run);
        String url = "/api/v1/voting/ballots/" + ballot + "/record";
        countByTrustees(trustees, ballot);

        JsonNode header = MAPPER.readTree(given().get(url).then().statusCode(200).extract().asString());
        assertEquals(3, header.path("batches").path("count").asInt());
        assertEquals(3, header.path("batches").path("size").asInt());
        assertFalse(header.path("board").has("entries") || header.has("mixes") || header.has("decryptions") || header.has("plaintexts"));
        assertEquals(List.of(4, 3, 3), header.path("result").path("tallies").findValues("votes").stream().map(JsonNode::asInt).toList());
        given().get(url + "/board?from=1&limit=10001").then().statusCode(422).body("errors[0].field", equalTo("limit"));
        given().get(url + "/board?from=0").then().statusCode(422).body("errors[0].field", equalTo("from"));
        given().get(url + "/board?from=" + Long.MAX_VALUE).then().statusCode(200).body("entries.size()", equalTo(0))
                .body("next", equalTo(null));
        given().get(url + "/batches/3").then().statusCode(422).body("errors[0].field", equalTo("batch"));
        given().get("/api/v1/voting/ballots/" + UUID.randomUUID() + "/record/batches/0").then().statusCode(404);
        JsonNode[] batches = new JsonNode[3];
        for (int b = 0; b < 3; b++) {
            batches[b] = MAPPER.readTree(given().get(url + "/batches/" + b).then().statusCode(200).extract().asString());
            assertEquals(2, batches[b].path("mixes").size(), "two rounds in batch " + b);
            assertEquals(b == 2 ? 3 : 2, batches[b].path("trackers").size(), "members of batch " + b);
        }

        // As an auditor runs it: the command's reader, pages of 10,000.
        HttpRecord served = new HttpRecord("http://localhost:" + RestAssured.port + url);
        Report report = Verifier.verify(served.header(), served);
        assertTrue(report.passed(), () -> String.join("\n", report.checks().stream().map(c -> c.line()).toList()));
        assertTrue(report.checks().stream().anyMatch(c -> c.part().equals("batch 2 mix round 2") && c.count() == 3), "batch 2 holds 3 ballots");
        // Kept while checked (VerifyCommand --keep), then checked again offline from the directory alone.
        java.nio.file.Path kept = java.nio.file.Files.createTempDirectory("record-");
        assertTrue(Verifier.verify(served.header(), RecordArchive.keeping(served.header(), served, kept)).passed());
        RecordArchive archive = new RecordArchive(kept);
        Report offline = Verifier.verify(archive.header(), archive);
        assertTrue(offline.passed(), () -> String.join("\n", offline.failures()));
        assertEquals(report.checks().size(), offline.checks().size(), "the same checks offline");
        ObjectNode tampered = (ObjectNode) archive.batch(2);
        ArrayNode both = MAPPER.createArrayNode().add(0).add(1);
        ((ArrayNode) tampered.path("plaintexts")).set(1, tampered.path("plaintexts").get(1).equals(both) ? MAPPER.createArrayNode().add(2) : both);
        MAPPER.writeValue(kept.resolve("batch-2.json").toFile(), tampered);
        assertEquals("batch 2 plaintexts: plaintext 1", Verifier.verify(archive.header(), archive).failures().get(0));
        Report paged = Verifier.verify(header, new Pages(url, batches));
        assertTrue(paged.passed(), () -> String.join("\n", paged.failures()));

        assertEquals(List.of("record: pages"), Verifier.verify(header).failures().subList(0, 1));
        // A tracker moved from batch 1 into batch 0 (and batch 0's first one into batch 1), ciphertexts with it.
        JsonNode[] moved = copy(batches);
        swap((ArrayNode) moved[0].path("trackers"), (ArrayNode) moved[1].path("trackers"));
        swap((ArrayNode) moved[0].path("inputs"), (ArrayNode) moved[1].path("inputs"));
        assertFirstFailure("batch 0: trackers are not the assignment", header, url, moved);
        // One of batch 1's decrypted ballots changed.
        JsonNode[] changed = copy(batches);
        ArrayNode plaintexts = (ArrayNode) changed[1].path("plaintexts");
        plaintexts.set(0, MAPPER.createArrayNode().add(plaintexts.get(0).path(0).asInt() == 0 ? 1 : 0));
        assertFirstFailure("batch 1 plaintexts: plaintext 0", header, url, changed);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The board from the service, three entries a page; the batches as the test holds them. */
    private record Pages(String url, JsonNode[] batches) implements RecordPages {
        @Override
        public JsonNode board(long from) {
            try {
                return MAPPER.readTree(given().get(url + "/board?from=" + from + "&limit=3").then().statusCode(200).extract().asString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public JsonNode batch(int batch) {
            return batches[batch];
        }
    }

    private static JsonNode[] copy(JsonNode[] batches) {
        JsonNode[] copy = new JsonNode[batches.length];
        for (int b = 0; b < batches.length; b++) {
            copy[b] = batches[b].deepCopy();
        }
        return copy;
    }

    private static void swap(ArrayNode first, ArrayNode second) {
        JsonNode one = first.get(0);
        first.set(0, second.get(0));
        second.set(0, one);
    }

    private static void assertFirstFailure(String expected, JsonNode header, String url, JsonNode[] batches) {
        List<String> failures = Verifier.verify(header, new Pages(url, batches)).failures();
        assertTrue(!failures.isEmpty() && failures.get(0).equals(expected), "expected '" + expected + "' first, got " + failures);
    }
}
