package kr.chamyeo.governance.youthcouncil;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Seed 001's sizes through the API: 청년의원 500명 and 추진위원회 1,000명 이내. All but the last seats are stored
 * directly (a year no other test uses), then the last seat and the one past it go through the endpoints.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class SeatLimitsResourceTest {

    private static final String API = "/api/v1/governance/youth-council";
    private static final int COUNCIL_YEAR = 2041;
    private static final int COMMITTEE_YEAR = 2042;
    private final String admin = TestTokens.cityAdmin();

    private static String member(int year) {
        return "{\"year\":" + year + ",\"name\":\"오백번째\",\"birthYear\":" + (year - 25) + ",\"district\":\"11545\","
                + "\"role\":\"MEMBER\",\"termStart\":\"" + year + "-03-01\",\"termEnd\":\"" + (year + 1) + "-02-28\"}";
    }

    @Test
    void theYouthCouncilSeatsFiveHundredAndTheCompositionShowsIt() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 499; i++) {
                CouncilMember m = new CouncilMember();
                m.id = UUID.randomUUID();
                m.year = COUNCIL_YEAR;
                m.name = "의원" + i;
                m.birthYear = COUNCIL_YEAR - 25;
                m.district = "11545";
                m.role = CouncilMember.Role.MEMBER;
                m.roleRank = m.role.ordinal();
                m.termStart = LocalDate.of(COUNCIL_YEAR, 3, 1);
                m.termEnd = LocalDate.of(COUNCIL_YEAR + 1, 2, 28);
                m.persist();
            }
        });
        given().get(API + "/composition?year=" + COUNCIL_YEAR).then().statusCode(200)
                .body("youthCouncil.filled", equalTo(499)).body("youthCouncil.limit", equalTo(500)).body("youthCouncil.open", equalTo(1));
        String officer = TestTokens.officer("11545");
        String last = given().auth().oauth2(officer).contentType("application/json").body(member(COUNCIL_YEAR))
                .post(API + "/members").then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).contentType("application/json").body(member(COUNCIL_YEAR))
                .post(API + "/members").then().statusCode(409).contentType("application/problem+json")
                .body("limit", equalTo(500)).body("filled", equalTo(500))
                .body("detail", equalTo("The youth council (청년의회) of " + COUNCIL_YEAR + " has 500 seats, all filled"));
        // Moving the 500th member's own seat within the year is not a new seat.
        given().auth().oauth2(officer).contentType("application/json").body(member(COUNCIL_YEAR).replace("오백번째", "오백번째 의원"))
                .put(API + "/members/" + last).then().statusCode(200);
        given().get(API + "/composition?year=" + COUNCIL_YEAR).then().statusCode(200)
                .body("youthCouncil.filled", equalTo(500)).body("youthCouncil.open", equalTo(0))
                .body("youthCouncilByRole.MEMBER", equalTo(500)).body("promotionCommittee.filled", equalTo(0))
                .body("promotionCommittee.limit", equalTo(1000));
        // A seat opens when a member leaves.
        given().auth().oauth2(admin).delete(API + "/members/" + last).then().statusCode(204);
        given().auth().oauth2(officer).contentType("application/json").body(member(COUNCIL_YEAR))
                .post(API + "/members").then().statusCode(201);
    }

    @Test
    void thePromotionCommitteeSeatsAtMostOneThousand() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 999; i++) {
                PromotionCommitteeMember m = new PromotionCommitteeMember();
                m.id = UUID.randomUUID();
                m.year = COMMITTEE_YEAR;
                m.name = "추진위원" + i;
                m.memberGroup = i % 2 == 0 ? PromotionCommitteeMember.Group.AGENDA : PromotionCommitteeMember.Group.INDIVIDUAL;
                m.role = PromotionCommitteeMember.Role.MEMBER;
                m.persist();
            }
        });
        String body = "{\"year\":" + COMMITTEE_YEAR + ",\"name\":\"천번째\",\"group\":\"DISTRICT\",\"role\":\"MEMBER\",\"district\":\"11545\"}";
        given().auth().oauth2(admin).contentType("application/json").body(body).post(API + "/promotion-committee/members")
                .then().statusCode(201).body("group", equalTo("DISTRICT")).body("district", equalTo("11545"));
        given().auth().oauth2(admin).contentType("application/json").body(body).post(API + "/promotion-committee/members")
                .then().statusCode(409).contentType("application/problem+json").body("limit", equalTo(1000)).body("filled", equalTo(1000));
        given().get(API + "/composition?year=" + COMMITTEE_YEAR).then().statusCode(200)
                .body("promotionCommittee.filled", equalTo(1000)).body("promotionCommittee.limit", equalTo(1000))
                .body("promotionCommittee.open", equalTo(0)).body("promotionCommitteeByGroup.AGENDA", equalTo(500))
                .body("promotionCommitteeByGroup.INDIVIDUAL", equalTo(499)).body("promotionCommitteeByGroup.DISTRICT", equalTo(1))
                .body("youthCouncil.filled", equalTo(0));
        given().auth().oauth2(admin).get(API + "/promotion-committee/members?year=" + COMMITTEE_YEAR + "&size=10").then().statusCode(200)
                .body("items.size()", equalTo(10));
        // Only the 자치구 그룹 names a district; and personal data stays with the city's administrators.
        given().auth().oauth2(admin).contentType("application/json").body(body.replace(",\"district\":\"11545\"", ""))
                .post(API + "/promotion-committee/members").then().statusCode(422).body("errors[0].field", equalTo("district"));
        given().auth().oauth2(TestTokens.officer("11545")).get(API + "/promotion-committee/members?year=" + COMMITTEE_YEAR)
                .then().statusCode(403);
        given().get(API + "/composition").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("year"));
    }
}
