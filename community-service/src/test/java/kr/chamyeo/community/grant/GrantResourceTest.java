package kr.chamyeo.community.grant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class GrantResourceTest {

    private static final String API = "/api/v1/community";
    private static final String GEUMCHEON = "11545";

    static String leaderToken(String subject) {
        return TestTokens.resident(subject, GEUMCHEON, "독산1동", 1985, "F");
    }

    /** A group led by {@code leader} with {@code others} more members, the last {@code outsiders} of them living outside Seoul's districts' lists... in another district. */
    static String group(String leader, String kind, int others, String memberDistrict) {
        String members = IntStream.range(0, others)
                .mapToObj(i -> "{\"participantId\":\"" + leader + "-m" + i + "\",\"name\":\"이웃" + i + "\",\"relation\":\"WORKS\",\"district\":\"" + memberDistrict + "\"}")
                .collect(Collectors.joining(","));
        return given().auth().oauth2(leaderToken(leader)).contentType("application/json")
                .body("{\"name\":\"책읽는 이웃 " + leader + "\",\"kind\":\"" + kind + "\",\"leaderName\":\"김대표\",\"members\":[" + members + "]}")
                .post(API + "/groups").then().statusCode(201).body("members", equalTo(others + 1)).body("district", equalTo(GEUMCHEON))
                .extract().path("id");
    }

    static String clubProgramme(int quota, Long budget) {
        return given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2020,\"name\":\"2020 동아리 공모\",\"kind\":\"CLUB\",\"yearlyQuota\":" + quota
                        + (budget == null ? "" : ",\"budget\":" + budget) + "}")
                .post(API + "/programmes").then().statusCode(201).extract().path("id");
    }

    static String apply(String programme, String group, String leader, long amount) {
        return given().auth().oauth2(leaderToken(leader)).contentType("application/json")
                .body("{\"groupId\":\"" + group + "\",\"title\":\"민주주의 학습모임\",\"requestedAmount\":" + amount + ",\"contributions\":["
                        + "{\"kind\":\"CASH\",\"amount\":50000},"
                        + "{\"kind\":\"VOLUNTEER_HOURS\",\"description\":\"자원활동\",\"hours\":10},"
                        + "{\"kind\":\"PROFESSIONAL_HOURS\",\"hours\":2,\"ratePerHour\":150000},"
                        + "{\"kind\":\"PUBLIC_RESOURCE\",\"description\":\"주민센터 강당\",\"amount\":300000}]}")
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(201).extract().path("id");
    }

    static void decide(String application, String decision, int status) {
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json")
                .body("{\"decision\":\"" + decision + "\",\"reason\":\"심사 결과\"}")
                .post(API + "/applications/" + application + "/decision").then().statusCode(status);
    }

    @Test
    void clubProgrammeTakesTheSeedDefaultsAndValuesContributions() {
        String programme = clubProgramme(90, null);
        given().get(API + "/programmes/" + programme).then().statusCode(200)
                .body("minMembers", equalTo(5)).body("grantAmount", equalTo(1_000_000)).body("yearlyQuota", equalTo(90))
                .body("budget", equalTo(90_000_000)).body("eligibility", equalTo("SEOUL")).body("nonCashShareCap", equalTo(0.3f));
        String leader = "club-" + UUID.randomUUID();
        String group = group(leader, "CLUB", 4, "11110");
        String application = apply(programme, group, leader, 1_000_000);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).get(API + "/programmes/" + programme + "/applications").then()
                .statusCode(200)
                .body("find { it.id == '" + application + "' }.valuation.nonCash", equalTo(400_000))
                .body("find { it.id == '" + application + "' }.valuation.recognisedNonCash", equalTo(300_000))
                .body("find { it.id == '" + application + "' }.valuation.recognised", equalTo(350_000))
                .body("find { it.id == '" + application + "' }.status", equalTo("SUBMITTED"));
        decide(application, "SELECTED", 200);
        given().get(API + "/programmes/" + programme).then().body("selected", equalTo(1)).body("granted", equalTo(1_000_000));
        decide(application, "REJECTED", 409);
    }

    @Test
    void tooFewEligibleMembersIsRefused() {
        String programme = clubProgramme(90, null);
        String leader = "small-" + UUID.randomUUID();
        String group = group(leader, "CLUB", 3, GEUMCHEON);
        given().auth().oauth2(leaderToken(leader)).contentType("application/json")
                .body("{\"groupId\":\"" + group + "\",\"title\":\"모임\",\"requestedAmount\":1000000,\"contributions\":[]}")
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(422)
                .contentType("application/problem+json").body("minMembers", equalTo(5)).body("eligibleMembers", equalTo(4));
        // A district-only programme counts only members tied to the district.
        String neighbours = given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2018,\"name\":\"이웃만들기\",\"kind\":\"NEIGHBOURS\",\"grantAmount\":500000,\"yearlyQuota\":40}")
                .post(API + "/programmes").then().statusCode(201).body("minMembers", equalTo(3)).body("eligibility", equalTo("DISTRICT"))
                .extract().path("id");
        String far = "far-" + UUID.randomUUID();
        String farGroup = group(far, "NEIGHBOURS", 3, "11680");
        given().auth().oauth2(leaderToken(far)).contentType("application/json")
                .body("{\"groupId\":\"" + farGroup + "\",\"title\":\"모임\",\"requestedAmount\":500000,\"contributions\":[]}")
                .post(API + "/programmes/" + neighbours + "/applications").then().statusCode(422).body("eligibleMembers", equalTo(1));
    }

    @Test
    void quotaAndBudgetAreEnforced() {
        String quotaTwo = clubProgramme(2, null);
        String[] apps = new String[3];
        for (int i = 0; i < 3; i++) {
            String leader = "q-" + i + "-" + UUID.randomUUID();
            apps[i] = apply(quotaTwo, group(leader, "CLUB", 4, GEUMCHEON), leader, 1_000_000);
        }
        decide(apps[0], "SELECTED", 200);
        decide(apps[1], "SELECTED", 200);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json").body("{\"decision\":\"SELECTED\"}")
                .post(API + "/applications/" + apps[2] + "/decision").then().statusCode(409)
                .contentType("application/problem+json").body("yearlyQuota", equalTo(2));

        String tightBudget = clubProgramme(5, 1_500_000L);
        String a = "b1-" + UUID.randomUUID();
        String b = "b2-" + UUID.randomUUID();
        String first = apply(tightBudget, group(a, "CLUB", 4, GEUMCHEON), a, 1_000_000);
        String second = apply(tightBudget, group(b, "CLUB", 4, GEUMCHEON), b, 1_000_000);
        decide(first, "SELECTED", 200);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json").body("{\"decision\":\"SELECTED\"}")
                .post(API + "/applications/" + second + "/decision").then().statusCode(409)
                .body("budget", equalTo(1_500_000)).body("granted", equalTo(1_000_000));
        given().get(API + "/programmes/" + tightBudget).then().body("granted", equalTo(1_000_000));
    }

    @Test
    void rolesAndDistricts() {
        String programme = clubProgramme(90, null);
        String leader = "roles-" + UUID.randomUUID();
        String group = group(leader, "CLUB", 4, GEUMCHEON);
        // Another resident cannot apply for the group; no token at all is 401.
        given().auth().oauth2(leaderToken("someone-else")).contentType("application/json")
                .body("{\"groupId\":\"" + group + "\",\"title\":\"모임\",\"requestedAmount\":1000000,\"contributions\":[]}")
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post(API + "/programmes/" + programme + "/applications").then().statusCode(401);
        String application = apply(programme, group, leader, 1_000_000);
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body("{\"decision\":\"SELECTED\"}")
                .post(API + "/applications/" + application + "/decision").then().statusCode(403);
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body("{\"decision\":\"SELECTED\"}")
                .post(API + "/applications/" + application + "/decision").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11110")).get(API + "/programmes/" + programme + "/applications").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json")
                .body("{\"year\":2020,\"name\":\"시 동아리\",\"kind\":\"CLUB\"}").post(API + "/programmes").then().statusCode(403);
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json")
                .body("{\"year\":2020,\"name\":\"시 동아리\",\"kind\":\"CLUB\"}").post(API + "/programmes").then().statusCode(201);
        // Members are personal data: the public list shows counts only; outsiders cannot read names.
        given().get(API + "/groups?district=11545").then().statusCode(200).body("name", hasItem("책읽는 이웃 " + leader))
                .body("toString()", not(org.hamcrest.Matchers.containsString("김대표")));
        given().auth().oauth2(leaderToken("stranger")).get(API + "/groups/" + group + "/members").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).get(API + "/groups/" + group + "/members").then().statusCode(200)
                .body("name", hasItem("김대표"));
        given().auth().oauth2(leaderToken(leader + "-m1")).get(API + "/groups/" + group + "/members").then().statusCode(200);
    }

    @Test
    void badInputIsProblemJson() {
        String programme = clubProgramme(90, null);
        String leader = "bad-" + UUID.randomUUID();
        String group = group(leader, "CLUB", 4, GEUMCHEON);
        String base = "{\"groupId\":\"" + group + "\",\"title\":\"모임\",\"requestedAmount\":%d,\"contributions\":[%s]}";
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(base.formatted(1_000_000, "{\"kind\":\"VOLUNTEER_HOURS\"}"))
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(422)
                .body("errors[0].field", equalTo("contributions[0].hours"));
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(base.formatted(2_000_000, ""))
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(422)
                .body("errors[0].field", equalTo("requestedAmount"));
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(base.formatted(1_000_000, "{\"kind\":\"CASH\",\"amount\":-5}"))
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(422)
                .body("errors[0].field", equalTo("contributions[0].amount"));
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(base.formatted(1_000_000, "{\"kind\":\"GOLD\"}"))
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(400);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2020,\"name\":\"이웃\",\"kind\":\"NEIGHBOURS\",\"yearlyQuota\":3}")
                .post(API + "/programmes").then().statusCode(422).body("errors[0].field", equalTo("grantAmount"));
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json")
                .body("{\"district\":\"99999\",\"year\":2020,\"name\":\"이웃\",\"kind\":\"CLUB\"}")
                .post(API + "/programmes").then().statusCode(422).body("errors[0].field", equalTo("district"));
        String application = apply(programme, group, leader, 1_000_000);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json").body("{\"decision\":\"REJECTED\"}")
                .post(API + "/applications/" + application + "/decision").then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(base.formatted(1_000_000, ""))
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(409);
        given().contentType("application/json").body("{\"requestedAmount\":1000000,\"contributions\":[{\"kind\":\"IN_KIND\",\"amount\":700000}]}")
                .post(API + "/programmes/" + programme + "/valuations").then().statusCode(200)
                .body("recognisedNonCash", equalTo(300_000));
        given().get(API + "/programmes/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    /** Seed 002's Seattle example: "자부담 총액은 보조금 신청액의 절반 이상", at 499,999 and 500,000원 of a 1,000,000원 grant. */
    @Test
    void aProgrammeWithTheNmfMinimumRefusesLessThanHalfOfTheGrant() {
        String programme = given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2022,\"name\":\"2022 매칭 동아리\",\"kind\":\"CLUB\",\"yearlyQuota\":5,"
                        + "\"minimumContributionShare\":0.5}")
                .post(API + "/programmes").then().statusCode(201).body("minimumContributionShare", equalTo(0.5f))
                .body("labourRatePerHour", equalTo(20_000)).extract().path("id");
        String leader = "nmf-" + UUID.randomUUID();
        String group = group(leader, "CLUB", 4, "11110");
        String body = "{\"groupId\":\"" + group + "\",\"title\":\"매칭\",\"requestedAmount\":1000000,\"contributions\":["
                + "{\"kind\":\"CASH\",\"amount\":%d},{\"kind\":\"VOLUNTEER_HOURS\",\"hours\":12.5}]}";
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(body.formatted(249_999))
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("contributions")).body("recognised", equalTo(499_999));
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).get(API + "/programmes/" + programme + "/applications").then()
                .body("size()", equalTo(0));
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(body.formatted(250_000))
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(201);
    }

    /** Seed 002, 실·본부·국 사업 현황: each department programme grants within its range. */
    @Test
    void departmentProgrammesGrantWithinTheSeedsRanges() {
        String[][] ranges = {{"PARENT_COMMUNITY", "1", "2000000"}, {"CO_PARENTING", "3500000", "10000000"},
                {"ART_STUDIO", "35000000", "55000000"}, {"VILLAGE_MEDIA", "2000000", "13000000"}, {"VILLAGE_MEDIA_HUB", "40000000", "40000000"},
                {"APARTMENT", "1000000", "8000000"}, {"ENERGY_VILLAGE", "8000000", "30000000"}};
        String officer = TestTokens.officer(GEUMCHEON);
        for (String[] range : ranges) {
            String base = "{\"district\":\"11545\",\"year\":2020,\"name\":\"" + range[0] + " 공모\",\"kind\":\"" + range[0] + "\",\"yearlyQuota\":3";
            given().auth().oauth2(officer).contentType("application/json").body(base + "}").post(API + "/programmes").then().statusCode(201)
                    .body("minGrant", equalTo(Integer.parseInt(range[1]))).body("grantAmount", equalTo(Integer.parseInt(range[2])));
            given().auth().oauth2(officer).contentType("application/json").body(base + ",\"grantAmount\":" + (Long.parseLong(range[2]) + 1) + "}")
                    .post(API + "/programmes").then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("grantAmount")).body("max", equalTo(Integer.parseInt(range[2])));
        }
        given().auth().oauth2(officer).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2020,\"name\":\"공동육아\",\"kind\":\"CO_PARENTING\",\"yearlyQuota\":3,\"grantAmount\":3499999}")
                .post(API + "/programmes").then().statusCode(422).body("min", equalTo(3_500_000));
        String programme = given().auth().oauth2(officer).contentType("application/json")
                .body("{\"district\":\"11545\",\"year\":2020,\"name\":\"공동육아\",\"kind\":\"CO_PARENTING\",\"yearlyQuota\":3,\"grantAmount\":8000000}")
                .post(API + "/programmes").then().statusCode(201).body("minGrant", equalTo(3_500_000)).extract().path("id");
        String leader = "co-parenting-" + UUID.randomUUID();
        String group = group(leader, "CO_PARENTING", 2, GEUMCHEON);
        String body = "{\"groupId\":\"" + group + "\",\"title\":\"공동육아 모임\",\"requestedAmount\":%d,\"contributions\":[]}";
        for (long refused : new long[] {3_499_999, 8_000_001}) {
            given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(body.formatted(refused))
                    .post(API + "/programmes/" + programme + "/applications").then().statusCode(422)
                    .body("errors[0].field", equalTo("requestedAmount")).body("min", equalTo(3_500_000)).body("max", equalTo(8_000_000));
        }
        given().auth().oauth2(leaderToken(leader)).contentType("application/json").body(body.formatted(3_500_000))
                .post(API + "/programmes/" + programme + "/applications").then().statusCode(201);
    }
}
