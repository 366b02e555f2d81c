package kr.chamyeo.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.AuthorizationMatrix;
import kr.chamyeo.platform.testing.AuthorizationMatrix.Sample;
import kr.chamyeo.platform.testing.AuthorizationMatrix.Target;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Every operation of the OpenAPI document × {no token, expired, bad signature, wrong issuer, each role}, and for
 * every operation a district role may call × {same district, other district, no district} on 금천구 resources the
 * test makes itself (councils of rollout year 2100, tax year 2100, its own spaces, groups and plans).
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AuthorizationMatrixTest {

    /** Operations anyone may call without a token; any other operation must state its roles. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/community/councils",
            "GET /api/v1/community/councils/participatory-budget",
            "GET /api/v1/community/councils/rollout",
            "GET /api/v1/community/councils/{id}",
            "GET /api/v1/community/councils/{id}/lotteries",
            "GET /api/v1/community/councils/{id}/plans/{planId}",
            "GET /api/v1/community/councils/{id}/residents",
            "GET /api/v1/community/groups",
            "GET /api/v1/community/plans",
            "GET /api/v1/community/plans/{id}",
            "GET /api/v1/community/plans/{id}/progress",
            "GET /api/v1/community/programmes",
            "GET /api/v1/community/programmes/{id}",
            "GET /api/v1/community/resident-tax/allocations",
            "GET /api/v1/community/resident-tax/collections",
            "GET /api/v1/community/space-programmes",
            "GET /api/v1/community/space-programmes/{id}",
            "GET /api/v1/community/spaces",
            "GET /api/v1/community/spaces/stock",
            "GET /api/v1/community/spaces/{id}",
            "GET /api/v1/community/spaces/{id}/programmes",
            "POST /api/v1/community/programmes/{id}/valuations");

    private static final String API = "/api/v1/community";
    private static final String GEUMCHEON = AuthorizationMatrix.DISTRICT;
    private static final String PARTNER_MANAGES = "a partner system manages only the spaces it registered itself (by subject), "
            + "in any district";
    private final String admin = TestTokens.cityAdmin();
    private final String officer = TestTokens.officer(GEUMCHEON);
    private final AtomicInteger serial = new AtomicInteger();

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        String group = group();
        String programme = create(officer, "/programmes", programme(2030));
        String council = council();
        String home = homeCouncil();
        String plan = create(officer, "/plans", plan("matrix-district-" + UUID.randomUUID()));
        String space = create(officer, "/spaces", space());
        String spaceProgramme = create(officer, "/spaces/" + space + "/programmes", spaceProgramme());
        String person = "matrix-person-" + UUID.randomUUID();
        String marker = "매트릭스 활동 " + person;
        create(officer, "/participants/" + person + "/activities", activity(marker));

        AuthorizationMatrix.Result result = AuthorizationMatrix.forOperations(PUBLIC)
                // Groups, grants
                .districtFree("POST /api/v1/community/groups", "a resident founds a group in the district of their own token")
                .districtFree("POST /api/v1/community/groups/{id}/members", "only the group's leader (by subject) adds members")
                .districtFree("POST /api/v1/community/programmes/{id}/applications",
                        "only a group's leader (by subject) applies; which members count is the programme's eligibility rule (422)")
                .sample("GET /api/v1/community/groups/{id}/members", () -> Target.of(API + "/groups/" + group + "/members"))
                .sample("POST /api/v1/community/programmes", () -> Target.of(API + "/programmes").body(programme(2030)))
                .sample("GET /api/v1/community/programmes/{id}/applications", () ->
                        Target.of(API + "/programmes/" + programme + "/applications"))
                .sample("POST /api/v1/community/applications/{id}/decision", () -> {
                    String leader = "matrix-leader-" + UUID.randomUUID();
                    String application = create(resident(leader), "/programmes/" + programme + "/applications",
                            "{\"groupId\":\"" + group(leader) + "\",\"title\":\"매트릭스 학습모임\",\"requestedAmount\":500000,"
                                    + "\"contributions\":[{\"kind\":\"CASH\",\"amount\":50000}]}");
                    return Target.of(API + "/applications/" + application + "/decision")
                            .body("{\"decision\":\"SELECTED\",\"reason\":\"심사 결과\"}")
                            .readBack(() -> read("/programmes/" + programme + "/applications"));
                })
                // Participants
                .sample("POST /api/v1/community/participants/{id}/activities", () -> Target.of(API + "/participants/" + person
                        + "/activities").body(activity("매트릭스 교육 " + serial.incrementAndGet()))
                        .readBack(() -> read("/participants/" + person + "/history")))
                .sample("GET /api/v1/community/participants/{id}/history", Sample.of(() ->
                        Target.of(API + "/participants/" + person + "/history"))
                        .filtersOtherDistrict("an officer sees only the records of their own district", marker))
                // Plans
                .sample("POST /api/v1/community/plans", () -> Target.of(API + "/plans").body(plan("matrix-" + UUID.randomUUID())))
                .sample("PUT /api/v1/community/plans/{id}/measures/{measureCode}/actuals/{year}", () ->
                        Target.of(API + "/plans/" + plan + "/measures/m1/actuals/2019").body("{\"actual\":" + serial.incrementAndGet() + "}")
                                .readBack(() -> read("/plans/" + plan + "/progress?year=2019")))
                .sample("PUT /api/v1/community/plans/{id}/kpis/{kpiCode}/measurements/{year}", () ->
                        Target.of(API + "/plans/" + plan + "/kpis/K1/measurements/2019").body("{\"value\":" + serial.incrementAndGet() + "}")
                                .readBack(() -> read("/plans/" + plan + "/progress?year=2019")))
                // Resident tax
                .sample("PUT /api/v1/community/resident-tax/collections/{district}/{year}", () ->
                        Target.of(API + "/resident-tax/collections/" + GEUMCHEON + "/2100")
                                .body("{\"levied\":" + (1000 + serial.incrementAndGet()) + ",\"collected\":900,\"dongs\":10}")
                                .readBack(() -> read("/resident-tax/collections?year=2100")))
                // Spaces and bookings
                .districtFree("POST /api/v1/community/spaces/{id}/bookings",
                        "a public space takes bookings from residents of any district; the booking is the resident's own")
                .districtFree("GET /api/v1/community/bookings/mine", "a resident's own bookings")
                .sample("POST /api/v1/community/spaces", () -> Target.of(API + "/spaces").body(space()))
                .sample("GET /api/v1/community/spaces/{id}/bookings", Sample.of(() -> Target.of(API + "/spaces/" + space + "/bookings"))
                        .except("PARTNER", PARTNER_MANAGES))
                .sample("POST /api/v1/community/bookings/{id}/decision", Sample.of(() -> {
                    String booking = booking(space);
                    return Target.of(API + "/bookings/" + booking + "/decision").body("{\"decision\":\"APPROVED\"}")
                            .readBack(() -> read("/spaces/" + space + "/bookings"));
                }).except("PARTNER", PARTNER_MANAGES))
                .sample("POST /api/v1/community/bookings/{id}/cancellation", Sample.of(() -> {
                    String booking = booking(space);
                    return Target.of(API + "/bookings/" + booking + "/cancellation")
                            .readBack(() -> read("/spaces/" + space + "/bookings"));
                }).except("PARTNER", PARTNER_MANAGES))
                // Space programmes and sign-ups
                .districtFree("GET /api/v1/community/sign-ups/mine", "a resident's own sign-ups")
                .sample("POST /api/v1/community/spaces/{id}/programmes", Sample.of(() -> Target.of(API + "/spaces/" + space + "/programmes")
                        .body(spaceProgramme()).readBack(() -> read("/spaces/" + space + "/programmes"))).except("PARTNER", PARTNER_MANAGES))
                .sample("POST /api/v1/community/space-programmes/{id}/cancellation", Sample.of(() -> {
                    String p = create(officer, "/spaces/" + space + "/programmes", spaceProgramme());
                    return Target.of(API + "/space-programmes/" + p + "/cancellation").body("{\"reason\":\"강사 사정\"}")
                            .readBack(() -> read("/space-programmes/" + p));
                }).except("PARTNER", PARTNER_MANAGES))
                .sample("GET /api/v1/community/space-programmes/{id}/sign-ups", Sample.of(() ->
                        Target.of(API + "/space-programmes/" + spaceProgramme + "/sign-ups")).except("PARTNER", PARTNER_MANAGES))
                .sample("POST /api/v1/community/space-programmes/{id}/sign-ups", Sample.of(() ->
                        Target.of(API + "/space-programmes/" + spaceProgramme + "/sign-ups").body("{}")
                                .readBack(() -> read("/space-programmes/" + spaceProgramme))).bindsResidents())
                .sample("POST /api/v1/community/sign-ups/{id}/decision", Sample.of(() -> {
                    String signUp = signUp(spaceProgramme);
                    return Target.of(API + "/sign-ups/" + signUp + "/decision").body("{\"decision\":\"APPROVED\"}")
                            .readBack(() -> read("/space-programmes/" + spaceProgramme + "/sign-ups"));
                }).except("PARTNER", PARTNER_MANAGES))
                .sample("POST /api/v1/community/sign-ups/{id}/cancellation", Sample.of(() -> {
                    String signUp = signUp(spaceProgramme);
                    return Target.of(API + "/sign-ups/" + signUp + "/cancellation")
                            .readBack(() -> read("/space-programmes/" + spaceProgramme + "/sign-ups"));
                }).except("PARTNER", PARTNER_MANAGES))
                // Village staff: each sample places its own dong's 동 자치지원관.
                .sample("POST /api/v1/community/staff", () -> Target.of(API + "/staff").body("{\"district\":\"" + GEUMCHEON
                                + "\",\"dong\":\"매트릭스" + serial.incrementAndGet() + "동\",\"role\":\"DONG_SUPPORT_OFFICER\",\"personName\":\"지원관\","
                                + "\"funding\":\"NEW_DEAL\",\"startMonth\":\"2019-03\",\"endMonth\":\"2021-01\",\"monthlyPay\":1710000}")
                        .readBack(() -> read("/staff?district=" + GEUMCHEON)))
                .sample("GET /api/v1/community/staff", () -> Target.of(API + "/staff?district=" + GEUMCHEON))
                // Councils
                .sample("POST /api/v1/community/councils", () -> Target.of(API + "/councils").body(councilBody())
                        .readBack(() -> read("/councils?district=" + GEUMCHEON + "&year=2100")))
                .sample("POST /api/v1/community/councils/{id}/applicants", Sample.of(() -> Target.of(API + "/councils/" + home
                        + "/applicants").body("{\"name\":\"매트릭스 주민\"}").readBack(() -> read("/councils/" + home + "/applicants")))
                        .bindsResidents())
                .sample("GET /api/v1/community/councils/{id}/applicants", () -> Target.of(API + "/councils/" + council + "/applicants"))
                .sample("GET /api/v1/community/councils/{id}/seats", () -> Target.of(API + "/councils/" + council + "/seats"))
                .sample("POST /api/v1/community/councils/{id}/lotteries", () -> {
                    String drawn = councilWithTwoApplicants();
                    return Target.of(API + "/councils/" + drawn + "/lotteries").body("{\"seats\":2,\"reserves\":0}")
                            .readBack(() -> read("/councils/" + drawn + "/lotteries"));
                })
                .sample("POST /api/v1/community/councils/{id}/lotteries/{round}/draw", () -> {
                    String drawn = councilWithTwoApplicants();
                    String seed = given().auth().oauth2(officer).contentType("application/json").body("{\"seats\":2,\"reserves\":0}")
                            .post(API + "/councils/" + drawn + "/lotteries").then().statusCode(202).extract().path("sealedSeed");
                    return Target.of(API + "/councils/" + drawn + "/lotteries/1/draw").body("{\"seed\":\"" + seed + "\",\"publicValue\":\"07-19-23\"}")
                            .readBack(() -> read("/councils/" + drawn + "/lotteries"));
                })
                .sample("PUT /api/v1/community/councils/{id}/residents/{year}", () -> Target.of(API + "/councils/" + council
                        + "/residents/2100").body("{\"residents\":" + (1000 + serial.incrementAndGet()) + ",\"source\":\"매트릭스\"}")
                        .readBack(() -> read("/councils/" + council + "/residents")))
                .sample("POST /api/v1/community/councils/{id}/plans", () -> Target.of(API + "/councils/" + council + "/plans")
                        .body(councilPlan(2030 + serial.incrementAndGet() % 60))
                        .readBack(() -> read("/audit?size=1")))
                .sample("POST /api/v1/community/councils/{id}/plans/{planId}/vote", () -> {
                    // 주민총회 연 1회: each sample's meeting opens in its own year.
                    int year = 2030 + serial.incrementAndGet() % 60;
                    String councilPlan = create(officer, "/councils/" + council + "/plans", councilPlan(year));
                    return Target.of(API + "/councils/" + council + "/plans/" + councilPlan + "/vote")
                            .body("{\"opensAt\":\"" + year + "-06-01T00:00:00Z\",\"closesAt\":\"" + year + "-06-10T00:00:00Z\",\"eligibleResidents\":25000}")
                            .readBack(() -> read("/councils/" + council + "/plans/" + councilPlan));
                })
                .run();
        assertTrue(result.mismatches().isEmpty(), result::report);
    }

    private String create(String token, String path, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(API + path).then().statusCode(201)
                .extract().path("id");
    }

    /** A 금천구 council of rollout year 2100 with one woman and one man applying, enough for a lottery of 2 seats. */
    private String councilWithTwoApplicants() {
        String council = council();
        for (int i = 0; i < 2; i++) {
            create(TestTokens.resident("matrix-applicant-" + UUID.randomUUID(), GEUMCHEON, dongOf(council), 1990,
                    i == 0 ? "F" : "M"), "/councils/" + council + "/applicants", "{\"name\":\"주민" + i + "\"}");
        }
        return council;
    }

    private String read(String path) {
        return given().auth().oauth2(admin).get(API + path).asString();
    }

    private static String resident(String subject) {
        return TestTokens.resident(subject, GEUMCHEON, "독산1동", 1985, "F");
    }

    private String group() {
        return group("matrix-leader-" + UUID.randomUUID());
    }

    /** A 금천구 club of its leader and five neighbours. */
    private String group(String leader) {
        String members = IntStream.range(0, 5).mapToObj(i -> "{\"participantId\":\"" + leader + "-m" + i + "\",\"name\":\"이웃" + i
                + "\",\"relation\":\"LIVES\",\"district\":\"" + GEUMCHEON + "\"}").collect(Collectors.joining(","));
        return create(resident(leader), "/groups", "{\"name\":\"매트릭스 모임 " + leader + "\",\"kind\":\"CLUB\",\"leaderName\":\"김대표\","
                + "\"members\":[" + members + "]}");
    }

    private static String programme(int year) {
        return "{\"district\":\"" + GEUMCHEON + "\",\"year\":" + year + ",\"name\":\"매트릭스 동아리 공모\",\"kind\":\"CLUB\",\"yearlyQuota\":100}";
    }

    private static String activity(String title) {
        return "{\"district\":\"" + GEUMCHEON + "\",\"kind\":\"EDUCATION\",\"title\":\"" + title + "\",\"hours\":1,\"occurredOn\":\"2019-03-02\"}";
    }

    private static String space() {
        return "{\"district\":\"" + GEUMCHEON + "\",\"dong\":\"독산1동\",\"name\":\"매트릭스 공간 " + UUID.randomUUID() + "\","
                + "\"kind\":\"VITALITY_CENTRE\",\"address\":\"서울 금천구 독산로 1\",\"capacity\":20,\"facilities\":[\"주방\"],"
                + "\"opensAt\":\"09:00\",\"closesAt\":\"22:00\",\"rules\":\"음식물 반입 금지\"}";
    }

    /** A booking request on its own day, so that approving it never clashes with another. */
    private String booking(String space) {
        String day = LocalDate.of(2032, 1, 1).plusDays(serial.incrementAndGet()).toString();
        return create(resident("matrix-booker-" + UUID.randomUUID()), "/spaces/" + space + "/bookings", "{\"startsAt\":\"" + day
                + "T10:00:00+09:00\",\"endsAt\":\"" + day + "T11:00:00+09:00\",\"purpose\":\"이웃 모임\",\"attendees\":5}");
    }

    /** A programme of 금천구 residents with one session on its own day at the matrix's space, so none clash. */
    private String spaceProgramme() {
        String day = LocalDate.of(2032, 1, 1).plusDays(serial.incrementAndGet()).toString();
        return "{\"title\":\"매트릭스 목공 교실\",\"sessions\":[{\"startsAt\":\"" + day + "T14:00:00+09:00\",\"endsAt\":\"" + day
                + "T16:00:00+09:00\"}],\"capacity\":20,\"eligibility\":\"DISTRICT\",\"signUpOpensAt\":\"2020-01-01T00:00:00Z\","
                + "\"signUpClosesAt\":\"2031-12-31T00:00:00Z\"}";
    }

    private String signUp(String programme) {
        return create(resident("matrix-participant-" + UUID.randomUUID()), "/space-programmes/" + programme + "/sign-ups", "{}");
    }

    private String councilBody() {
        return "{\"district\":\"" + GEUMCHEON + "\",\"dong\":\"매트릭스" + UUID.randomUUID().toString().substring(0, 8) + "동\","
                + "\"rolloutYear\":2100,\"seats\":2,\"reserves\":0,\"requiredEducationHours\":0}";
    }

    private String council() {
        return create(officer, "/councils", councilBody());
    }

    private String dongOf(String council) {
        return given().get(API + "/councils/" + council).then().extract().path("dong");
    }

    /** The council of 독산1동, the dong of the matrix's residents; other tests may have made it already. */
    private String homeCouncil() {
        String found = given().queryParam("district", GEUMCHEON).get(API + "/councils").then().extract()
                .path("find { it.dong == '독산1동' }.id");
        return found != null ? found : create(officer, "/councils", "{\"district\":\"" + GEUMCHEON + "\",\"dong\":\"독산1동\","
                + "\"rolloutYear\":2019,\"seats\":30}");
    }

    private static String councilPlan(int year) {
        return "{\"year\":" + year + ",\"title\":\"매트릭스 자치계획\",\"items\":[{\"title\":\"골목길 안심 조명\",\"cost\":7500000}]}";
    }

    private static String plan(String code) {
        return """
                {"code":"%s","title":"매트릭스 계획","startYear":2018,"endYear":2022,"ownerDistrict":"%s",
                 "root":{"kind":"VISION","code":"V","title":"비전","children":[
                  {"kind":"CORE_VALUE","code":"C","title":"가치","children":[
                   {"kind":"STRATEGY","code":"S","title":"전략","children":[
                    {"kind":"TASK","code":"T","title":"과제","children":[
                     {"kind":"UNIT_PROJECT","code":"U1","title":"단위사업 1","status":"NEW","measures":[
                       {"code":"m1","label":"이웃만들기","unit":"건","years":[{"year":2019,"target":1000,"budget":1000000000}]}]}
                    ]}]}]}]},
                 "kpis":[{"code":"K1","name":"이웃신뢰도","unit":"%%","baseline":59.5,"target":70}]}
                """.formatted(code, GEUMCHEON);
    }
}
