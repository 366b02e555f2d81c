package kr.chamyeo.governance.youthbudget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Seeds 000/001, 청년자율예산제: the city fixes a total, the youth council sets its proposals' priorities and sizes within
 * it and proposes them to Seoul. The seeds give no figure for the city's total; the test's total is its own.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class YouthBudgetRoundTest {

    private static final String API = "/api/v1/governance";
    private static final String ADMIN = TestTokens.cityAdmin();

    @Test
    void theCouncilProposesWithinTheCitysTotalAndThePlenaryProposesToSeoul() throws Exception {
        String subcommittee = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"year\":2020,\"name\":\"주거분과\",\"description\":\"청년 주거\"}").post(API + "/youth-council/subcommittees")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body("{\"year\":2020,\"total\":1000000000}")
                .post(API + "/youth-budget/rounds").then().statusCode(403);
        String round = given().auth().oauth2(ADMIN).contentType("application/json").body("{\"year\":2020,\"total\":1000000000}")
                .post(API + "/youth-budget/rounds").then().statusCode(201).body("status", equalTo("DELIBERATING")).extract().path("id");
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"year\":2020,\"total\":5}").post(API + "/youth-budget/rounds")
                .then().statusCode(409);
        String rounds = API + "/youth-budget/rounds/" + round;
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"subcommitteeId\":\"" + subcommittee + "\",\"title\":\"청년 1인가구 주거비 지원\",\"amount\":600000000,\"priority\":1}")
                .post(rounds + "/proposals").then().statusCode(201).body("subcommittee", equalTo("주거분과"));
        String second = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"title\":\"청년 마음건강 상담\",\"amount\":400000001,\"priority\":2}").post(rounds + "/proposals").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"title\":\"중복 순위\",\"amount\":1,\"priority\":2}")
                .post(rounds + "/proposals").then().statusCode(409);
        // 1원 over the total: the plenary cannot adopt it.
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"adoptedOn\":\"2020-07-25\"}").post(rounds + "/adoption").then()
                .statusCode(422).body("errors[0].field", equalTo("amount"));
        given().get(rounds).then().statusCode(200).body("proposed", equalTo(1_000_000_001)).body("remaining", equalTo(-1));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"title\":\"청년 마음건강 상담\",\"amount\":400000000,\"priority\":2}")
                .put(rounds + "/proposals/" + second).then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"adoptedOn\":\"2020-07-25\"}").post(rounds + "/adoption").then()
                .statusCode(200).body("status", equalTo("ADOPTED")).body("remaining", equalTo(0))
                .body("proposals.title", equalTo(List.of("청년 1인가구 주거비 지원", "청년 마음건강 상담")));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"title\":\"늦은 제안\",\"amount\":1,\"priority\":3}")
                .post(rounds + "/proposals").then().statusCode(409);

        List<String> events = EventProbe.read("governance.youth-budget", v -> v.contains(round) && v.contains("\"YouthBudgetProposed\""), 1,
                Duration.ofSeconds(20));
        assertEquals(1, events.size());
        JsonNode data = new ObjectMapper().readTree(events.get(0)).get("data");
        assertEquals(1_000_000_000L, data.get("total").asLong());
        assertEquals(1_000_000_000L, data.get("proposed").asLong());
        assertEquals("주거분과", data.get("proposals").get(0).get("subcommittee").asText());
        assertEquals(2, data.get("proposals").get(1).get("priority").asInt());
    }
}
