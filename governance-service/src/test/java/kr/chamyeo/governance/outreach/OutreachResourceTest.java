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
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/2016").then().statusCode(200);
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

    /** Seed 003: 운영기간 2016. 3 ~ 11월, 간담회 2016. 3 ~ 4월, 협의체 설계·운영지원 4월~11월 with 분기별 1회 지원계획. */
    @Test
    void meetingsKeepTheirPeriodsAndSupportIsPlannedOnceAQuarter() {
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/2016").then().statusCode(200);
        String may = "{\"kind\":\"MEETING\",\"heldOn\":\"2016-05-02\",\"participants\":20,\"result\":\"늦은 간담회\"}";
        given().auth().oauth2(TestTokens.officer("11290")).contentType("application/json").body(may)
                .post(BASE + "/districts/11290/meetings").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("heldOn"));
        given().auth().oauth2(TestTokens.officer("11290")).contentType("application/json").body(may.replace("MEETING", "ADVISORY"))
                .post(BASE + "/districts/11290/meetings").then().statusCode(201);
        given().auth().oauth2(TestTokens.officer("11290")).contentType("application/json")
                .body(may.replace("MEETING", "ADVISORY").replace("2016-05-02", "2016-12-01"))
                .post(BASE + "/districts/11290/meetings").then().statusCode(422).body("errors[0].field", equalTo("heldOn"));

        String q2 = "{\"quarter\":2,\"plannedOn\":\"2016-04-05\",\"plan\":\"운영위원회 구성 컨설팅, 자문회의 강사 섭외\"}";
        given().auth().oauth2(TestTokens.officer("11290")).contentType("application/json").body(q2)
                .post(BASE + "/districts/11290/support-plans").then().statusCode(403);
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(q2)
                .post(BASE + "/districts/11290/support-plans").then().statusCode(201).body("quarter", equalTo(2));
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(q2)
                .post(BASE + "/districts/11290/support-plans").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(q2.replace("\"quarter\":2", "\"quarter\":1"))
                .post(BASE + "/districts/11290/support-plans").then().statusCode(422).body("errors[0].field", equalTo("quarter"));
        // 강남구 is not in the 2016 programme.
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(q2)
                .post(BASE + "/districts/11680/support-plans").then().statusCode(422).body("errors[0].field", equalTo("plannedOn"));

        given().queryParam("year", 2016).get(BASE + "/plan").then().statusCode(200)
                .body("operating.from", equalTo("2016-03-01")).body("operating.to", equalTo("2016-11-30"))
                .body("meetings.from", equalTo("2016-03-01")).body("meetings.to", equalTo("2016-04-30"))
                .body("councilSupport.from", equalTo("2016-04-01")).body("councilSupport.to", equalTo("2016-11-30"))
                .body("supportPlanQuarters", equalTo(java.util.List.of(2, 3, 4)))
                .body("programmeId", equalTo("outreach-2016"))
                .body("districts", hasSize(17))
                .body("districts.find { it.district == '11290' }.advisoryMeetings", equalTo(1))
                .body("districts.find { it.district == '11290' }.supportPlans.quarter", equalTo(java.util.List.of(2)));
        given().queryParam("year", 2015).get(BASE + "/plan").then().statusCode(404);
        given().get(BASE + "/plan").then().statusCode(422).body("errors[0].field", equalTo("year"));
    }
}
