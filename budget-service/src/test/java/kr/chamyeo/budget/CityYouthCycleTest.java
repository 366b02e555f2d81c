package kr.chamyeo.budget;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.budget.Budget.OFFICER;
import static kr.chamyeo.budget.Budget.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Issue 24 #2, budget-service's part: Seoul's city-level youth budget (청년자율예산제, seeds 000/001) is a YOUTH cycle
 * owned by Seoul (11000), opened and reviewed by city administrators, proposed to by residents of every district, and
 * voted city-wide (대시민투표: ballots without a district restriction, residents aged 19–39).
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CityYouthCycleTest {

    private static final long M = 1_000_000;
    private static final String CITY = "11000";

    private static Map<String, Object> cityCycle(String kind) {
        Map<String, Object> body = Budget.cycle(2027, kind, 1000 * M, 400 * M, 20 * M,
                List.of(Budget.subcommittee("youth", "청년의회 분과", 1000 * M)));
        body.put("district", CITY);
        body.put("title", "2027년 서울시 청년자율예산");
        return body;
    }

    @Test
    void seoulOwnsACityLevelYouthCycleThatEveryDistrictTakesPartIn() throws Exception {
        // A district officer cannot open Seoul's cycle, whatever district its token names; a RESIDENT cycle cannot be Seoul's.
        post(OFFICER, "/cycles", cityCycle("YOUTH")).statusCode(403).contentType("application/problem+json");
        post(TestTokens.officer(CITY), "/cycles", cityCycle("YOUTH")).statusCode(403);
        post(TestTokens.cityAdmin(), "/cycles", cityCycle("RESIDENT")).statusCode(422).body("errors[0].field", equalTo("district"))
                .body("errors[0].message", containsString("YOUTH"));
        Map<String, Object> elsewhere = cityCycle("YOUTH");
        elsewhere.put("district", "11999");
        post(TestTokens.cityAdmin(), "/cycles", elsewhere).statusCode(422).body("errors[0].field", equalTo("district"));

        long cycleId = post(TestTokens.cityAdmin(), "/cycles", cityCycle("YOUTH")).statusCode(201)
                .body("district", equalTo(CITY)).body("kind", equalTo("YOUTH"))
                .body("electorates[0].minAge", equalTo(19)).body("electorates[0].maxAge", equalTo(39))
                .extract().jsonPath().getLong("id");
        given().queryParam("district", CITY).get("/api/v1/budget/cycles").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) cycleId));

        // Residents of any district propose (강남구 and 금천구 here); a token without a district does not.
        String gangnam = TestTokens.resident("resident-" + UUID.randomUUID(), "11680", "역삼1동", 1998, "M");
        long p1 = post(gangnam, "/cycles/" + cycleId + "/proposals", Budget.proposal("청년 창업 공간", "youth", 300 * M, false))
                .statusCode(201).extract().jsonPath().getLong("id");
        long p2 = Budget.submit(cycleId, Budget.proposal("청년 주거 상담", "youth", 200 * M, false));
        post(TestTokens.token("resident-" + UUID.randomUUID(), "RESIDENT").birthYear(1998).sign(), "/cycles/" + cycleId + "/proposals",
                Budget.proposal("구 없는 제안", "youth", 10 * M, false)).statusCode(403);

        // Reviews and the assembly are the city's: a district officer may not, a city admin may.
        post(OFFICER, "/cycles/" + cycleId + "/proposals/" + p1 + "/department-review", Map.of("department", "청년정책과",
                "decision", "ACCEPT", "opinion", "검토", "amount", 300 * M)).statusCode(403);
        for (long p : List.of(p1, p2)) {
            post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/proposals/" + p + "/department-review", Map.of("department",
                    "청년정책과", "decision", "ACCEPT", "opinion", "검토 완료", "amount", p == p1 ? 300 * M : 200 * M)).statusCode(200);
            post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/proposals/" + p + "/pre-review", Map.of("decision", "PASS"))
                    .statusCode(200);
        }
        post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/subcommittees/youth/forwarding", Map.of("proposalIds", List.of(p1, p2)))
                .statusCode(200);
        post(OFFICER, "/cycles/" + cycleId + "/assembly", Map.of()).statusCode(403);
        post(TestTokens.cityAdmin(), "/cycles/" + cycleId + "/assembly", Map.of()).statusCode(200);

        // The city-wide vote: owner 11000, no district restriction, residents 19–39.
        JsonNode residents = Budget.events("voting.requests", "BallotRequested", "correlationId", "budget:" + cycleId + ":RESIDENTS", 1).get(0);
        assertEquals(CITY, residents.get("ownerDistrict").asText());
        assertEquals(0, residents.get("eligibility").get("districts").size());
        assertEquals(19, residents.get("eligibility").get("minAge").asInt());
        assertEquals(39, residents.get("eligibility").get("maxAge").asInt());
        assertTrue(residents.get("title").asText().startsWith("2027년 청년자율예산"), residents.get("title").asText());
    }
}
