package kr.chamyeo.voting.closing;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.GEUMCHEON;
import static kr.chamyeo.voting.TestBallots.resident;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ClosingTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    BallotCloser closer;

    @Test
    void closingTwiceAtOnceClosesOncePublishesTheBoxThenTheTallyAndTheBulletinChecksOut() throws Exception {
        String ballot = TestBallots.open(false);
        List<String> receipts = new ArrayList<>();
        String[][] choices = {{"p-1"}, {"p-1", "p-2"}, {"p-3"}, {"p-2", "p-3"}, {"p-1", "p-3"}, {"p-1"}, {"p-2"}};
        for (int i = 0; i < choices.length; i++) {
            receipts.add(vote(ballot, resident("closer-" + i + "-" + UUID.randomUUID()), choices[i]).statusCode(201).extract().path("receipt"));
        }
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/results-not-public"));
        given().get("/api/v1/voting/ballots/" + ballot + "/bulletin").then().statusCode(409);

        String officer = TestTokens.officer(GEUMCHEON);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().auth().oauth2(officer)
                .post("/api/v1/voting/ballots/" + ballot + "/close").then().extract().statusCode());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> given().auth().oauth2(officer)
                .post("/api/v1/voting/ballots/" + ballot + "/close").then().extract().statusCode());
        // A scheduler-style attempt on top of both: not due, and closed anyway.
        closer.close(UUID.fromString(ballot), false);
        List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        assertTrue(statuses.stream().filter(s -> s == 200).count() <= 1, statuses.toString());
        vote(ballot, resident("after-close-" + UUID.randomUUID()), "p-1").statusCode(409);

        List<String> events = EventProbe.read("voting.ballots", v -> v.contains(ballot)
                && (v.contains("\"BallotClosed\"") || v.contains("\"BallotBoxChunk\"")), 2, Duration.ofSeconds(20));
        List<JsonNode> parsed = new ArrayList<>();
        for (String e : events) {
            parsed.add(mapper.readTree(e));
        }
        assertEquals(List.of("BallotBoxChunk", "BallotClosed"), parsed.stream().map(e -> e.get("type").asText()).toList(),
                "one chunk, then exactly one BallotClosed");
        JsonNode closed = parsed.get(1).get("data");
        assertEquals(7, closed.get("voters").asInt());
        assertEquals(1, closed.get("boxChunks").asInt());
        JsonNode chunk = parsed.get(0).get("data");
        assertEquals(0, chunk.get("chunk").asInt());
        assertEquals(7, chunk.get("entries").size());

        JsonPath bulletin = given().queryParam("limit", 3).get("/api/v1/voting/ballots/" + ballot + "/bulletin").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .extract().jsonPath();
        List<Map<String, Object>> entries = new ArrayList<>(bulletin.getList("entries"));
        String next = bulletin.getString("next");
        while (next != null) {
            JsonPath page = given().queryParam("limit", 3).queryParam("after", next).get("/api/v1/voting/ballots/" + ballot + "/bulletin")
                    .then().statusCode(200).extract().jsonPath();
            entries.addAll(page.getList("entries"));
            next = page.getString("next");
        }
        assertEquals(7, entries.size());
        // Anyone can recompute the hash from the listed entries.
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Map<String, Long> recount = new HashMap<>();
        List<String> listedHashes = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) entry.get("choices");
            sha.update((entry.get("receiptHash") + " " + String.join(",", keys) + "\n").getBytes(StandardCharsets.UTF_8));
            keys.forEach(k -> recount.merge(k, 1L, Long::sum));
            listedHashes.add((String) entry.get("receiptHash"));
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        assertEquals(hash, bulletin.getString("bulletinHash"));
        assertEquals(hash, closed.get("bulletinHash").asText());
        assertEquals(listedHashes.stream().sorted().toList(), listedHashes, "bulletin order is by receipt hash");
        for (String receipt : receipts) {
            String receiptHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(receipt.getBytes(StandardCharsets.US_ASCII)));
            assertTrue(listedHashes.contains(receiptHash), "every voter finds their receipt on the bulletin");
        }
        assertEquals(Map.of("p-1", 4L, "p-2", 3L, "p-3", 3L), recount);
        for (JsonNode tally : closed.get("tallies")) {
            assertEquals(recount.get(tally.get("key").asText()), tally.get("votes").asLong(), "tallies equal a recount of the bulletin");
        }
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .body("closed", equalTo(true)).body("voters", equalTo(7))
                .body("tallies.find { it.key == 'p-1' }.votes", equalTo(4))
                .body("tallies.find { it.key == 'p-1' }.label", equalTo("독산동 어린이 놀이터 개선"));
        given().get("/api/v1/voting/ballots/" + ballot).then().body("status", equalTo("CLOSED")).body("bulletinHash", equalTo(hash));
        given().queryParam("status", "CLOSED").queryParam("size", 100).get("/api/v1/voting/ballots").then().statusCode(200)
                .body("find { it.id == '" + ballot + "' }.voters", equalTo(7))
                .body("find { it.id == '" + ballot + "' }.bulletinHash", equalTo(hash));
        given().auth().oauth2(officer).post("/api/v1/voting/ballots/" + ballot + "/close").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheOwnerDistrictsOfficerCloses() {
        String ballot = TestBallots.open(false);
        given().auth().oauth2(TestTokens.officer("11530")).post("/api/v1/voting/ballots/" + ballot + "/close").then().statusCode(403);
        given().auth().oauth2(resident("r-" + UUID.randomUUID())).post("/api/v1/voting/ballots/" + ballot + "/close").then().statusCode(403);
        given().auth().oauth2(TestTokens.cityAdmin()).post("/api/v1/voting/ballots/" + ballot + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("voters", equalTo(0));
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
                .body("tallies.votes", equalTo(List.of(4, 4, 4)))
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
