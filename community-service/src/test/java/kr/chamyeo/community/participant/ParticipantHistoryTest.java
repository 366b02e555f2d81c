package kr.chamyeo.community.participant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ParticipantHistoryTest {

    private static final String API = "/api/v1/community";

    @Test
    void historyGathersAPersonsRecordsAndOfficersSeeOnlyTheirDistrict() {
        String person = "p-" + UUID.randomUUID();
        String token = TestTokens.resident(person, "11545", "독산1동", 1990, "F");
        // A group in 금천구 with a club programme application.
        String group = given().auth().oauth2(token).contentType("application/json")
                .body("{\"name\":\"독산 이웃\",\"kind\":\"NEIGHBOURS\",\"leaderName\":\"나\",\"members\":["
                        + "{\"participantId\":\"x1\",\"name\":\"가\",\"relation\":\"LIVES\",\"district\":\"11545\"},"
                        + "{\"participantId\":\"x2\",\"name\":\"나\",\"relation\":\"LIVES\",\"district\":\"11545\"}]}")
                .post(API + "/groups").then().statusCode(201).extract().path("id");
        String programme = given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2019,\"name\":\"이웃만들기\",\"kind\":\"NEIGHBOURS\",\"grantAmount\":500000,\"yearlyQuota\":10}")
                .post(API + "/programmes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"groupId\":\"" + group + "\",\"title\":\"골목 화단\",\"requestedAmount\":500000,\"contributions\":[]}")
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(201);
        // A booking of a space in 종로구 (another district).
        String space = given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json")
                .body("{\"district\":\"11110\",\"dong\":\"청운효자동\",\"name\":\"종로 마을활력소\",\"kind\":\"VITALITY_CENTRE\",\"address\":\"종로\","
                        + "\"capacity\":20,\"opensAt\":\"09:00\",\"closesAt\":\"22:00\"}")
                .post(API + "/spaces").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"startsAt\":\"2031-08-01T10:00:00+09:00\",\"endsAt\":\"2031-08-01T11:00:00+09:00\",\"purpose\":\"모임\",\"attendees\":5}")
                .post(API + "/spaces/" + space + "/bookings").then().statusCode(201);
        // A council application in 금천구 and education recorded by the district.
        String dong = "독산1동";
        String council = given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"" + dong + "\",\"rolloutYear\":2019,\"seats\":30}")
                .post(API + "/councils").then().extract().path("id");
        if (council == null) {
            council = given().queryParam("district", "11545").get(API + "/councils").then().extract()
                    .path("find { it.dong == '" + dong + "' }.id");
        }
        given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"나\"}")
                .post(API + "/councils/" + council + "/applicants").then().statusCode(201);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"district\":\"11545\",\"kind\":\"EDUCATION\",\"title\":\"주민자치학교 기본과정\",\"hours\":6,\"occurredOn\":\"2019-03-02\"}")
                .post(API + "/participants/" + person + "/activities").then().statusCode(201);

        given().auth().oauth2(token).get(API + "/participants/" + person + "/history").then().statusCode(200)
                .body("entries", hasSize(5))
                .body("entries.type", hasItems("GROUP_MEMBERSHIP", "GRANT_APPLICATION", "BOOKING", "COUNCIL", "EDUCATION"))
                .body("entries[0].type", equalTo("EDUCATION")).body("entries[0].status", equalTo("6h"))
                .body("entries.find { it.type == 'GROUP_MEMBERSHIP' }.status", equalTo("LEADER"))
                .body("entries.find { it.type == 'COUNCIL' }.status", equalTo("APPLIED"));
        given().auth().oauth2(TestTokens.officer("11545")).get(API + "/participants/" + person + "/history").then().statusCode(200)
                .body("entries", hasSize(4)).body("entries.district", everyItem(equalTo("11545")));
        given().auth().oauth2(TestTokens.officer("11110")).get(API + "/participants/" + person + "/history").then().statusCode(200)
                .body("entries", hasSize(1)).body("entries[0].type", equalTo("BOOKING"));
        given().auth().oauth2(TestTokens.cityAdmin()).get(API + "/participants/" + person + "/history").then().body("entries", hasSize(5));
    }

    @Test
    void othersCannotReadOrWrite() {
        given().auth().oauth2(TestTokens.resident("someone", "11545", "독산1동", 1990, "F"))
                .get(API + "/participants/another/history").then().statusCode(403).contentType("application/problem+json");
        given().get(API + "/participants/another/history").then().statusCode(401);
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json")
                .body("{\"district\":\"11545\",\"kind\":\"EDUCATION\",\"title\":\"x\",\"occurredOn\":\"2019-03-02\"}")
                .post(API + "/participants/p/activities").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"district\":\"11545\",\"kind\":\"EDUCATION\",\"title\":\"x\",\"occurredOn\":\"2999-03-02\"}")
                .post(API + "/participants/p/activities").then().statusCode(422).body("errors[0].field", equalTo("occurredOn"));
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"district\":\"11545\",\"kind\":\"TRAVEL\",\"title\":\"x\",\"occurredOn\":\"2019-03-02\"}")
                .post(API + "/participants/p/activities").then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }
}
