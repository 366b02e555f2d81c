package kr.chamyeo.governance.forum;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ForumStatisticsTest {

    private static final String BASE = "/api/v1/governance/forums";

    @Test
    void seed2019DataGives16Districts54Forums347Participants() {
        given().auth().oauth2(TestTokens.officer("11545")).post(BASE + "/imports/2019").then().statusCode(403);
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/2019").then().statusCode(200);
        // Importing again changes nothing.
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/2019").then().statusCode(200)
                .body("imported", equalTo(0)).body("tracks", equalTo(0));
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/1999").then().statusCode(404)
                .contentType("application/problem+json");

        given().queryParam("year", 2019).get(BASE + "/statistics").then().statusCode(200)
                .body("districts", equalTo(16)).body("forums", equalTo(54)).body("participants", equalTo(347))
                .body("byDistrict.name", hasItem("금천구")).body("byDistrict.name", not(hasItem("마포구")));
        // The seed's 16: 강남, 강동, 강서, 관악, 구로, 금천, 노원, 도봉, 성동, 동대문, 서대문, 성북, 송파, 양천, 은평, 중랑.
        given().queryParam("year", 2019).get(BASE + "/statistics").then()
                .body("byDistrict.district", equalTo(java.util.List.of("11200", "11230", "11260", "11290", "11320", "11350",
                        "11380", "11410", "11470", "11500", "11530", "11545", "11620", "11680", "11710", "11740")));
    }

    /**
     * Seed 000, Ⅲ 추진경과: "16개 자치구 참여" on the deliberative track, "7개 자치구 참여(강북, 광진, 동작, 마포, 서초, 영등포,
     * 용산)" on the support track, and "23개 자치구에 청년참여기구 구성" — served with the forum statistics of 2019.
     */
    @Test
    void seed2019TracksGive16DeliberativeAnd7SupportedDistrictsAnd23YouthBodies() {
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/2019").then().statusCode(200);
        var stats = given().queryParam("year", 2019).get(BASE + "/statistics").then().statusCode(200)
                .body("tracks.deliberative", equalTo(16)).body("tracks.support", equalTo(7)).body("tracks.youthBodies", equalTo(23))
                .extract().jsonPath();
        assertEquals(List.of("강북구", "광진구", "동작구", "마포구", "서초구", "영등포구", "용산구"),
                stats.getList("tracks.districts.findAll { it.track == 'SUPPORT' }.name").stream().sorted().toList());
        // Every district that held a forum is on the deliberative track, and the forum districts are exactly that track.
        assertEquals(stats.getList("byDistrict.district"),
                stats.getList("tracks.districts.findAll { it.track == 'DELIBERATIVE' }.district"));
        assertEquals(List.of("DELIBERATIVE"), stats.getList("byDistrict.track").stream().distinct().toList());
        // 25 − 23: 종로구 (11110) and 중구 (11140) had no youth body in 2019.
        assertEquals(List.of(), stats.getList("tracks.districts.district").stream()
                .filter(code -> code.equals("11110") || code.equals("11140")).toList());
        // Another year has no tracks of the seed.
        given().queryParam("year", 2020).get(BASE + "/statistics").then().body("tracks.youthBodies", equalTo(0));
    }

    @Test
    void officerRecordsForumsOfOwnDistrictOnlyAndNamesStayPrivate() {
        String body = "{\"district\":\"11545\",\"heldOn\":\"2020-07-10\",\"kind\":\"PUBLIC\",\"topic\":\"금천 청년 공론장\","
                + "\"participants\":12,\"consentedPeople\":[\"김청년\"]}";
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body(body).post(BASE)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body(body).post(BASE).then().statusCode(401);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body(body).post(BASE)
                .then().statusCode(201).body("topic", equalTo("금천 청년 공론장")).body("$", not(hasKey("consentedPeople")));
        given().queryParam("district", "11545").queryParam("year", 2020).get(BASE).then().statusCode(200)
                .body("topic", hasItem("금천 청년 공론장")).body("districtName", everyItem(equalTo("금천구")));
        given().queryParam("year", 2020).get(BASE + "/statistics").then().body("districts", equalTo(1))
                .body("participants", equalTo(12));

        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body(body.replace("\"participants\":12", "\"participants\":0")).post(BASE)
                .then().statusCode(422).body("errors[0].field", equalTo("consentedPeople"));
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"district\":\"11545\",\"heldOn\":\"2999-01-01\",\"kind\":\"PUBLIC\",\"topic\":\"\",\"participants\":-1}").post(BASE)
                .then().statusCode(422).body("errors.field", hasItem("heldOn")).body("errors.field", hasItem("topic"))
                .body("errors.field", hasItem("participants"));
        given().get(BASE + "/statistics").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
        given().queryParam("district", "99999").get(BASE).then().statusCode(422).body("errors[0].field", equalTo("district"));
    }
}
