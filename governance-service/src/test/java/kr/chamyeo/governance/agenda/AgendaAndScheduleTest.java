package kr.chamyeo.governance.agenda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AgendaAndScheduleTest {

    @Test
    void agendaGoesFromFoundToProposalToReflection() {
        String officer = TestTokens.officer("11545");
        String body = "{\"district\":\"11545\",\"year\":2020,\"title\":\"청년 1인가구 주거비 지원\",\"domain\":\"주거\"}";
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body(body).post("/api/v1/governance/agendas")
                .then().statusCode(403);
        String id = given().auth().oauth2(officer).contentType("application/json").body(body).post("/api/v1/governance/agendas")
                .then().statusCode(201).body("status", equalTo("FOUND")).extract().path("id");
        String base = "/api/v1/governance/agendas/" + id;
        given().auth().oauth2(officer).contentType("application/json").body("{\"outcome\":\"BUDGETED_NEXT_YEAR\"}")
                .post(base + "/reflection").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(officer).contentType("application/json").body("{\"proposal\":\"월 10만원 주거비 6개월 지원\"}")
                .post(base + "/proposal").then().statusCode(200).body("status", equalTo("PROPOSED"));
        given().auth().oauth2(officer).contentType("application/json").body("{\"outcome\":\"REJECTED\"}")
                .post(base + "/reflection").then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(officer).contentType("application/json").body("{\"outcome\":\"PROPOSED\"}")
                .post(base + "/reflection").then().statusCode(422).body("errors[0].field", equalTo("outcome"));
        given().auth().oauth2(officer).contentType("application/json")
                .body("{\"outcome\":\"BUDGETED_NEXT_YEAR\",\"detail\":\"2021년 본예산 120백만원 편성\"}")
                .post(base + "/reflection").then().statusCode(200).body("status", equalTo("BUDGETED_NEXT_YEAR"))
                .body("outcomeDetail", equalTo("2021년 본예산 120백만원 편성"));

        String other = given().auth().oauth2(officer).contentType("application/json")
                .body(body.replace("청년 1인가구 주거비 지원", "청년 공간 조례")).post("/api/v1/governance/agendas")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).contentType("application/json").body("{\"outcome\":\"REJECTED\",\"reason\":\"유사 사업 중복\"}")
                .post("/api/v1/governance/agendas/" + other + "/reflection").then().statusCode(200)
                .body("rejectionReason", equalTo("유사 사업 중복"));
        given().queryParam("year", 2020).get("/api/v1/governance/agendas/summary").then().statusCode(200)
                .body("byStatus.BUDGETED_NEXT_YEAR", equalTo(1)).body("byStatus.REJECTED", equalTo(1)).body("reflected", equalTo(1));
        given().queryParam("district", "11545").get("/api/v1/governance/agendas").then().statusCode(200)
                .body("title", hasItem("청년 공간 조례"));
    }

    @Test
    void seedPlanJuneToDecemberWithDoneAndOverdue() {
        given().auth().oauth2(TestTokens.officer("11545")).post("/api/v1/governance/schedule/imports/2020").then().statusCode(403);
        given().auth().oauth2(TestTokens.cityAdmin()).post("/api/v1/governance/schedule/imports/2020").then().statusCode(200)
                .body("imported", equalTo(16));
        given().auth().oauth2(TestTokens.cityAdmin()).post("/api/v1/governance/schedule/imports/2020").then().statusCode(200)
                .body("imported", equalTo(0));
        List<String> months = given().queryParam("year", 2020).queryParam("on", "2020-09-15").get("/api/v1/governance/schedule")
                .then().statusCode(200).body("$", hasSize(16)).extract().jsonPath().getList("month", Integer.class)
                .stream().distinct().map(String::valueOf).toList();
        assertEquals(List.of("6", "7", "8", "9", "10", "11", "12"), months);
        String june = given().queryParam("year", 2020).get("/api/v1/governance/schedule").then()
                .extract().path("find { it.title == '자치구 청년정책 거버넌스 매니저 워크숍' }.id");
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body("{\"doneOn\":\"2020-06-25\"}")
                .post("/api/v1/governance/schedule/" + june + "/done").then().statusCode(200).body("status", equalTo("DONE"));
        // On 15 September: June–August items not done are overdue, September onwards planned.
        given().queryParam("year", 2020).queryParam("on", "2020-09-15").get("/api/v1/governance/schedule").then()
                .body("findAll { it.status == 'DONE' }", hasSize(1))
                .body("findAll { it.status == 'OVERDUE' }", hasSize(7))
                .body("findAll { it.status == 'PLANNED' }", hasSize(8));
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body("{\"doneOn\":\"2019-01-01\"}")
                .post("/api/v1/governance/schedule/" + june + "/done").then().statusCode(422);
        given().get("/api/v1/governance/schedule").then().statusCode(422).contentType("application/problem+json");
    }
}
