package kr.chamyeo.budget;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.budget.Budget.GEUMCHEON;
import static kr.chamyeo.budget.Budget.OFFICER;
import static kr.chamyeo.budget.Budget.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/** A Geumcheon-2021-shaped cycle (10억원, 일반 1억원, 행사성 2천만원) through the four stages with voting-service's messages. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class GeumcheonCycleTest {

    private static final long M = 1_000_000;

    @Test
    void fullCycleThroughFourStagesWithRankedGreedy() throws Exception {
        Map<String, Object> body = Budget.cycle(2025, "RESIDENT", 1000 * M, 100 * M, 20 * M,
                List.of(Budget.subcommittee("welfare", "복지환경분과", 500 * M), Budget.subcommittee("culture", "문화교육분과", 500 * M)));

        // Wrong role, wrong district, broken rules: refused, nothing created.
        post(Budget.resident(), "/cycles", body).statusCode(403).contentType("application/problem+json");
        post(TestTokens.officer("11680"), "/cycles", body).statusCode(403).contentType("application/problem+json");
        post(null, "/cycles", body).statusCode(401);
        Map<String, Object> badWeights = new LinkedHashMap<>(body);
        badWeights.put("residentWeight", 60);
        badWeights.put("committeeWeight", 50);
        post(OFFICER, "/cycles", badWeights).statusCode(422).body("errors[0].field", equalTo("committeeWeight"));
        Map<String, Object> badCap = new LinkedHashMap<>(body);
        badCap.put("ordinaryCap", 2000 * M);
        post(OFFICER, "/cycles", badCap).statusCode(422).body("errors[0].field", equalTo("ordinaryCap"));
        Map<String, Object> badDistrict = new LinkedHashMap<>(body);
        badDistrict.put("district", "99999");
        post(TestTokens.cityAdmin(), "/cycles", badDistrict).statusCode(422).body("errors[0].field", equalTo("district"));
        Map<String, Object> unknownField = new LinkedHashMap<>(body);
        unknownField.put("budgetz", 1);
        post(OFFICER, "/cycles", unknownField).statusCode(400).contentType("application/problem+json");
        given().queryParam("district", GEUMCHEON).queryParam("year", 2025).get("/api/v1/budget/cycles").then()
                .statusCode(200).body("total", equalTo(0));

        long cycleId = Budget.createCycle(body);
        post(OFFICER, "/cycles", body).statusCode(409);
        given().get("/api/v1/budget/cycles/" + cycleId).then().statusCode(200)
                .body("residentWeight", equalTo(50)).body("committeeWeight", equalTo(50)).body("rule", equalTo("RANKED_GREEDY"))
                .body("subcommittees[0].forwardLimit", equalTo(650_000_000)).body("status", equalTo("OPEN"));
        given().queryParam("district", GEUMCHEON).queryParam("year", 2025).queryParam("kind", "RESIDENT")
                .get("/api/v1/budget/cycles").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo((int) cycleId));
        given().queryParam("size", 0).get("/api/v1/budget/cycles").then().statusCode(422);
        JsonNode created = Budget.events("budget.cycles", "CycleCreated", "cycleId", Long.toString(cycleId), 1).get(0);
        assertEquals(1_000_000_000L, created.get("totalAmount").asLong());
        assertEquals("RESIDENT", created.get("kind").asText());
        assertEquals(2025, created.get("fiscalYear").asInt());

        // Intake: caps, roles, channel, contacts.
        String path = "/cycles/" + cycleId + "/proposals";
        post(Budget.resident(), path, Budget.proposal("너무 큰 사업", "welfare", 150 * M, false)).statusCode(422)
                .body("errors[0].field", equalTo("requestedAmount")).body("cap", equalTo(100_000_000));
        post(Budget.resident(), path, Budget.proposal("큰 축제", "culture", 30 * M, true)).statusCode(422)
                .body("cap", equalTo(20_000_000));
        post(TestTokens.resident("r-gangnam", "11680", "역삼1동", 1990, "M"), path, Budget.proposal("강남 주민 제안", "welfare", 10 * M, false))
                .statusCode(403);
        post(Budget.resident(), path, Budget.proposal("없는 분과", "sports", 10 * M, false)).statusCode(422)
                .body("errors[0].field", equalTo("subcommitteeCode"));
        post(OFFICER, path, Budget.proposal("채널 없는 흡수 사업", "welfare", 10 * M, false)).statusCode(422)
                .body("errors[0].field", equalTo("sourceChannel"));
        Map<String, Object> absorbed = Budget.proposal("금천1번가 흡수 사업", "culture", 10 * M, false);
        absorbed.put("sourceChannel", "금천1번가");
        post(TestTokens.partner("11680"), path, absorbed).statusCode(403);
        long absorbedId = post(TestTokens.partner(GEUMCHEON), path, absorbed).statusCode(201)
                .body("origin", equalTo("ABSORBED")).body("sourceChannel", equalTo("금천1번가")).extract().jsonPath().getLong("id");
        given().get("/api/v1/budget" + path).then().statusCode(200).body("total", equalTo(1));

        long w1 = Budget.submit(cycleId, Budget.proposal("독산동 어린이 놀이터 개선", "welfare", 100 * M, false));
        String p1 = path + "/" + w1;
        given().get("/api/v1/budget" + p1).then().statusCode(200).body("contact", nullValue()).body("title", equalTo("독산동 어린이 놀이터 개선"));
        given().auth().oauth2(TestTokens.officer("11680")).get("/api/v1/budget" + p1).then().body("contact", nullValue());
        given().auth().oauth2(Budget.resident()).get("/api/v1/budget" + p1).then().body("contact", nullValue());
        given().auth().oauth2(OFFICER).get("/api/v1/budget" + p1).then().body("contact.name", equalTo("김금천"))
                .body("contact.phone", equalTo("010-1234-5678"));
        given().auth().oauth2(TestTokens.cityAdmin()).get("/api/v1/budget" + path).then().body("items[0].contact.name", equalTo("김금천"));
        given().get("/api/v1/budget" + path).then().body(org.hamcrest.Matchers.not(containsString("010-1234-5678")));

        // Stage order, roles and caps; nothing changes on refusal.
        post(OFFICER, p1 + "/pre-review", Map.of("decision", "PASS")).statusCode(409).body("stage", equalTo("SUBMITTED"));
        post(TestTokens.officer("11680"), p1 + "/department-review",
                Map.of("department", "아동청년과", "decision", "ACCEPT", "opinion", "의견", "amount", 90 * M)).statusCode(403);
        post(OFFICER, p1 + "/department-review",
                Map.of("department", "아동청년과", "decision", "ACCEPT", "opinion", "의견", "amount", 120 * M)).statusCode(422)
                .body("errors[0].field", equalTo("amount"));
        post(OFFICER, p1 + "/department-review", Map.of("department", "아동청년과", "decision", "ACCEPT", "opinion", "의견"))
                .statusCode(422);
        post(OFFICER, p1 + "/department-review", Map.of("department", "아동청년과", "decision", "MAYBE", "opinion", "의견"))
                .statusCode(400);
        given().auth().oauth2(OFFICER).get("/api/v1/budget" + p1).then().body("stage", equalTo("SUBMITTED"))
                .body("amount", equalTo(100_000_000)).body("history", hasSize(1));

        // Return-for-supplement loop: round 1 accepted, returned, round 2 accepted at a new cost, passed.
        Budget.departmentAccept(cycleId, w1, 95 * M);
        post(OFFICER, p1 + "/pre-review", Map.of("decision", "RETURN")).statusCode(422).body("errors[0].field", equalTo("reason"));
        post(OFFICER, p1 + "/pre-review", Map.of("decision", "RETURN", "reason", "부서 검토가 소극적임: 보완 요청")).statusCode(200)
                .body("stage", equalTo("SUBMITTED")).body("reviewRound", equalTo(2));
        Budget.departmentAccept(cycleId, w1, 100 * M);
        Budget.pass(cycleId, w1);
        given().get("/api/v1/budget" + p1).then().body("stage", equalTo("PRE_REVIEWED"))
                .body("history.stage", contains("SUBMISSION", "DEPARTMENT_REVIEW", "PRE_REVIEW", "DEPARTMENT_REVIEW", "PRE_REVIEW"))
                .body("history.round", contains(1, 1, 1, 2, 2))
                .body("history.decision", contains("SUBMITTED", "ACCEPT", "RETURN", "ACCEPT", "PASS"))
                .body("history[1].amount", equalTo(95_000_000)).body("history[3].amount", equalTo(100_000_000))
                .body("history[2].reason", equalTo("부서 검토가 소극적임: 보완 요청"))
                .body("history[1].actorRole", equalTo("OFFICER")).body("history[1].department", equalTo("아동청년과"))
                // The public history names people by role, never by token subject (issue 23)
                .body("history.actor", contains(nullValue(), nullValue(), nullValue(), nullValue(), nullValue()))
                .body(not(containsString("officer-11545")));
        given().auth().oauth2(TestTokens.officer("11680")).get("/api/v1/budget" + p1).then().body(not(containsString("officer-11545")));
        given().auth().oauth2(OFFICER).get("/api/v1/budget" + p1).then().body("history[1].actor", equalTo("officer-11545"));

        // The other projects. Scores are 50 × residents/20 + 50 × members/4.
        long w2 = Budget.reviewed(cycleId, "시흥대로 보행환경 개선", "welfare", 100 * M, false);
        long w3 = Budget.reviewed(cycleId, "경로당 냉난방기 교체", "welfare", 100 * M, false);
        long w4 = Budget.reviewed(cycleId, "안양천 산책로 조명", "welfare", 100 * M, false);
        long w5 = Budget.reviewed(cycleId, "독산숲길 쉼터", "welfare", 100 * M, false);
        long w6 = Budget.reviewed(cycleId, "가산동 공원 그늘막", "welfare", 80 * M, false);
        long w7 = Budget.reviewed(cycleId, "시흥동 주차장 정비", "welfare", 100 * M, false);
        long c1 = Budget.reviewed(cycleId, "작은도서관 장서 확충", "culture", 100 * M, false);
        long c2 = Budget.reviewed(cycleId, "청소년 문화공간 조성", "culture", 100 * M, false);
        long c3 = Budget.reviewed(cycleId, "마을 영화관 운영", "culture", 100 * M, false);
        long c4 = Budget.reviewed(cycleId, "주민 합창단 지원", "culture", 100 * M, false);
        long c5 = Budget.reviewed(cycleId, "어르신 스마트폰 교실", "culture", 100 * M, false);
        long c6 = Budget.reviewed(cycleId, "금천 하모니 축제", "culture", 15 * M, true);
        post(OFFICER, path + "/" + absorbedId + "/department-review",
                Map.of("department", "문화체육과", "decision", "REJECT", "opinion", "타 사업과 중복")).statusCode(200)
                .body("stage", equalTo("REJECTED"));

        // Stage 3: the 130% rule names the totals, and nothing changes.
        String forwarding = "/cycles/" + cycleId + "/subcommittees/welfare/forwarding";
        post(TestTokens.committee("11680", "m-x"), forwarding, Map.of("proposalIds", List.of(w1))).statusCode(403);
        post(OFFICER, forwarding, Map.of("proposalIds", List.of(w1, w2, w3, w4, w5, w6, w7))).statusCode(422)
                .contentType("application/problem+json")
                .body("forwardedTotal", equalTo(680_000_000)).body("limit", equalTo(650_000_000)).body("ceiling", equalTo(500_000_000))
                .body("detail", containsString("130%"));
        post(OFFICER, forwarding, Map.of("proposalIds", List.of(w1, absorbedId))).statusCode(422)
                .body("errors[0].field", equalTo("proposalIds[1]"));
        given().get("/api/v1/budget" + path + "/" + w7).then().body("stage", equalTo("PRE_REVIEWED"));
        given().get("/api/v1/budget/cycles/" + cycleId).then().body("subcommittees[0].forwarded", equalTo(false));
        post(OFFICER, "/cycles/" + cycleId + "/assembly", Map.of()).statusCode(409).body("pendingSubcommittees", hasSize(2));
        post(TestTokens.committee(GEUMCHEON, "m-1"), forwarding, Map.of("proposalIds", List.of(w1, w2, w3, w4, w5, w6)))
                .statusCode(200).body("forwardedTotal", equalTo(580_000_000));
        post(OFFICER, forwarding, Map.of("proposalIds", List.of(w1))).statusCode(409);
        given().get("/api/v1/budget" + path + "/" + w7).then().body("stage", equalTo("NOT_FORWARDED"));
        Budget.forward(cycleId, "culture", List.of(c1, c2, c3, c4, c5, c6));

        // Stage 4: two ballot requests, exactly as voting-service reads them.
        post(Budget.resident(), "/cycles/" + cycleId + "/assembly", Map.of()).statusCode(403);
        post(OFFICER, "/cycles/" + cycleId + "/assembly", Map.of("residentMaxChoices", 99)).statusCode(422);
        post(OFFICER, "/cycles/" + cycleId + "/assembly", Map.of()).statusCode(200).body("status", equalTo("ASSEMBLY"))
                .body("ballots", hasSize(2));
        post(OFFICER, "/cycles/" + cycleId + "/assembly", Map.of()).statusCode(409);
        List<String> requests = EventProbe.read("voting.requests", v -> v.contains("budget:" + cycleId + ":"), 2, Duration.ofSeconds(20));
        assertEquals(2, requests.size());
        Map<String, JsonNode> byCorrelation = new LinkedHashMap<>();
        for (String r : requests) {
            JsonNode event = Budget.JSON.readTree(r);
            assertEquals("BallotRequested", event.get("type").asText());
            byCorrelation.put(event.get("data").get("correlationId").asText(), event.get("data"));
        }
        JsonNode residents = byCorrelation.get("budget:" + cycleId + ":RESIDENTS");
        JsonNode committee = byCorrelation.get("budget:" + cycleId + ":COMMITTEE");
        assertEquals("budget-service", residents.get("requester").asText());
        assertEquals(GEUMCHEON, residents.get("ownerDistrict").asText());
        assertEquals(GEUMCHEON, residents.get("eligibility").get("districts").get(0).asText());
        assertEquals(0, residents.get("eligibility").get("dongs").size());
        assertEquals("APPROVAL", residents.get("rule").get("type").asText());
        assertEquals(12, residents.get("rule").get("maxChoices").asInt());
        assertEquals(1, residents.get("rule").get("minChoices").asInt());
        assertEquals(true, residents.get("rule").get("budgetLimit").isNull());
        assertEquals(true, residents.get("eligibility").get("requiredRole").isNull());
        assertEquals(true, residents.has("ownerDong") && residents.get("ownerDong").isNull());
        assertEquals(false, residents.get("liveResults").asBoolean());
        assertEquals(12, residents.get("options").size());
        assertEquals("p-" + w1, residents.get("options").get(0).get("key").asText());
        assertEquals(100_000_000L, residents.get("options").get(0).get("cost").asLong());
        assertEquals("독산동 어린이 놀이터 개선", residents.get("options").get(0).get("label").asText());
        assertEquals("COMMITTEE", committee.get("eligibility").get("requiredRole").asText());
        assertEquals(GEUMCHEON, committee.get("eligibility").get("districts").get(0).asText());

        // Closed cycle: no more proposals or reviews.
        post(Budget.resident(), path, Budget.proposal("늦은 제안", "welfare", 10 * M, false)).statusCode(409);
        post(OFFICER, path + "/" + w7 + "/pre-review", Map.of("decision", "PASS")).statusCode(409);
        given().get("/api/v1/budget/cycles/" + cycleId + "/results").then().statusCode(409);

        Map<String, Integer> residentVotes = new LinkedHashMap<>();
        Map<String, Integer> memberVotes = new LinkedHashMap<>();
        votes(residentVotes, memberVotes, c1, 20, 4);
        votes(residentVotes, memberVotes, w1, 18, 4);
        votes(residentVotes, memberVotes, c2, 16, 4);
        votes(residentVotes, memberVotes, w2, 14, 4);
        votes(residentVotes, memberVotes, c3, 20, 2);
        votes(residentVotes, memberVotes, w3, 18, 2);
        votes(residentVotes, memberVotes, c4, 16, 2);
        votes(residentVotes, memberVotes, w4, 14, 2);
        votes(residentVotes, memberVotes, w6, 12, 2);
        votes(residentVotes, memberVotes, c5, 15, 1);
        votes(residentVotes, memberVotes, w5, 10, 2);
        votes(residentVotes, memberVotes, c6, 10, 1);
        Budget.runBallot(cycleId, "RESIDENTS", Budget.box(20, residentVotes), 12);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .get("/api/v1/budget/cycles/" + cycleId + "/assembly").then().extract().jsonPath()
                .getString("ballots.find { it.electorate == 'RESIDENTS' }.voters") != null);
        given().get("/api/v1/budget/cycles/" + cycleId + "/assembly").then()
                .body("ballots.find { it.electorate == 'RESIDENTS' }.voters", equalTo(20))
                .body("ballots.find { it.electorate == 'RESIDENTS' }.chunksReceived", equalTo(2))
                .body("ballots.find { it.electorate == 'RESIDENTS' }.boxChunks", equalTo(2));
        assertEquals("ASSEMBLY", given().get("/api/v1/budget/cycles/" + cycleId).then().extract().jsonPath().getString("status"));
        Budget.runBallot(cycleId, "COMMITTEE", Budget.box(4, memberVotes), 1000);
        Budget.awaitStatus(cycleId, "DECIDED");

        // Ranking: 100, 95, 90, 85, 75, 70, 65, 60, 55, then C5 (15 residents + 1 member) and W5 (10 + 2) tie at 50:
        // more resident votes first. Greedy: 9 projects = 880백만원; C5 → 980; W5 (100) does not fit the 20 left; C6 (15) does.
        var results = given().get("/api/v1/budget/cycles/" + cycleId + "/results").then().statusCode(200)
                .body("rule", equalTo("RANKED_GREEDY"))
                .body("residentVoters", equalTo(20)).body("committeeVoters", equalTo(4))
                .body("adoptedAmount", equalTo(995_000_000)).body("leftover", equalTo(5_000_000))
                .body("projects", hasSize(12))
                .body("projects.proposalId", contains((int) c1, (int) w1, (int) c2, (int) w2, (int) c3, (int) w3, (int) c4,
                        (int) w4, (int) w6, (int) c5, (int) w5, (int) c6))
                .body("projects.rank", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
                .body("projects.adopted", contains(true, true, true, true, true, true, true, true, true, true, false, true))
                .body("projects[0].score", equalTo(100.0f)).body("projects[9].score", equalTo(50.0f))
                .body("projects[10].score", equalTo(50.0f)).body("projects[11].scoreExact", equalTo("75/2"))
                .body("projects[9].residentVotes", equalTo(15)).body("projects[10].committeeVotes", equalTo(2))
                .body("projects[10].residentShare", equalTo(0.5f)).body("projects[10].committeeShare", equalTo(0.5f))
                .body("projects[10].reason", containsString("20,000,000원"))
                .body("projects[10].reason", containsString("선정되지 않았습니다"))
                .body("projects[11].reason", containsString("선정되었습니다"));
        assertEquals(List.of(), new ArrayList<>(results.extract().jsonPath().getList("projects.findAll { it.amount < 0 }")));
        given().get("/api/v1/budget" + path + "/" + w5).then().body("stage", equalTo("NOT_ADOPTED"))
                .body("history[-1].stage", equalTo("ASSEMBLY"));
        given().get("/api/v1/budget" + path + "/" + c6).then().body("stage", equalTo("ADOPTED"));

        List<JsonNode> adopted = Budget.events("budget.cycles", "ProjectsAdopted", "cycleId", Long.toString(cycleId), 1);
        assertEquals(1, adopted.size(), "results are published once although chunks and events were repeated");
        JsonNode data = adopted.get(0);
        assertEquals(995_000_000L, data.get("adoptedAmount").asLong());
        assertEquals(5_000_000L, data.get("leftover").asLong());
        assertEquals(11, data.get("adopted").size());
        assertEquals(c1, data.get("adopted").get(0).get("proposalId").asLong());
        assertEquals(1, data.get("adopted").get(0).get("rank").asInt());
        assertEquals("RANKED_GREEDY", data.get("rule").asText());
        assertEquals(GEUMCHEON, data.get("district").asText());
        assertNull(data.get("adopted").get(0).get("contact"));
    }

    private static void votes(Map<String, Integer> residents, Map<String, Integer> members, long proposal, int r, int c) {
        residents.put("p-" + proposal, r);
        members.put("p-" + proposal, c);
    }
}
