package kr.chamyeo.governance.taskforce;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class TfResourceTest {

    private static final String BASE = "/api/v1/governance/tf";

    @Test
    void reappointmentKeepsHistoryAndRegionFollowsDistrict() {
        String admin = TestTokens.cityAdmin();
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body("{\"name\":\"박협력\"}")
                .post(BASE + "/officers").then().statusCode(403);
        String id = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"박협력\",\"contact\":\"010-1234-5678\"}").post(BASE + "/officers")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"district\":\"11545\",\"affiliation\":\"서울청년시민회의 운영지원단\",\"termStart\":\"2020-06-01\",\"termEnd\":\"2020-12-31\"}")
                .post(BASE + "/officers/" + id + "/appointments").then().statusCode(201)
                .body("appointments[0].region", equalTo("서남권"));
        // Overlapping term → 409, nothing stored.
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"district\":\"11560\",\"affiliation\":\"민간\",\"termStart\":\"2020-12-01\",\"termEnd\":\"2021-06-30\"}")
                .post(BASE + "/officers/" + id + "/appointments").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"district\":\"11560\",\"affiliation\":\"민간\",\"termStart\":\"2021-06-30\",\"termEnd\":\"2021-01-01\"}")
                .post(BASE + "/officers/" + id + "/appointments").then().statusCode(422).body("errors[0].field", equalTo("termEnd"));
        // Re-appointment for 2021 in another district: the 2020 term stays.
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"district\":\"11440\",\"affiliation\":\"민간 청년정책 거버넌스 전문가\",\"termStart\":\"2021-01-01\",\"termEnd\":\"2021-12-31\"}")
                .post(BASE + "/officers/" + id + "/appointments").then().statusCode(201);
        given().auth().oauth2(admin).get(BASE + "/officers/" + id).then().statusCode(200)
                .body("appointments", hasSize(2)).body("appointments[0].district", equalTo("11545"))
                .body("appointments[1].region", equalTo("서북권")).body("contact", equalTo("010-1234-5678"));
        given().auth().oauth2(TestTokens.officer("11545")).get(BASE + "/officers/" + id).then().statusCode(200)
                .body("contact", nullValue());
        given().queryParam("on", "2020-07-01").queryParam("region", "서남권").get(BASE + "/officers").then().statusCode(200)
                .body("name", hasItem("박협력")).body("$", not(hasItem(hasItem("contact"))));
        given().queryParam("region", "북극권").get(BASE + "/officers").then().statusCode(422);
        given().auth().oauth2(admin).get(BASE + "/officers/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void participationBodiesAndExperts() {
        String body = "{\"year\":2020,\"name\":\"금천구 청년정책네트워크\",\"manager\":\"이매니저\",\"memberCount\":45}";
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body(body)
                .post(BASE + "/districts/11545/participation-bodies").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body(body)
                .post(BASE + "/districts/11545/participation-bodies").then().statusCode(201);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body(body)
                .post(BASE + "/districts/11545/participation-bodies").then().statusCode(409);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body("{\"year\":1900,\"name\":\"\",\"memberCount\":-1}")
                .post(BASE + "/districts/11545/participation-bodies").then().statusCode(422)
                .body("errors.field", hasItem("year")).body("errors.field", hasItem("name")).body("errors.field", hasItem("memberCount"));
        given().queryParam("year", 2020).get(BASE + "/districts/11545/participation-bodies").then().statusCode(200)
                .body("name", hasItem("금천구 청년정책네트워크"));

        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json")
                .body("{\"year\":2020,\"kind\":\"CONSULTANT\",\"name\":\"최주거\",\"domain\":\"주거\",\"contact\":\"secret@example.kr\"}")
                .post(BASE + "/experts").then().statusCode(201);
        given().queryParam("domain", "주거").queryParam("kind", "CONSULTANT").get(BASE + "/experts").then().statusCode(200)
                .body("name", hasItem("최주거")).body("[0].contact", nullValue());
    }

    @Test
    void compositionOfAYearCountsOfficersByRegionExpertsByDomainAndBodies() {
        String admin = TestTokens.cityAdmin();
        String moved = given().auth().oauth2(admin).contentType("application/json").body("{\"name\":\"구성협력관\"}")
                .post(BASE + "/officers").then().statusCode(201).extract().path("id");
        appoint(admin, moved, "11545", "2031-01-01", "2031-05-31");
        appoint(admin, moved, "11440", "2031-06-01", "2031-12-31");
        String other = given().auth().oauth2(admin).contentType("application/json").body("{\"name\":\"동남협력관\"}")
                .post(BASE + "/officers").then().statusCode(201).extract().path("id");
        appoint(admin, other, "11680", "2030-07-01", "2031-02-28");
        for (String expert : new String[] {"{\"year\":2031,\"kind\":\"CONSULTANT\",\"name\":\"가\",\"domain\":\"주거\"}",
                "{\"year\":2031,\"kind\":\"CONSULTANT\",\"name\":\"나\",\"domain\":\"일자리\"}",
                "{\"year\":2031,\"kind\":\"CONSULTANT\",\"name\":\"다\",\"domain\":\"주거\"}",
                "{\"year\":2031,\"kind\":\"INSTRUCTOR\",\"name\":\"라\",\"domain\":\"거버넌스 교육\"}"}) {
            given().auth().oauth2(admin).contentType("application/json").body(expert).post(BASE + "/experts").then().statusCode(201);
        }
        // Each filter narrows the list in the query; the rest come by domain, then name.
        given().queryParam("year", 2031).queryParam("domain", "주거").get(BASE + "/experts").then().statusCode(200)
                .body("name", contains("가", "다"));
        given().queryParam("year", 2031).queryParam("kind", "INSTRUCTOR").get(BASE + "/experts").then().statusCode(200)
                .body("name", contains("라"));
        given().queryParam("year", 2031).get(BASE + "/experts").then().statusCode(200).body("name", contains("라", "나", "가", "다"));
        for (String body : new String[] {"{\"year\":2031,\"name\":\"금천구 청년정책네트워크\",\"memberCount\":45}",
                "{\"year\":2031,\"name\":\"금천구 청년참여단\",\"memberCount\":15}"}) {
            given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body(body)
                    .post(BASE + "/districts/11545/participation-bodies").then().statusCode(201);
        }
        given().queryParam("year", 2031).get(BASE + "/composition").then().statusCode(200)
                .body("officers", equalTo(2)).body("officersByRegion.서북권", equalTo(1)).body("officersByRegion.동남권", equalTo(1))
                .body("consultants", equalTo(3)).body("consultantsByDomain.주거", equalTo(2)).body("instructors", equalTo(1))
                .body("participationBodies", equalTo(2)).body("districtsWithBodies", equalTo(1)).body("bodyMembers", equalTo(60));
        given().get(BASE + "/composition").then().statusCode(422).contentType("application/problem+json");
    }

    private static void appoint(String admin, String officer, String district, String from, String to) {
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"district\":\"" + district + "\",\"affiliation\":\"운영지원단\",\"termStart\":\"" + from + "\",\"termEnd\":\"" + to + "\"}")
                .post(BASE + "/officers/" + officer + "/appointments").then().statusCode(201);
    }
}
