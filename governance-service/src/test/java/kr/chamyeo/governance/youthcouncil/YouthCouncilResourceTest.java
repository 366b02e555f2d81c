package kr.chamyeo.governance.youthcouncil;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/** Seed 001: the 2019 서울청년의회 (청년의원 모집, 분과 구성, 숙의, 본회의). */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class YouthCouncilResourceTest {

    private static final String API = "/api/v1/governance/youth-council";
    private final String admin = TestTokens.cityAdmin();
    private final String geumcheon = TestTokens.officer("11545");

    private static String member(String name, int birthYear, String district, String subcommittee, String role) {
        return "{\"year\":2019,\"name\":\"" + name + "\",\"birthYear\":" + birthYear + ",\"district\":\"" + district + "\","
                + (subcommittee == null ? "" : "\"subcommitteeId\":\"" + subcommittee + "\",")
                + "\"role\":\"" + role + "\",\"termStart\":\"2019-03-01\",\"termEnd\":\"2020-02-29\",\"contact\":\"010-1234-5678\"}";
    }

    private String post(String token, String path, String body, int status) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(API + path)
                .then().statusCode(status).contentType(status < 300 ? "application/json" : "application/problem+json")
                .extract().path(status < 300 ? "id" : "type");
    }

    @Test
    void subcommitteesMembersAndAgendasWithRolesAndPublicReadsWithoutPersonalData() {
        String coexist = post(admin, "/subcommittees", "{\"year\":2019,\"name\":\"공존분과\",\"description\":\"세대공존·성평등\"}", 201);
        String autonomy = post(admin, "/subcommittees", "{\"year\":2019,\"name\":\"자치분과\"}", 201);
        post(admin, "/subcommittees", "{\"year\":2019,\"name\":\"공존분과\"}", 409);
        post(geumcheon, "/subcommittees", "{\"year\":2019,\"name\":\"미래분과\"}", 403);
        post(admin, "/subcommittees", "{\"year\":1999,\"name\":\"\"}", 422);

        // The district's officer seats its own young residents; another district's officer may not.
        String chair = post(geumcheon, "/members", member("김분과장", 1994, "11545", coexist, "SUBCOMMITTEE_CHAIR"), 201);
        post(geumcheon, "/members", member("이의원", 1997, "11545", coexist, "MEMBER"), 201);
        post(TestTokens.officer("11680"), "/members", member("박의원", 1997, "11545", coexist, "MEMBER"), 403);
        post(admin, "/members", member("최의장", 1990, "11680", autonomy, "SPEAKER"), 201);
        post(admin, "/members", member("정의장", 1991, "11110", null, "SPEAKER"), 409);
        post(admin, "/members", member("한분과장", 1992, "11110", coexist, "SUBCOMMITTEE_CHAIR"), 409);
        post(geumcheon, "/members", member("나이많음", 1970, "11545", coexist, "MEMBER"), 422);
        post(geumcheon, "/members", member("분과없음", 1995, "11545", null, "SUBCOMMITTEE_CHAIR"), 422);
        post(geumcheon, "/members", member("모르는분과", 1995, "11545", java.util.UUID.randomUUID().toString(), "MEMBER"), 422);
        post(geumcheon, "/members", member("구코드", 1995, "99999", null, "MEMBER"), 422);

        String page = given().queryParam("year", 2019).get(API + "/members").then().statusCode(200)
                .body("total", equalTo(3)).body("items[0].role", equalTo("SPEAKER"))
                .body("items.subcommittee", hasItem("공존분과")).body("items.districtName", hasItem("금천구"))
                .extract().asString();
        for (String hidden : new String[] {"김분과장", "이의원", "010-1234-5678", "contact", "birthYear", "\"name\""}) {
            assertFalse(page.contains(hidden), hidden + " in public list: " + page);
        }
        given().queryParam("year", 2019).queryParam("district", "11545").queryParam("size", 1).get(API + "/members")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(1));
        given().queryParam("year", 2019).queryParam("subcommitteeId", autonomy).get(API + "/members")
                .then().statusCode(200).body("total", equalTo(1));
        given().get(API + "/members").then().statusCode(422).contentType("application/problem+json");
        given().queryParam("year", 2019).queryParam("size", 0).get(API + "/members").then().statusCode(422);

        // Staff see personal data; the member's district and the city only.
        given().auth().oauth2(geumcheon).get(API + "/members/" + chair).then().statusCode(200)
                .body("name", equalTo("김분과장")).body("contact", equalTo("010-1234-5678"));
        given().auth().oauth2(TestTokens.officer("11680")).get(API + "/members/" + chair).then().statusCode(403);
        given().get(API + "/members/" + chair).then().statusCode(401);
        given().auth().oauth2(geumcheon).contentType("application/json")
                .body(member("김분과장", 1994, "11545", autonomy, "MEMBER")).put(API + "/members/" + chair)
                .then().statusCode(200).body("subcommittee", equalTo("자치분과")).body("role", equalTo("MEMBER"));
        given().auth().oauth2(geumcheon).contentType("application/json")
                .body(member("김분과장", 1994, "11680", autonomy, "MEMBER")).put(API + "/members/" + chair).then().statusCode(403);

        // Subcommittee agendas: 상정 → 채택 → 본회의 의결; a rejection needs its reason.
        String housing = post(admin, "/subcommittees/" + coexist + "/agendas", "{\"title\":\"청년 1인가구 주거비 지원 확대\"}", 201);
        String toilets = post(admin, "/subcommittees/" + coexist + "/agendas", "{\"title\":\"서울형 안전 화장실 설치\"}", 201);
        post(geumcheon, "/subcommittees/" + coexist + "/agendas", "{\"title\":\"구청 안건\"}", 403);
        decide(housing, "{\"status\":\"PASSED\",\"decidedOn\":\"2019-07-13\"}", 409);
        decide(housing, "{\"status\":\"ADOPTED\",\"decidedOn\":\"2019-06-01\"}", 200);
        decide(housing, "{\"status\":\"PASSED\",\"decidedOn\":\"2019-07-13\"}", 200);
        decide(toilets, "{\"status\":\"REJECTED\",\"decidedOn\":\"2019-06-01\"}", 422);
        decide(toilets, "{\"status\":\"REJECTED\",\"decidedOn\":\"2019-06-01\",\"note\":\"자치구 사업으로 이관\"}", 200);
        decide(toilets, "{\"status\":\"SHELVED\",\"decidedOn\":\"2019-06-01\"}", 400);
        given().get(API + "/subcommittees/" + coexist + "/agendas").then().statusCode(200)
                .body("title", equalTo(java.util.List.of("서울형 안전 화장실 설치", "청년 1인가구 주거비 지원 확대")))
                .body("status", equalTo(java.util.List.of("REJECTED", "PASSED")));
        given().queryParam("year", 2019).get(API + "/subcommittees").then().statusCode(200)
                .body("name", equalTo(java.util.List.of("공존분과", "자치분과")))
                .body("members", equalTo(java.util.List.of(1, 2))).body("agendas", equalTo(java.util.List.of(2, 0)));

        // A subcommittee with members or agendas stays; an empty one can go.
        given().auth().oauth2(admin).delete(API + "/subcommittees/" + coexist).then().statusCode(409).contentType("application/problem+json");
        String spare = post(admin, "/subcommittees", "{\"year\":2019,\"name\":\"미래분과\"}", 201);
        given().auth().oauth2(admin).contentType("application/json").body("{\"year\":2019,\"name\":\"미래세대분과\"}")
                .put(API + "/subcommittees/" + spare).then().statusCode(200).body("name", equalTo("미래세대분과"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"year\":2019,\"name\":\"자치분과\"}")
                .put(API + "/subcommittees/" + spare).then().statusCode(409);
        given().auth().oauth2(admin).delete(API + "/subcommittees/" + spare).then().statusCode(204);
        given().auth().oauth2(TestTokens.officer("11680")).delete(API + "/members/" + chair).then().statusCode(403);
        given().auth().oauth2(geumcheon).delete(API + "/members/" + chair).then().statusCode(204);
        given().auth().oauth2(geumcheon).get(API + "/members/" + chair).then().statusCode(404).contentType("application/problem+json");
    }

    private void decide(String agenda, String body, int status) {
        given().auth().oauth2(admin).contentType("application/json").body(body).put(API + "/agendas/" + agenda + "/decision")
                .then().statusCode(status);
    }
}
