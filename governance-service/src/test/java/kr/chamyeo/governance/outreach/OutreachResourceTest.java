package kr.chamyeo.governance.outreach;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class OutreachResourceTest {

    private static final String BASE = "/api/v1/governance/outreach";

    @Test
    void seventeenDistrictsByStageMeetingsAndConsulting() {
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/2016").then().statusCode(200).body("imported", equalTo(17));
        given().queryParam("year", 2016).get(BASE + "/districts").then().statusCode(200)
                .body("$", hasSize(17))
                .body("findAll { it.stage == 'STAGE1_WHOLE' }.name", equalTo(java.util.List.of("성동구", "성북구", "도봉구", "금천구")))
                .body("findAll { it.stage == 'STAGE1_PARTIAL' }", hasSize(9))
                .body("findAll { it.stage == 'STAGE2_NEW' }", hasSize(4));

        String meeting = "{\"kind\":\"MEETING\",\"heldOn\":\"2016-04-12\",\"participants\":32,\"result\":\"동 복지협의체와 종합복지관 역할 분담 합의\"}";
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body(meeting)
                .post(BASE + "/districts/11545/meetings").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body(meeting)
                .post(BASE + "/districts/11545/meetings").then().statusCode(201);
        // 강남구 is not in the 2016 programme.
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(meeting)
                .post(BASE + "/districts/11680/meetings").then().statusCode(422).body("errors[0].field", equalTo("heldOn"));
        given().queryParam("year", 2016).get(BASE + "/districts").then()
                .body("find { it.district == '11545' }.meetings", equalTo(1))
                .body("find { it.district == '11545' }.advisoryMeetings", equalTo(0));

        String id = given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"requestedOn\":\"2016-05-02\",\"topic\":\"민관 사례회의 운영 방법\"}")
                .post(BASE + "/districts/11545/consulting-requests").then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json")
                .body("{\"answeredOn\":\"2016-05-01\",\"answer\":\"x\"}").post(BASE + "/consulting-requests/" + id + "/answer")
                .then().statusCode(422);
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json")
                .body("{\"answeredOn\":\"2016-05-09\",\"answer\":\"추진지원단 담당자 현장 방문 컨설팅\"}").post(BASE + "/consulting-requests/" + id + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED"));
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json")
                .body("{\"answeredOn\":\"2016-05-09\",\"answer\":\"again\"}").post(BASE + "/consulting-requests/" + id + "/answer")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.officer("11545")).get(BASE + "/districts/11545/consulting-requests").then().statusCode(200)
                .body("[0].status", equalTo("ANSWERED"));
        given().get(BASE + "/districts/11545/consulting-requests").then().statusCode(401);
    }
}
