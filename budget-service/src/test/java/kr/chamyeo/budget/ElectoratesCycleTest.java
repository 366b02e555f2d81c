package kr.chamyeo.budget;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.budget.Budget.OFFICER;
import static kr.chamyeo.budget.Budget.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;

/**
 * Issue 22, more than two channels: a cycle of three weighted electorates as Seoul's 2018 city budget combined them
 * (e-vote 50% + committee 40% + budget-school members 10%), each its own ballot at voting-service, played here with real
 * Kafka events as voting-service publishes them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ElectoratesCycleTest {

    private static final long M = 1_000_000;

    private static Map<String, Object> electorate(String code, String name, int weight, String role) {
        return Map.of("code", code, "name", name, "weight", weight, "requiredRole", role);
    }

    @Test
    void threeWeightedElectoratesEachGetTheirBallotAndEqualSharesHonoursTheWeights() throws Exception {
        // Budget year 2028: a year no other test's statistics look at (the weights are Seoul 2018's).
        Map<String, Object> body = Budget.cycle(2028, "RESIDENT", 100 * M, 40 * M, 20 * M,
                List.of(Budget.subcommittee("a", "생활분과", 110 * M)));
        body.put("rule", "EQUAL_SHARES");
        body.put("electorates", List.of(electorate("EVOTE", "시민 전자투표", 50, "RESIDENT"),
                electorate("COMMITTEE", "시민참여예산위원", 40, "COMMITTEE"), electorate("SCHOOL", "예산학교 수료자", 10, "RESIDENT")));
        long cycleId = Budget.createCycle(body);
        given().get("/api/v1/budget/cycles/" + cycleId).then().statusCode(200)
                .body("electorates.code", contains("EVOTE", "COMMITTEE", "SCHOOL"))
                .body("electorates.weight", contains(50, 40, 10))
                .body("residentWeight", equalTo(0)).body("committeeWeight", equalTo(40));

        long a1 = Budget.reviewed(cycleId, "A1 도서관", "a", 30 * M, false);
        long a2 = Budget.reviewed(cycleId, "A2 공원", "a", 30 * M, false);
        long a3 = Budget.reviewed(cycleId, "A3 놀이터", "a", 30 * M, false);
        long c = Budget.reviewed(cycleId, "C 방범등", "a", 40 * M, false);
        long s = Budget.reviewed(cycleId, "S 청소년 교실", "a", 10 * M, false);
        Budget.forward(cycleId, "a", List.of(a1, a2, a3, c, s));
        // A limit for an electorate the cycle does not have is refused, and nothing is requested.
        post(OFFICER, "/cycles/" + cycleId + "/assembly", Map.of("maxChoices", Map.of("RESIDENTS", 2))).statusCode(422)
                .body("errors[0].field", equalTo("maxChoices.RESIDENTS"));
        given().get("/api/v1/budget/cycles/" + cycleId).then().body("status", equalTo("OPEN"));
        post(OFFICER, "/cycles/" + cycleId + "/assembly", Map.of("maxChoices", Map.of("SCHOOL", 2))).statusCode(200)
                .body("ballots.electorate", contains("COMMITTEE", "EVOTE", "SCHOOL"));

        // One BallotRequested per electorate, with its own correlation id, eligibility and choice limit.
        List<JsonNode> requests = new ArrayList<>();
        for (String code : List.of("EVOTE", "COMMITTEE", "SCHOOL")) {
            List<JsonNode> found = Budget.events("voting.requests", "BallotRequested", "correlationId",
                    "budget:" + cycleId + ":" + code, 1);
            assertEquals(1, found.size(), code);
            requests.add(found.get(0));
        }
        assertTrue(requests.get(0).get("eligibility").get("requiredRole").isNull());
        assertEquals("COMMITTEE", requests.get(1).get("eligibility").get("requiredRole").asText());
        assertEquals(2, requests.get(2).get("rule").get("maxChoices").asInt());
        assertEquals(5, requests.get(0).get("rule").get("maxChoices").asInt());
        assertTrue(requests.get(2).get("title").asText().contains("예산학교 수료자"));
        assertTrue(requests.get(0).get("description").asText().contains("50% 시민 전자투표 + 40% 시민참여예산위원 + 10% 예산학교 수료자"));

        // 10 e-voters approve A1–A3, 4 committee members C, 2 school members S. Two ballots closed: still no result.
        Budget.runBallot(cycleId, "EVOTE", Budget.box(10, Map.of("p-" + a1, 10, "p-" + a2, 10, "p-" + a3, 10)), 4);
        Budget.runBallot(cycleId, "COMMITTEE", Budget.box(4, Map.of("p-" + c, 4)), 1000);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> given()
                .get("/api/v1/budget/cycles/" + cycleId + "/assembly").then().extract().jsonPath()
                .getString("ballots.find { it.electorate == 'COMMITTEE' }.voters") != null);
        assertEquals("ASSEMBLY", given().get("/api/v1/budget/cycles/" + cycleId).then().extract().jsonPath().getString("status"));
        Budget.runBallot(cycleId, "SCHOOL", Budget.box(2, Map.of("p-" + s, 2)), 1000);
        Budget.awaitStatus(cycleId, "DECIDED");

        // Scores: A1–A3 50 each (all e-voters), C 40 (all members), S 10. Greedy would adopt A1, A2, A3 and S (C no longer
        // fits). Equal Shares gives each electorate its weight's share: the e-voters hold 50백만원 and buy A1 (30), the
        // committee 40 buys C, the school 10 buys S. The add1 completion cannot add A2 (it would need 60 for the e-voters,
        // then 110 > 100): A1, C, S = 80백만원, and each electorate decided exactly what it paid.
        given().get("/api/v1/budget/cycles/" + cycleId + "/results").then().statusCode(200)
                .body("electorates.electorate", contains("EVOTE", "COMMITTEE", "SCHOOL"))
                .body("electorates.voters", contains(10, 4, 2))
                .body("electorates.weight", contains(50, 40, 10))
                .body("projects.find { it.proposalId == " + a1 + " }.score", equalTo(50.0f))
                .body("projects.find { it.proposalId == " + c + " }.score", equalTo(40.0f))
                .body("projects.find { it.proposalId == " + s + " }.score", equalTo(10.0f))
                .body("projects.find { it.proposalId == " + s + " }.electorates.votes", contains(0, 0, 2))
                .body("projects.findAll { it.adopted }.proposalId", contains((int) a1, (int) c, (int) s))
                .body("adoptedAmount", equalTo(80_000_000))
                .body("proportionality.electorates.electorate", contains("EVOTE", "COMMITTEE", "SCHOOL"))
                .body("proportionality.electorates.decidedAmount", contains(30_000_000, 40_000_000, 10_000_000))
                .body("proportionality.ejr.status", equalTo("SATISFIED"))
                .body("proportionality.account.summaryKo", containsString("예산학교 수료자 2명 각 5,000,000원"));

        // The export carries all three electorates with their weights.
        String pb = given().get("/api/v1/budget/cycles/" + cycleId + "/export.pb").then().statusCode(200).extract().asString();
        assertTrue(pb.contains("50% evote share + 40% committee members share + 10% school share"), pb);
        assertTrue(pb.contains(";school"), "voter_type of the school's voters");
    }

    @Test
    void electoratesMustSumTo100AndNotMixWithTheTwoWeights() {
        Map<String, Object> body = Budget.cycle(2029, "RESIDENT", 100 * M, 40 * M, 20 * M,
                List.of(Budget.subcommittee("a", "생활분과", 100 * M)));
        body.put("electorates", List.of(electorate("EVOTE", "전자투표", 45, "RESIDENT"), electorate("COMMITTEE", "위원", 45, "COMMITTEE")));
        post(OFFICER, "/cycles", body).statusCode(422).body("errors[0].field", equalTo("electorates"))
                .body("errors[0].message", containsString("not 90"));
        body.put("electorates", List.of(electorate("EVOTE", "전자투표", 45, "RESIDENT"), electorate("COMMITTEE", "위원", 45, "COMMITTEE"),
                electorate("SURVEY", "설문", 10, "OFFICER")));
        post(OFFICER, "/cycles", body).statusCode(422).body("errors[0].field", equalTo("electorates[2].requiredRole"));
        body.put("electorates", List.of(electorate("EVOTE", "전자투표", 90, "RESIDENT"), electorate("EVOTE", "위원", 10, "COMMITTEE")));
        post(OFFICER, "/cycles", body).statusCode(422).body("errors[0].field", equalTo("electorates[1].code"));
        body.put("electorates", List.of(electorate("EVOTE", "전자투표", 100, "RESIDENT")));
        body.put("residentWeight", 60);
        post(OFFICER, "/cycles", body).statusCode(422).body("errors[0].field", equalTo("residentWeight"));
        // Nothing was stored: the 2029 cycle does not exist.
        given().queryParam("district", Budget.GEUMCHEON).queryParam("year", 2029).get("/api/v1/budget/cycles").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }
}
