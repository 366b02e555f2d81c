package kr.chamyeo.voting.closing;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.GEUMCHEON;
import static kr.chamyeo.voting.TestBallots.resident;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.voting.TestBallots;
import kr.chamyeo.voting.TestElection;
import kr.chamyeo.voting.ballot.BoardChain;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ClosingTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    BallotCloser closer;

    @Test
    void votingEndsOnceThenTheTrusteesCountExactlyTheBoardAndPublishTheBallotsThenTheTally() throws Exception {
        String ballot = TestBallots.open(false);
        String[][] choices = {{"p-1"}, {"p-1", "p-2"}, {"p-3"}, {"p-2", "p-3"}, {"p-1", "p-3"}, {"p-1"}, {"p-2"}};
        List<String> trackers = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            trackers.add(vote(ballot, resident("closer-" + i + "-" + UUID.randomUUID()), choices[i]).statusCode(201).extract().path("tracker"));
        }
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/results-not-public"));

        String officer = TestTokens.officer(GEUMCHEON);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> TestBallots.close(officer, ballot).extract().statusCode());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> TestBallots.close(officer, ballot).extract().statusCode());
        // A scheduler-style attempt on top of both: not due, and ended anyway.
        closer.close(UUID.fromString(ballot), false, null);
        List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        assertTrue(statuses.stream().filter(s -> s == 200).count() <= 1, statuses.toString());
        vote(ballot, resident("after-close-" + UUID.randomUUID()), "p-1").statusCode(409);

        TestElection.awaitCounted(ballot);
        List<String> events = EventProbe.read("voting.ballots", v -> v.contains(ballot)
                && (v.contains("\"BallotClosed\"") || v.contains("\"BallotBoxChunk\"")), 2, Duration.ofSeconds(20));
        List<JsonNode> parsed = new ArrayList<>();
        for (String e : events) {
            parsed.add(mapper.readTree(e));
        }
        assertEquals(List.of("BallotBoxChunk", "BallotClosed"), parsed.stream().map(e -> e.get("type").asText()).toList(),
                "one chunk, then exactly one BallotClosed");
        JsonNode chunk = parsed.get(0).get("data");
        JsonNode closed = parsed.get(1).get("data");
        assertEquals(7, closed.get("voters").asInt());
        assertEquals(0, closed.get("invalid").asInt());
        assertEquals(1, closed.get("boxChunks").asInt());

        // The decrypted ballots are exactly the ones cast (as a multiset), and the tallies count them.
        List<String> cast = new ArrayList<>();
        for (String[] c : choices) {
            cast.add(String.join(",", c));
        }
        List<String> decrypted = new ArrayList<>();
        Map<String, Integer> recount = new HashMap<>();
        chunk.get("entries").forEach(entry -> {
            List<String> keys = new ArrayList<>();
            entry.forEach(k -> {
                keys.add(k.asText());
                recount.merge(k.asText(), 1, Integer::sum);
            });
            decrypted.add(String.join(",", keys));
        });
        assertEquals(cast.stream().sorted().toList(), decrypted.stream().sorted().toList());
        closed.get("tallies").forEach(tally -> assertEquals(recount.getOrDefault(tally.get("key").asText(), 0), tally.get("votes").asInt()));

        // Every voter finds their tracker on the board, whose chain reaches the head published when voting ended.
        JsonPath board = given().queryParam("limit", 10).get("/api/v1/voting/ballots/" + ballot + "/board").then().statusCode(200)
                .extract().jsonPath();
        List<BoardChain.Entry> entries = board.getList("entries", BoardChain.Entry.class);
        assertEquals(trackers.stream().sorted().toList(), entries.stream().map(BoardChain.Entry::tracker).sorted().toList());
        assertEquals(-1, BoardChain.firstBrokenLink(UUID.fromString(ballot), entries, board.getString("head")));
        assertEquals(board.getString("head"), closed.get("boardHead").asText());
        given().get("/api/v1/voting/ballots/" + ballot).then().body("status", equalTo("CLOSED")).body("boardHead", equalTo(board.getString("head")))
                .body("voters", equalTo(7));
        given().get("/api/v1/voting/ballots/" + ballot + "/counting").then().statusCode(200)
                .body("mixedBy.size()", equalTo(TestElection.THRESHOLD)).body("decryptedBy.size()", equalTo(TestElection.THRESHOLD))
                .body("step", equalTo("DONE"));
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(200).body("closed", equalTo(true))
                .body("tallies.votes", equalTo(List.of(recount.get("p-1"), recount.get("p-2"), recount.get("p-3"))));
    }

    @Test
    void onlyTheOwnerDistrictsOfficerCloses() {
        String ballot = TestBallots.open(false);
        TestBallots.close(TestTokens.officer("11530"), ballot).statusCode(403);
        TestBallots.close(resident("r-" + UUID.randomUUID()), ballot).statusCode(403);
        TestBallots.close(TestTokens.cityAdmin(), ballot).statusCode(200)
                .body("status", equalTo("CLOSED")).body("voters", equalTo(0));
    }

    /** Issue 23: ending voting early needs a reason, which is public with the ballot and its record, and is audited. */
    @Test
    void endingVotingEarlyNeedsAReasonThatIsPublicAndAudited() {
        String ballot = TestBallots.open(false);
        String officer = TestTokens.officer(GEUMCHEON);
        for (String body : new String[] {null, "{}", "{\"reason\":\"  \"}"}) {
            var request = given().auth().oauth2(officer).contentType("application/json");
            (body == null ? request : request.body(body)).post("/api/v1/voting/ballots/" + ballot + "/close").then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        }
        given().auth().oauth2(officer).contentType("application/json").body("{\"reason\":\"" + "가".repeat(501) + "\"}")
                .post("/api/v1/voting/ballots/" + ballot + "/close").then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().get("/api/v1/voting/ballots/" + ballot).then().body("status", equalTo("OPEN")).body("closeReason", nullValue());
        assertEquals(0, closeRecords(ballot).size(), "a refused closing leaves no audit record");

        String reason = "선거 관리 사고: 투표 안내 문자 오발송";
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("reason", " " + reason + " "))
                .post("/api/v1/voting/ballots/" + ballot + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo(reason));
        given().get("/api/v1/voting/ballots/" + ballot).then().body("closeReason", equalTo(reason));
        given().get("/api/v1/voting/ballots/" + ballot + "/record").then().statusCode(200)
                .body("closing.early", equalTo(true)).body("closing.reason", equalTo(reason));
        List<Map<String, Object>> audited = closeRecords(ballot);
        assertEquals(1, audited.size(), audited.toString());
        assertEquals("POST ClosingResource.close", audited.get(0).get("action"));
        assertEquals("OFFICER", audited.get(0).get("role"));
        assertEquals(GEUMCHEON, audited.get(0).get("district"));
    }

    private static List<Map<String, Object>> closeRecords(String ballot) {
        List<Map<String, Object>> records = given().auth().oauth2(TestTokens.cityAdmin()).queryParam("size", 500)
                .get("/api/v1/voting/audit").then().statusCode(200).extract().jsonPath().getList("$");
        return records.stream().filter(r -> String.valueOf(r.get("target")).contains(ballot + "/close")).toList();
    }

    @Test
    void liveResultsAndTurnoutWithSmallCellsSuppressed() {
        String ballot = TestBallots.open(true);
        int year = Year.now(ZoneId.of("Asia/Seoul")).getValue();
        // 12 voters: 6 F / 6 M; ages 5 in their 20s, 5 in their 40s, 2 aged 60+; 10 in 독산1동, 2 in 가산동.
        for (int i = 0; i < 12; i++) {
            int age = i < 5 ? 25 : i < 10 ? 45 : 65;
            String dong = i < 10 ? "독산1동" : "가산동";
            vote(ballot, TestTokens.resident("t-" + i + "-" + UUID.randomUUID(), GEUMCHEON, dong, year - age, i % 2 == 0 ? "F" : "M"),
                    "p-" + (1 + i % 3)).statusCode(201);
        }
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.nullValue())
                .body("closed", equalTo(false)).body("voters", equalTo(12))
                // Choices are encrypted until the trustees count them: live results are turnout only.
                .body("tallies", equalTo(List.of()))
                .body("turnout.bySex.find { it.value == 'F' }.voters", equalTo(6))
                .body("turnout.bySex.find { it.value == 'M' }.voters", equalTo(6))
                .body("turnout.byAgeBand.find { it.value == '60+' }.suppressed", equalTo(true))
                .body("turnout.byAgeBand.find { it.value == '60+' }.voters", equalTo(null))
                // 60+ alone would be total − the rest: one more band is hidden with it.
                .body("turnout.byAgeBand.findAll { it.suppressed }.size()", equalTo(2))
                .body("turnout.youth19to39.voters", equalTo(5))
                .body("turnout.byDong.find { it.value == '가산동' }.suppressed", equalTo(true))
                .body("turnout.byDong.find { it.value == '독산1동' }.suppressed", equalTo(true))
                .body("turnout.suppressionThreshold", equalTo(5));
    }
}
