package kr.chamyeo.budget;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.budget.Budget.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Issue 24 #2, the youth council's step (seed 001, 청년자율예산제: "청년이 숙의 과정 등을 통해 일정한 총액 내에서 정책의
 * 우선순위와 규모 등을 종합적으로 결정해 서울시에 제안"): governance-service's YouthBudgetProposed becomes proposals of Seoul's
 * city-level YOUTH cycle of its year, which the city reviews and puts to the city-wide vote (대시민투표). Tests play
 * governance-service with its exact message (governance-service/EVENTS.md).
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class YouthCouncilProposalsTest {

    private static final long M = 1_000_000;
    private static final String CITY = "11000";
    private static final String TOPIC = "governance.youth-budget";
    private static final String GOVERNANCE = "/chamyeo/governance-service";
    private static final String SEED_WORDING = "일정한 총액 내에서 정책의 우선순위와 규모를 결정해 서울시에 제안";

    @Inject
    EntityManager em;

    private static long cityCycle(int year, long total) {
        Map<String, Object> body = Budget.cycle(year, "YOUTH", total, 600 * M, 20 * M,
                List.of(Budget.subcommittee("youth", "청년의회 분과", total), Budget.subcommittee("housing", "주거분과", 600 * M)));
        body.put("district", CITY);
        body.put("title", year + "년 서울시 청년자율예산");
        return post(TestTokens.cityAdmin(), "/cycles", body).statusCode(201).extract().jsonPath().getLong("id");
    }

    /** governance-service/EVENTS.md's example round: 주거비 600,000,000 (주거분과) and 마음건강 400,000,000 within 1,000,000,000. */
    private static Map<String, Object> round(UUID roundId, int year, long total) {
        List<Map<String, Object>> proposals = new ArrayList<>();
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("priority", 1);
        first.put("title", "청년 1인가구 주거비 지원");
        first.put("subcommittee", "주거분과");
        first.put("amount", 600 * M);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("priority", 2);
        second.put("title", "청년 마음건강 상담");
        second.put("subcommittee", null);
        second.put("amount", 400 * M);
        proposals.add(first);
        proposals.add(second);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roundId", roundId.toString());
        data.put("year", year);
        data.put("total", total);
        data.put("proposed", 1000 * M);
        data.put("adoptedOn", year - 1 + "-07-25");
        data.put("proposals", proposals);
        return data;
    }

    private static String send(String source, UUID roundId, Map<String, Object> data) throws Exception {
        String eventId = UUID.randomUUID().toString();
        EventProbe.send(TOPIC, roundId.toString(), EventProbe.cloudEvent(eventId, source, "YouthBudgetProposed", roundId.toString(),
                Budget.JSON.writeValueAsString(data)));
        return eventId;
    }

    private void awaitProcessed(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from processed_event where event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue()) == 1);
    }

    private static JsonPath proposals(long cycleId) {
        return given().auth().oauth2(TestTokens.cityAdmin()).queryParam("size", 100).get("/api/v1/budget/cycles/" + cycleId + "/proposals")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitProposals(long cycleId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> proposals(cycleId).getList("items").size() == count);
        return proposals(cycleId);
    }

    private static JsonNode deadLetter(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.cityAdmin())
                .get("/api/v1/budget/events/dead-letters").then().statusCode(200).extract().jsonPath().getList("eventId").contains(eventId));
        try {
            for (JsonNode parked : Budget.JSON.readTree(given().auth().oauth2(TestTokens.cityAdmin())
                    .get("/api/v1/budget/events/dead-letters").then().extract().asString())) {
                if (eventId.equals(parked.path("eventId").asText())) {
                    return parked;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("not parked: " + eventId);
    }

    @Test
    void theCouncilsProposalsJoinTheCitysYouthCycleOnceAndGoToTheCityWideVote() throws Exception {
        long cycleId = cityCycle(2028, 1000 * M);
        UUID roundId = UUID.randomUUID();
        send(GOVERNANCE, roundId, round(roundId, 2028, 1000 * M));

        JsonPath list = awaitProposals(cycleId, 2);
        assertEquals(List.of("YOUTH_COUNCIL", "YOUTH_COUNCIL"), list.getList("items.origin"));
        assertEquals(List.of("청년 1인가구 주거비 지원", "청년 마음건강 상담"), list.getList("items.title"));
        assertEquals(List.of(1, 2), list.getList("items.councilPriority"));
        assertEquals(List.of(roundId.toString(), roundId.toString()), list.getList("items.councilRound"));
        assertEquals(List.of(600 * M, 400 * M), list.getList("items.requestedAmount", Long.class));
        // The council's 주거분과 goes to the cycle's subcommittee of that name; one without a 분과 to the cycle's first.
        assertEquals(List.of("housing", "youth"), list.getList("items.subcommitteeCode"));
        assertEquals(List.of("청년의회", "청년의회"), list.getList("items.sourceChannel"));
        assertEquals(List.of("SUBMITTED", "SUBMITTED"), list.getList("items.stage"));
        long first = list.getLong("items[0].id");
        long second = list.getLong("items[1].id");
        given().get("/api/v1/budget/cycles/" + cycleId + "/proposals/" + first).then().statusCode(200)
                .body("description", containsString(SEED_WORDING))
                .body("description", containsString("2027-07-25 본회의 의결; 총액 1000000000원 중 우선순위 1/2, 주거분과, 600000000원"))
                .body("history[0].actor", equalTo("governance-service")).body("history[0].amount", equalTo((int) (600 * M)));

        // The same round again (a new event id, even with other figures) changes nothing.
        Map<String, Object> again = round(roundId, 2028, 1000 * M);
        again.put("proposals", List.of(Map.of("priority", 1, "title", "청년 마음건강 상담", "amount", 1000 * M)));
        String duplicate = send(GOVERNANCE, roundId, again);
        awaitProcessed(duplicate);
        assertEquals(List.of(first, second), proposals(cycleId).getList("items.id", Long.class));

        // From there the city's own flow: review by a city admin, 분과심의, and the city-wide ballot with both projects.
        for (long p : List.of(first, second)) {
            post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/proposals/" + p + "/department-review", Map.of("department",
                    "청년정책담당관", "decision", "ACCEPT", "opinion", "검토 완료", "amount", p == first ? 600 * M : 400 * M)).statusCode(200);
            post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/proposals/" + p + "/pre-review", Map.of("decision", "PASS")).statusCode(200);
        }
        post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/subcommittees/housing/forwarding", Map.of("proposalIds", List.of(first)))
                .statusCode(200);
        post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/subcommittees/youth/forwarding", Map.of("proposalIds", List.of(second)))
                .statusCode(200);
        post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/assembly", Map.of()).statusCode(200);
        JsonNode ballot = Budget.events("voting.requests", "BallotRequested", "correlationId", "budget:" + cycleId + ":RESIDENTS", 1).get(0);
        assertEquals(CITY, ballot.get("ownerDistrict").asText());
        assertEquals(0, ballot.get("eligibility").get("districts").size());
        List<String> labels = new ArrayList<>();
        ballot.get("options").forEach(o -> labels.add(o.get("key").asText() + " " + o.get("label").asText() + " " + o.get("cost").asLong()));
        assertEquals(List.of("p-" + first + " 청년 1인가구 주거비 지원 600000000", "p-" + second + " 청년 마음건강 상담 400000000"), labels);
    }

    @Test
    void aRoundBeforeTheCitysCycleWaitsAndJoinsWhenTheCityOpensItEvenAboveItsTotal() throws Exception {
        UUID roundId = UUID.randomUUID();
        String eventId = send(GOVERNANCE, roundId, round(roundId, 2029, 1000 * M));
        awaitProcessed(eventId);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from proposal where council_round = ?1").setParameter(1, roundId).getSingleResult()).longValue()));

        // The city fixes 800,000,000 for 2029, less than the council proposed: nothing is dropped, the vote adopts within the total.
        long cycleId = cityCycle(2029, 800 * M);
        JsonPath list = proposals(cycleId);
        assertEquals(List.of("청년 1인가구 주거비 지원", "청년 마음건강 상담"), list.getList("items.title"));
        assertEquals(List.of(1, 2), list.getList("items.councilPriority"));
        Object[] round = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select cycle_id, note from youth_council_round where round_id = ?1").setParameter(1, roundId).getSingleResult());
        assertEquals(cycleId, ((Number) round[0]).longValue());
        assertTrue(((String) round[1]).contains("200000000 more than the cycle's total 800000000"), (String) round[1]);
    }

    @Test
    void onlyGovernanceServiceSpeaksForTheYouthCouncilAndABrokenRoundIsParked() throws Exception {
        long cycleId = cityCycle(2030, 1000 * M);
        UUID forgedRound = UUID.randomUUID();
        String forged = send("/chamyeo/community-service", forgedRound, round(forgedRound, 2030, 1000 * M));
        assertTrue(deadLetter(forged).path("reason").asText().contains("does not publish " + TOPIC), deadLetter(forged).toString());

        // A round whose proposals do not add up to what it says it proposed breaks the contract: parked, not half-taken.
        UUID brokenRound = UUID.randomUUID();
        Map<String, Object> broken = round(brokenRound, 2030, 1000 * M);
        broken.put("proposed", 900 * M);
        String brokenId = send(GOVERNANCE, brokenRound, broken);
        assertTrue(deadLetter(brokenId).path("reason").asText().contains("proposals sum to 1000000000"), deadLetter(brokenId).toString());
        assertEquals(List.of(), proposals(cycleId).getList("items"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select round_id from youth_council_round where round_id in (?1, ?2)").setParameter(1, forgedRound)
                .setParameter(2, brokenRound).getResultStream().findFirst().orElse(null)));
    }
}
