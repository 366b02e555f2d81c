package kr.chamyeo.governance.contest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Seed 004, 금천구 혁신행정 우수사례 경진대회 (2021. 8월): "(1차) 사전 서면심사, 온라인 투표 등을 통해 10건 선정" — twelve
 * departments enter, the written review screens one out, and voting-service's ballot among the other eleven shortlists ten.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ContestExchangeTest {

    private static final String API = "/api/v1/governance/contests";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = TestTokens.officer("11545");

    @Test
    void writtenReviewThenOnlineVoteShortlistsTen() throws Exception {
        String contest = given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2021,\"title\":\"혁신행정 우수사례 경진대회\"}").post(API).then().statusCode(201)
                .body("shortlistSize", equalTo(10)).body("status", equalTo("ENTRIES_OPEN")).extract().path("id");
        List<String> entries = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            entries.add(given().auth().oauth2(OFFICER).contentType("application/json")
                    .body("{\"department\":\"부서" + n + "\",\"title\":\"1부서 1혁신 사례 " + n + "\"}").post(API + "/" + contest + "/entries")
                    .then().statusCode(201).body("key", equalTo("e-" + n)).extract().path("id"));
        }
        // Another district's officer neither enters nor reviews.
        given().auth().oauth2(TestTokens.officer("11680")).contentType("application/json").body("{\"department\":\"강남\",\"title\":\"x\"}")
                .post(API + "/" + contest + "/entries").then().statusCode(403);
        // Screened out needs its reason.
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"review\":\"SCREENED_OUT\",\"score\":40}")
                .put(API + "/" + contest + "/entries/" + entries.get(11) + "/review").then().statusCode(422)
                .body("errors[0].field", equalTo("note"));
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"review\":\"SCREENED_OUT\",\"score\":40,\"note\":\"제출대상 아님\"}")
                .put(API + "/" + contest + "/entries/" + entries.get(11) + "/review").then().statusCode(200);
        // The review has begun: entries are closed.
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"department\":\"늦은 부서\",\"title\":\"x\"}")
                .post(API + "/" + contest + "/entries").then().statusCode(409);
        String window = "{\"opensAt\":\"2030-08-02T00:00:00Z\",\"closesAt\":\"2030-08-09T00:00:00Z\"}";
        given().auth().oauth2(OFFICER).contentType("application/json").body(window).post(API + "/" + contest + "/vote").then()
                .statusCode(422).body("errors[0].field", equalTo("entries"));
        for (int n = 0; n < 11; n++) {
            // e-10 and e-11 will tie on votes: e-11's better review wins the tenth place.
            int score = n == 10 ? 90 : 80;
            given().auth().oauth2(OFFICER).contentType("application/json").body("{\"review\":\"PASSED\",\"score\":" + score + "}")
                    .put(API + "/" + contest + "/entries/" + entries.get(n) + "/review").then().statusCode(200);
        }

        given().auth().oauth2(OFFICER).contentType("application/json").body(window).post(API + "/" + contest + "/vote").then()
                .statusCode(202).body("status", equalTo("VOTE_REQUESTED"));
        String correlation = "governance:contest:" + contest + ":1";
        List<String> requests = EventProbe.read("voting.requests", v -> v.contains(correlation), 1, Duration.ofSeconds(20));
        assertEquals(1, requests.size());
        JsonNode request = JSON.readTree(requests.get(0));
        assertEquals("/chamyeo/governance-service", request.get("source").asText());
        JsonNode data = request.get("data");
        assertEquals("governance-service", data.get("requester").asText());
        assertEquals("11545", data.get("ownerDistrict").asText());
        assertEquals(JSON.readTree("[\"11545\"]"), data.get("eligibility").get("districts"));
        assertEquals(JSON.readTree("{\"type\":\"APPROVAL\",\"minChoices\":1,\"maxChoices\":10,\"budgetLimit\":null}"), data.get("rule"));
        assertEquals(11, data.get("options").size());
        assertEquals("부서1: 1부서 1혁신 사례 1", data.get("options").get(0).get("label").asText());
        // The vote closes the review.
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"review\":\"PASSED\",\"score\":99}")
                .put(API + "/" + contest + "/entries/" + entries.get(0) + "/review").then().statusCode(409);

        String ballot = UUID.randomUUID().toString();
        answer(ballot, "BallotOpened", "{\"ballotId\":\"" + ballot + "\",\"correlationId\":\"" + correlation
                + "\",\"requester\":\"governance-service\",\"title\":\"t\",\"ownerDistrict\":\"11545\",\"opensAt\":\"2030-08-02T00:00:00Z\","
                + "\"closesAt\":\"2030-08-09T00:00:00Z\",\"options\":[]}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/" + contest).then()
                .body("status", equalTo("VOTING")).body("ballotId", equalTo(ballot)));
        StringBuilder tallies = new StringBuilder();
        for (int n = 1; n <= 11; n++) {
            // e-1 500 votes, e-2 490, …, e-9 420, e-10 and e-11 both 300.
            tallies.append(n == 1 ? "" : ",").append("{\"key\":\"e-").append(n).append("\",\"votes\":").append(n >= 10 ? 300 : 510 - n * 10).append('}');
        }
        String closed = "{\"ballotId\":\"" + ballot + "\",\"correlationId\":\"" + correlation + "\",\"requester\":\"governance-service\","
                + "\"closedAt\":\"2030-08-09T00:00:00Z\",\"voters\":812,\"invalid\":0,\"tallies\":[" + tallies + "],\"boardHead\":\"00ff\",\"boxChunks\":1}";
        answer(ballot, "BallotClosed", closed);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/" + contest).then().body("status", equalTo("SHORTLISTED")));
        // A repeated close with other figures changes nothing.
        answer(ballot, "BallotClosed", closed.replace("\"votes\":500", "\"votes\":1"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        JsonPath result = given().get(API + "/" + contest).then().statusCode(200).body("voters", equalTo(812)).extract().jsonPath();
        assertEquals(10, result.getList("entries.findAll { it.shortlisted }").size());
        assertEquals(List.of("e-10", "e-12"), result.getList("entries.findAll { !it.shortlisted }.key"));
        assertEquals(500, result.getInt("entries.find { it.key == 'e-1' }.votes"));
        assertNull(result.get("entries.find { it.key == 'e-12' }.votes"));
    }

    @Test
    void aRefusedBallotCanBeAskedForAgain() throws Exception {
        String contest = given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2021,\"title\":\"혁신 아이디어 공모\",\"shortlistSize\":1}").post(API).then()
                .statusCode(201).extract().path("id");
        List<String> entries = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            entries.add(given().auth().oauth2(OFFICER).contentType("application/json").body("{\"department\":\"부서\",\"title\":\"사례" + n + "\"}")
                    .post(API + "/" + contest + "/entries").then().statusCode(201).extract().path("id"));
        }
        for (String entry : entries) {
            given().auth().oauth2(OFFICER).contentType("application/json").body("{\"review\":\"PASSED\",\"score\":70}")
                    .put(API + "/" + contest + "/entries/" + entry + "/review").then().statusCode(200);
        }
        String window = "{\"opensAt\":\"2030-08-02T00:00:00Z\",\"closesAt\":\"2030-08-09T00:00:00Z\"}";
        given().auth().oauth2(OFFICER).contentType("application/json").body(window).post(API + "/" + contest + "/vote").then().statusCode(202);
        String first = "governance:contest:" + contest + ":1";
        answer(first, "BallotRejected", "{\"correlationId\":\"" + first + "\",\"requester\":\"governance-service\","
                + "\"reason\":\"no-election-key: No trustees' election key is ready\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/" + contest).then()
                .body("status", equalTo("VOTE_REJECTED")).body("rejectionReason", equalTo("no-election-key: No trustees' election key is ready")));
        given().auth().oauth2(OFFICER).contentType("application/json").body(window).post(API + "/" + contest + "/vote").then()
                .statusCode(202).body("correlationId", equalTo("governance:contest:" + contest + ":2"));
    }

    private static void answer(String key, String type, String data) {
        EventProbe.send("voting.ballots", key, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service", type, key, data));
    }
}
