package kr.chamyeo.governance.taskforce;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/** 청년참여기구 위원: 금천구 2032·2033 records of its own, so other tests' bodies and counts are untouched. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class BodyMemberResourceTest {

    private static final String TF = "/api/v1/governance/tf";
    private static final String MEMBERS = TF + "/body-members";
    private final String officer = TestTokens.officer("11545");

    @Test
    void membersAreAppointedWithHistoryCountedAndShownPubliclyOnlyByConsentedName() {
        String body2032 = body(2032, "금천구 청년정책네트워크", 45);
        String body2033 = body(2033, "금천구 청년정책네트워크", 40);
        String chair = member("김위원장", true);
        String secret = member("박비공개", false);
        String manager = member("이간사", true);

        appoint(chair, body2032, "CHAIR", "2032-03-01", "2033-02-28").statusCode(201);
        appoint(secret, body2032, "MEMBER", "2032-03-01", "2033-02-28").statusCode(201);
        appoint(manager, body2032, "MANAGER", "2032-01-01", "2032-12-31").statusCode(201);
        // Re-appointment: 2033 as 위원 after being 위원장; the 2032 term stays in the history.
        appoint(chair, body2033, "MEMBER", "2033-03-01", "2034-02-28").statusCode(201)
                .body("terms", hasSize(2)).body("terms[0].role", equalTo("CHAIR")).body("terms[0].year", equalTo(2032))
                .body("terms[1].role", equalTo("MEMBER")).body("terms[1].body", equalTo("금천구 청년정책네트워크"));
        // An overlapping term in the same body is refused and stores nothing.
        appoint(chair, body2032, "VICE_CHAIR", "2032-06-01", "2032-12-31").statusCode(409).contentType("application/problem+json");

        // The declared 45 gives way to the three recorded people.
        given().queryParam("district", "11545").queryParam("year", 2032).get(MEMBERS).then().statusCode(200)
                .body("districtName", equalTo("금천구")).body("bodies", hasSize(1))
                .body("bodies[0].memberCount", equalTo(3)).body("bodies[0].byRole.CHAIR", equalTo(1))
                .body("bodies[0].byRole.MEMBER", equalTo(1)).body("bodies[0].byRole.MANAGER", equalTo(1))
                .body("bodies[0].named.name", hasItem("김위원장")).body("bodies[0].named.name", hasItem("이간사"))
                .body("bodies[0].named.name", not(hasItem("박비공개")))
                .body(not(containsString("010-"))).body(not(containsString("birthYear"))).body(not(containsString("박비공개")));
        given().queryParam("year", 2032).get(TF + "/districts/11545/participation-bodies").then().statusCode(200)
                .body("find { it.year == 2032 }.memberCount", equalTo(3));

        // The district's officer sees personal data; another district's officer is refused.
        given().auth().oauth2(officer).get(MEMBERS + "/" + secret).then().statusCode(200)
                .body("name", equalTo("박비공개")).body("contact", equalTo("010-1234-5678")).body("birthYear", equalTo(1996));
        given().auth().oauth2(TestTokens.officer("11680")).get(MEMBERS + "/" + secret).then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11680")).contentType("application/json").body(memberJson("최타구", true))
                .post(MEMBERS).then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11680")).contentType("application/json")
                .body(termJson(body2032, "MEMBER", "2032-03-01", "2032-12-31")).post(MEMBERS + "/" + secret + "/terms").then().statusCode(403);

        // Consent given later: the name appears.
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(memberJson("박비공개", true))
                .put(MEMBERS + "/" + secret).then().statusCode(200).body("publishName", equalTo(true));
        given().queryParam("district", "11545").queryParam("year", 2032).get(MEMBERS).then()
                .body("bodies[0].named.name", hasItem("박비공개"));

        // Removing a term or a member recounts the body.
        String managerTerm = given().auth().oauth2(officer).get(MEMBERS + "/" + manager).then().extract().path("terms[0].id");
        given().auth().oauth2(officer).delete(MEMBERS + "/" + manager + "/terms/" + managerTerm).then().statusCode(204);
        given().auth().oauth2(officer).delete(MEMBERS + "/" + secret).then().statusCode(204);
        given().auth().oauth2(officer).get(MEMBERS + "/" + secret).then().statusCode(404);
        given().queryParam("district", "11545").queryParam("year", 2032).get(MEMBERS).then()
                .body("bodies[0].memberCount", equalTo(1)).body("bodies[0].named.name", equalTo(java.util.List.of("김위원장")));
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        String body = body(2034, "금천구 청년참여단", 15);
        String member = member("정입력", true);
        appoint(member, body, "MEMBER", "2034-12-31", "2034-01-01").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("termEnd"));
        appoint(member, body, "회장", "2034-01-01", "2034-12-31").statusCode(422).body("errors[0].field", equalTo("role"));
        appoint(member, body, "MEMBER", "2036-01-01", "2036-12-31").statusCode(422).body("errors[0].field", equalTo("termStart"));
        String otherDistrictBody = given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json")
                .body("{\"year\":2034,\"name\":\"강남구 청년참여기구\",\"memberCount\":10}")
                .post(TF + "/districts/11680/participation-bodies").then().statusCode(201).extract().path("id");
        appoint(member, otherDistrictBody, "MEMBER", "2034-01-01", "2034-12-31").statusCode(422).body("errors[0].field", equalTo("bodyId"));
        given().auth().oauth2(officer).contentType("application/json")
                .body("{\"district\":\"11545\",\"name\":\"\",\"birthYear\":1800,\"publishName\":null}").post(MEMBERS).then().statusCode(422)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("birthYear")).body("errors.field", hasItem("publishName"));
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(memberJson("정입력", true).replace("11545", "11680"))
                .put(MEMBERS + "/" + member).then().statusCode(422).body("errors[0].field", equalTo("district"));
        given().auth().oauth2(officer).get(MEMBERS + "/" + member).then().body("terms", hasSize(0));
        given().queryParam("district", "11545").queryParam("year", 1999).get(MEMBERS).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        given().queryParam("district", "99999").queryParam("year", 2034).get(MEMBERS).then().statusCode(422)
                .body("errors[0].field", equalTo("district"));
    }

    private String body(int year, String name, int declared) {
        return given().auth().oauth2(officer).contentType("application/json")
                .body("{\"year\":" + year + ",\"name\":\"" + name + "\",\"manager\":\"이간사\",\"memberCount\":" + declared + "}")
                .post(TF + "/districts/11545/participation-bodies").then().statusCode(201).extract().path("id");
    }

    private String member(String name, boolean consent) {
        return given().auth().oauth2(officer).contentType("application/json").body(memberJson(name, consent)).post(MEMBERS)
                .then().statusCode(201).extract().path("id");
    }

    private static String memberJson(String name, boolean consent) {
        return "{\"district\":\"11545\",\"name\":\"" + name + "\",\"birthYear\":1996,\"contact\":\"010-1234-5678\",\"publishName\":" + consent + "}";
    }

    private static String termJson(String body, String role, String from, String to) {
        return "{\"bodyId\":\"" + body + "\",\"role\":\"" + role + "\",\"domain\":\"주거\",\"termStart\":\"" + from + "\",\"termEnd\":\"" + to + "\"}";
    }

    private io.restassured.response.ValidatableResponse appoint(String member, String body, String role, String from, String to) {
        return given().auth().oauth2(officer).contentType("application/json").body(termJson(body, role, from, to))
                .post(MEMBERS + "/" + member + "/terms").then();
    }
}
