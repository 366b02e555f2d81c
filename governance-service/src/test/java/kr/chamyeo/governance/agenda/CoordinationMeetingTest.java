package kr.chamyeo.governance.agenda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CoordinationMeetingTest {

    @Test
    void fourPartyMeetingNeedsEveryPartyAndKeepsDecisions() {
        String officer = TestTokens.officer("11545");
        String agenda = given().auth().oauth2(officer).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2020,\"title\":\"청년 마음건강 지원\",\"domain\":\"건강\"}")
                .post("/api/v1/governance/agendas").then().statusCode(201).extract().path("id");
        String base = "/api/v1/governance/districts/11545/coordination-meetings";
        String body = "{\"heldOn\":\"2020-07-14\",\"agendaId\":\"" + agenda + "\",\"seoul\":[\"청년청 주무관\"],\"gu\":[\"금천구 청년정책팀장\"],"
                + "\"privateParticipants\":[\"금천 청년참여기구 운영위원\"],\"experts\":[\"마음건강 컨설턴트\"],"
                + "\"decisions\":[\"2021년 본예산에 상담 바우처 반영 추진\"]}";
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body(body).post(base).then().statusCode(403);
        given().auth().oauth2(officer).contentType("application/json").body(body.replace("\"experts\":[\"마음건강 컨설턴트\"]", "\"experts\":[]"))
                .post(base).then().statusCode(422).body("errors[0].field", equalTo("experts"));
        given().auth().oauth2(TestTokens.officer("11560")).contentType("application/json").body(body)
                .post("/api/v1/governance/districts/11560/coordination-meetings").then().statusCode(422)
                .body("errors[0].field", equalTo("agendaId"));
        given().auth().oauth2(officer).contentType("application/json").body(body).post(base).then().statusCode(201);
        given().auth().oauth2(TestTokens.partner("11545")).get(base).then().statusCode(200)
                .body("decisions.flatten()", hasItem("2021년 본예산에 상담 바우처 반영 추진"));
        given().get(base).then().statusCode(401);
    }
}
