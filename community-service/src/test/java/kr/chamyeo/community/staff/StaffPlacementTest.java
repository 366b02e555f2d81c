package kr.chamyeo.community.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/** Seed 002: 뉴딜일자리 최대 23개월·월 최대 171만원; 동 자치지원관 동별 1명; 마을자치전문가 동별 2명. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class StaffPlacementTest {

    private static final String API = "/api/v1/community/staff";
    private static final String OFFICER = TestTokens.officer("11545");

    private static String body(String dong, String role, String funding, String start, String end, long pay) {
        return "{\"district\":\"11545\",\"dong\":" + (dong == null ? "null" : "\"" + dong + "\"") + ",\"role\":\"" + role
                + "\",\"personName\":\"정지원\",\"funding\":\"" + funding + "\",\"startMonth\":\"" + start + "\",\"endMonth\":\"" + end
                + "\",\"monthlyPay\":" + pay + "}";
    }

    @Test
    void newDealJobsLastAtMostTwentyThreeMonthsAtUpTo1710000Won() {
        String dong = "뉴딜" + UUID.randomUUID().toString().substring(0, 6) + "동";
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "VILLAGE_EXPERT", "NEW_DEAL", "2019-03", "2021-02", 1_710_000))
                .post(API).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("endMonth")).body("months", equalTo(24));
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "VILLAGE_EXPERT", "NEW_DEAL", "2019-03", "2021-01", 1_710_001))
                .post(API).then().statusCode(422).body("errors[0].field", equalTo("monthlyPay"));
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "VILLAGE_EXPERT", "NEW_DEAL", "2019-03", "2021-01", 1_710_000))
                .post(API).then().statusCode(201).body("months", equalTo(23)).body("startMonth", equalTo("2019-03"));
        // From the third year the district carries the pay: another funding, no 23-month limit.
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "VILLAGE_EXPERT", "LOCAL", "2021-02", "2023-12", 2_000_000))
                .post(API).then().statusCode(201).body("months", equalTo(35));
    }

    @Test
    void aDongHasOneSupportOfficerAndTwoVillageExpertsAtATime() {
        String dong = "지원관" + UUID.randomUUID().toString().substring(0, 6) + "동";
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "DONG_SUPPORT_OFFICER", "LOCAL", "2019-01", "2019-12", 2_500_000))
                .post(API).then().statusCode(201);
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "DONG_SUPPORT_OFFICER", "LOCAL", "2019-12", "2020-06", 2_500_000))
                .post(API).then().statusCode(409).contentType("application/problem+json").body("limit", equalTo(1)).body("overlapping", equalTo(1));
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "DONG_SUPPORT_OFFICER", "LOCAL", "2020-01", "2020-12", 2_500_000))
                .post(API).then().statusCode(201);
        given().auth().oauth2(OFFICER).contentType("application/json").body(body("다른" + dong, "DONG_SUPPORT_OFFICER", "LOCAL", "2019-06", "2019-12", 2_500_000))
                .post(API).then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "VILLAGE_EXPERT", "SEOUL_JOB", "2020-01", "2020-12", 2_000_000))
                    .post(API).then().statusCode(201);
        }
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(dong, "VILLAGE_EXPERT", "SEOUL_JOB", "2020-12", "2021-03", 2_000_000))
                .post(API).then().statusCode(409).body("limit", equalTo(2));
        given().auth().oauth2(OFFICER).contentType("application/json").body(body(null, "DONG_SUPPORT_OFFICER", "LOCAL", "2020-01", "2020-12", 2_500_000))
                .post(API).then().statusCode(422).body("errors[0].field", equalTo("dong"));
        given().auth().oauth2(OFFICER).get(API + "?district=11545").then().statusCode(200)
                .body("findAll { it.dong == '" + dong + "' }.size()", equalTo(4));
    }

    @Test
    void onlyTheDistrictsOfficersPlaceAndSeeStaff() {
        String body = body("권한동", "SPACE_OPERATOR", "LOCAL", "2020-01", "2020-12", 2_000_000);
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body(body).post(API).then().statusCode(403);
        given().auth().oauth2(TestTokens.resident("r", "11545", "독산1동", 1990, "F")).contentType("application/json").body(body)
                .post(API).then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11110")).get(API + "?district=11545").then().statusCode(403);
        given().auth().oauth2(OFFICER).get(API).then().statusCode(422);
        given().auth().oauth2(OFFICER).contentType("application/json").body(body.replace("2020-12", "2020-13")).post(API).then()
                .statusCode(422).body("errors[0].field", equalTo("endMonth"));
        given().auth().oauth2(OFFICER).contentType("application/json").body(body.replace("\"2020-12\"", "\"2019-12\"")).post(API).then()
                .statusCode(422).body("errors[0].message", equalTo("must not be before startMonth"));
    }
}
