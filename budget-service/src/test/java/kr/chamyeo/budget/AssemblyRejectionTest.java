package kr.chamyeo.budget;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.budget.Budget.OFFICER;
import static kr.chamyeo.budget.Budget.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/** voting-service refuses a 총회 ballot request (BallotRejected): the cycle shows why, the officer re-opens it once. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AssemblyRejectionTest {

    private static final long M = 1_000_000;

    @Test
    void rejectedBallotIsShownAndReRequestedOnceAsTheNextRound() throws Exception {
        long cycleId = Budget.createCycle(Budget.cycle(2024, "RESIDENT", 100 * M, 100 * M, 20 * M,
                List.of(Budget.subcommittee("a", "생활분과", 100 * M))));
        long park = Budget.reviewed(cycleId, "시흥동 소공원 정비", "a", 60 * M, false);
        long light = Budget.reviewed(cycleId, "독산동 골목 조명", "a", 30 * M, false);
        Budget.forward(cycleId, "a", List.of(park, light));
        String assembly = "/cycles/" + cycleId + "/assembly";
        post(OFFICER, assembly, Map.of()).statusCode(200);
        String residents = "budget:" + cycleId + ":RESIDENTS";
        String committee = "budget:" + cycleId + ":COMMITTEE";
        assertEquals(2, EventProbe.read("voting.requests", v -> v.contains("\"budget:" + cycleId + ":"), 2, Duration.ofSeconds(20)).size());

        // voting-service refuses the residents' request (twice: a redelivery with a new event id) and opens the committee's.
        Map<String, Object> rejection = new LinkedHashMap<>();
        rejection.put("correlationId", residents);
        rejection.put("requester", "budget-service");
        rejection.put("reason", "eligibility.districts: 11545 has no registered residents yet");
        Budget.send(residents, "BallotRejected", rejection);
        Budget.send(residents, "BallotRejected", Map.of("correlationId", residents, "requester", "budget-service", "reason", "other"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/budget/cycles/" + cycleId).then()
                .extract().jsonPath().getString("assemblyRejection") != null);
        String shown = "RESIDENTS (" + residents + "): eligibility.districts: 11545 has no registered residents yet";
        given().get("/api/v1/budget/cycles/" + cycleId).then().body("assemblyRejection", equalTo(shown))
                .body("status", equalTo("ASSEMBLY"));
        given().get("/api/v1/budget" + assembly).then().body("rejection", equalTo(shown))
                .body("ballots.find { it.electorate == 'RESIDENTS' }.rejectedReason", containsString("no registered residents"));

        // Only an officer of the district re-opens; a bad window is refused and changes nothing.
        post(Budget.resident(), assembly, Map.of()).statusCode(403);
        post(TestTokens.officer("11680"), assembly, Map.of()).statusCode(403);
        post(OFFICER, assembly, Map.of("opensAt", "2030-06-10T00:00:00+09:00")).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("closesAt"));
        post(OFFICER, assembly, Map.of("opensAt", "2030-06-10T00:00:00+09:00", "closesAt", "2030-06-01T00:00:00+09:00"))
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("closesAt"));
        given().get("/api/v1/budget" + assembly).then().body("ballots", hasSize(2)).body("rejection", equalTo(shown));

        post(OFFICER, assembly, Map.of("opensAt", "2030-06-01T00:00:00+09:00", "closesAt", "2030-06-11T00:00:00+09:00"))
                .statusCode(200).body("rejection", nullValue()).body("ballots", hasSize(3))
                .body("ballots.find { it.round == 2 }.correlationId", equalTo(residents + ":2"));
        given().get("/api/v1/budget/cycles/" + cycleId).then().body("assemblyRejection", nullValue());
        // Again, with nothing rejected: refused, nothing requested.
        post(OFFICER, assembly, Map.of()).statusCode(409).contentType("application/problem+json");
        List<String> requests = EventProbe.read("voting.requests", v -> v.contains("\"budget:" + cycleId + ":"), 4, Duration.ofSeconds(5));
        assertEquals(3, requests.size(), "round 1 for both electorates and round 2 for the residents only");
        JsonNode again = Budget.JSON.readTree(requests.stream().filter(r -> r.contains(residents + ":2")).findFirst().orElseThrow()).get("data");
        assertEquals("2030-05-31T15:00:00Z", again.get("opensAt").asText());
        assertEquals("2030-06-10T15:00:00Z", again.get("closesAt").asText());
        assertEquals(2, again.get("options").size());

        // A late rejection of the superseded round changes nothing; the 총회 is decided by the current rounds.
        Budget.send(residents, "BallotRejected", rejection);
        Budget.runBallot(residents + ":2", Budget.box(3, Map.of("p-" + park, 3, "p-" + light, 1)), 1000);
        Budget.runBallot(committee, Budget.box(2, Map.of("p-" + light, 2)), 1000);
        Budget.awaitStatus(cycleId, "DECIDED");
        given().get("/api/v1/budget/cycles/" + cycleId).then().body("assemblyRejection", nullValue());
        given().get("/api/v1/budget/cycles/" + cycleId + "/results").then().statusCode(200)
                .body("residentVoters", equalTo(3)).body("committeeVoters", equalTo(2)).body("adoptedAmount", equalTo(90_000_000));
    }
}
