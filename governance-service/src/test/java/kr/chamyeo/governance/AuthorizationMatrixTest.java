package kr.chamyeo.governance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

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
 * every operation a district role may call × {same district, other district, no district} on 금천구 records the
 * test makes itself (years 2026 and 2030, which the seed figures of the other tests do not cover).
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AuthorizationMatrixTest {

    /** Operations anyone may call without a token; any other operation must state its roles. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/governance/agendas",
            "GET /api/v1/governance/agendas/summary",
            "GET /api/v1/governance/contests/{id}",
            "GET /api/v1/governance/districts",
            "GET /api/v1/governance/districts/{code}",
            "GET /api/v1/governance/forums",
            "GET /api/v1/governance/forums/statistics",
            "GET /api/v1/governance/outreach/districts",
            "GET /api/v1/governance/outreach/plan",
            "GET /api/v1/governance/programmes",
            "GET /api/v1/governance/programmes/{id}",
            "GET /api/v1/governance/schedule",
            "GET /api/v1/governance/sortitions",
            "GET /api/v1/governance/tf/body-members",
            "GET /api/v1/governance/tf/composition",
            "GET /api/v1/governance/tf/districts/{district}/participation-bodies",
            "GET /api/v1/governance/tf/experts",
            "GET /api/v1/governance/tf/officers",
            "GET /api/v1/governance/youth-budget/execution",
            "GET /api/v1/governance/youth-budget/rounds/{id}",
            "GET /api/v1/governance/youth-council/composition",
            "GET /api/v1/governance/youth-council/members",
            "GET /api/v1/governance/youth-council/subcommittees",
            "GET /api/v1/governance/youth-council/subcommittees/{id}/agendas");

    private static final String API = "/api/v1/governance";
    private static final String GEUMCHEON = AuthorizationMatrix.DISTRICT;
    private static final String AGENDA = "{\"district\":\"" + GEUMCHEON + "\",\"year\":2030,\"title\":\"매트릭스 발굴의제\",\"domain\":\"주거\"}";
    private static final String COUNCIL_MEMBER = "{\"year\":2030,\"name\":\"매트릭스 의원\",\"birthYear\":1995,\"district\":\""
            + GEUMCHEON + "\",\"role\":\"MEMBER\",\"termStart\":\"2030-03-01\",\"termEnd\":\"2031-02-28\"}";
    private static final String BODY_MEMBER = "{\"district\":\"" + GEUMCHEON
            + "\",\"name\":\"매트릭스 위원\",\"birthYear\":1995,\"contact\":\"010-0000-0000\",\"publishName\":true}";
    private static final String CONTEST = "{\"district\":\"" + GEUMCHEON + "\",\"year\":2030,\"title\":\"매트릭스 경진대회\",\"shortlistSize\":1}";
    private static final String ENTRY = "{\"department\":\"매트릭스과\",\"title\":\"매트릭스 사례\"}";
    private static final String REVIEW = "{\"review\":\"PASSED\",\"score\":70}";
    private final String admin = TestTokens.cityAdmin();
    private final String officer = TestTokens.officer(GEUMCHEON);

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        String drawn = create("/sortitions", sortition(true));

        AuthorizationMatrix.Result result = AuthorizationMatrix.forOperations(PUBLIC)
                // Agendas and 4-party coordination
                .sample("POST /api/v1/governance/agendas", () -> Target.of(API + "/agendas").body(AGENDA)
                        .readBack(() -> read("/agendas?district=" + GEUMCHEON + "&year=2030")))
                .sample("POST /api/v1/governance/agendas/{id}/proposal", () -> {
                    String agenda = create("/agendas", AGENDA);
                    return Target.of(API + "/agendas/" + agenda + "/proposal").body("{\"proposal\":\"월 10만원 주거비 6개월 지원\"}")
                            .readBack(() -> read("/agendas?district=" + GEUMCHEON + "&year=2030"));
                })
                .sample("POST /api/v1/governance/agendas/{id}/reflection", () -> {
                    String agenda = create("/agendas", AGENDA);
                    given().auth().oauth2(officer).contentType("application/json").body("{\"proposal\":\"주거비 지원\"}")
                            .post(API + "/agendas/" + agenda + "/proposal").then().statusCode(200);
                    return Target.of(API + "/agendas/" + agenda + "/reflection")
                            .body("{\"outcome\":\"BUDGETED_NEXT_YEAR\",\"detail\":\"차년도 본예산 편성\"}")
                            .readBack(() -> read("/agendas?district=" + GEUMCHEON + "&year=2030"));
                })
                .sample("POST /api/v1/governance/districts/{district}/coordination-meetings", () ->
                        Target.of(API + "/districts/" + GEUMCHEON + "/coordination-meetings").body("{\"heldOn\":\"2026-01-14\","
                                + "\"seoul\":[\"청년청 주무관\"],\"gu\":[\"금천구 청년정책팀장\"],\"privateParticipants\":[\"운영위원\"],"
                                + "\"experts\":[\"컨설턴트\"],\"decisions\":[\"본예산 반영 추진\"]}"))
                .sample("GET /api/v1/governance/districts/{district}/coordination-meetings", () ->
                        Target.of(API + "/districts/" + GEUMCHEON + "/coordination-meetings"))
                // Forums, outreach, TF
                .sample("POST /api/v1/governance/forums", () -> Target.of(API + "/forums").body("{\"district\":\"" + GEUMCHEON
                                + "\",\"heldOn\":\"2026-01-15\",\"kind\":\"DELIBERATION\",\"topic\":\"매트릭스 숙의\",\"participants\":12}")
                        .readBack(() -> read("/forums?district=" + GEUMCHEON + "&year=2026")))
                .sample("POST /api/v1/governance/outreach/districts/{district}/meetings", Sample.of(() ->
                                Target.of(API + "/outreach/districts/" + GEUMCHEON + "/meetings").body("{\"kind\":\"MEETING\","
                                        + "\"heldOn\":\"2026-01-16\",\"participants\":3,\"result\":\"매트릭스 간담회\"}")
                                        .readBack(() -> read("/outreach/districts?year=2026")))
                        .sameDistrictAnswers(422, "meetings are taken only in a programme year; loading the 2016 programme "
                                + "belongs to OutreachResourceTest, which counts what it loads"))
                .sample("POST /api/v1/governance/outreach/districts/{district}/consulting-requests", () ->
                        Target.of(API + "/outreach/districts/" + GEUMCHEON + "/consulting-requests")
                                .body("{\"requestedOn\":\"2026-01-17\",\"topic\":\"매트릭스 컨설팅\"}"))
                .sample("GET /api/v1/governance/outreach/districts/{district}/consulting-requests", () ->
                        Target.of(API + "/outreach/districts/" + GEUMCHEON + "/consulting-requests"))
                .sample("POST /api/v1/governance/tf/districts/{district}/participation-bodies", () ->
                        Target.of(API + "/tf/districts/" + GEUMCHEON + "/participation-bodies").body("{\"year\":2030,\"name\":\"매트릭스 "
                                + UUID.randomUUID() + "\",\"manager\":\"이매니저\",\"memberCount\":45}"))
                // Participation-body members (the district's officer keeps its own body's roster)
                .sample("POST /api/v1/governance/tf/body-members", () -> Target.of(API + "/tf/body-members").body(BODY_MEMBER)
                        .readBack(() -> read("/audit?size=1")))
                .sample("GET /api/v1/governance/tf/body-members/{id}", () ->
                        Target.of(API + "/tf/body-members/" + create("/tf/body-members", BODY_MEMBER)))
                .sample("PUT /api/v1/governance/tf/body-members/{id}", () -> {
                    String member = create("/tf/body-members", BODY_MEMBER);
                    return Target.of(API + "/tf/body-members/" + member).body(BODY_MEMBER.replace("true", "false"))
                            .readBack(() -> read("/tf/body-members/" + member));
                })
                .sample("DELETE /api/v1/governance/tf/body-members/{id}", () -> {
                    String member = create("/tf/body-members", BODY_MEMBER);
                    return Target.of(API + "/tf/body-members/" + member).readBack(() -> read("/tf/body-members/" + member));
                })
                .sample("POST /api/v1/governance/tf/body-members/{id}/terms", () -> {
                    String member = create("/tf/body-members", BODY_MEMBER);
                    return Target.of(API + "/tf/body-members/" + member + "/terms").body(bodyTerm(participationBody()))
                            .readBack(() -> read("/tf/body-members/" + member));
                })
                .sample("DELETE /api/v1/governance/tf/body-members/{id}/terms/{termId}", () -> {
                    String member = create("/tf/body-members", BODY_MEMBER);
                    String term = given().auth().oauth2(officer).contentType("application/json").body(bodyTerm(participationBody()))
                            .post(API + "/tf/body-members/" + member + "/terms").then().statusCode(201).extract().path("terms[0].id");
                    return Target.of(API + "/tf/body-members/" + member + "/terms/" + term).readBack(() -> read("/tf/body-members/" + member));
                })
                .districtFree("GET /api/v1/governance/tf/officers/{id}",
                        "협력관 are the city TF's own staff, listed publicly; any officer may read one's appointments (contacts only for CITY_ADMIN)")
                // Youth council members (the district's officer seats its own)
                .sample("POST /api/v1/governance/youth-council/members", () -> Target.of(API + "/youth-council/members")
                        .body(COUNCIL_MEMBER).readBack(() -> read("/youth-council/members?year=2030")))
                .sample("GET /api/v1/governance/youth-council/members/{id}", () ->
                        Target.of(API + "/youth-council/members/" + create("/youth-council/members", COUNCIL_MEMBER)))
                .sample("PUT /api/v1/governance/youth-council/members/{id}", () -> {
                    String member = create("/youth-council/members", COUNCIL_MEMBER);
                    return Target.of(API + "/youth-council/members/" + member).body(COUNCIL_MEMBER.replace("1995", "1996"))
                            .readBack(() -> read("/youth-council/members/" + member));
                })
                .sample("DELETE /api/v1/governance/youth-council/members/{id}", () -> {
                    String member = create("/youth-council/members", COUNCIL_MEMBER);
                    return Target.of(API + "/youth-council/members/" + member).readBack(() -> read("/youth-council/members/" + member));
                })
                // Innovation contests (the district's officers run their own)
                .sample("POST /api/v1/governance/contests", () -> Target.of(API + "/contests").body(CONTEST)
                        .readBack(() -> read("/audit?size=1")))
                .sample("POST /api/v1/governance/contests/{id}/entries", () -> {
                    String contest = create("/contests", CONTEST);
                    return Target.of(API + "/contests/" + contest + "/entries").body(ENTRY).readBack(() -> read("/contests/" + contest));
                })
                .sample("PUT /api/v1/governance/contests/{id}/entries/{entryId}/review", () -> {
                    String contest = create("/contests", CONTEST);
                    String entry = create("/contests/" + contest + "/entries", ENTRY);
                    return Target.of(API + "/contests/" + contest + "/entries/" + entry + "/review").body(REVIEW)
                            .readBack(() -> read("/contests/" + contest));
                })
                .sample("POST /api/v1/governance/contests/{id}/vote", () -> {
                    String contest = create("/contests", CONTEST);
                    // All entries first: the first review closes the entries.
                    for (String entry : List.of(create("/contests/" + contest + "/entries", ENTRY), create("/contests/" + contest + "/entries", ENTRY))) {
                        given().auth().oauth2(officer).contentType("application/json").body(REVIEW)
                                .put(API + "/contests/" + contest + "/entries/" + entry + "/review").then().statusCode(200);
                    }
                    return Target.of(API + "/contests/" + contest + "/vote")
                            .body("{\"opensAt\":\"2030-08-02T00:00:00Z\",\"closesAt\":\"2030-08-09T00:00:00Z\"}")
                            .readBack(() -> read("/contests/" + contest));
                })
                // Sortitions
                .sample("POST /api/v1/governance/sortitions", () -> Target.of(API + "/sortitions").body(sortition(true))
                        .readBack(() -> read("/audit?size=1")))
                .sample("GET /api/v1/governance/sortitions/{id}", () -> Target.of(API + "/sortitions/" + drawn))
                .sample("GET /api/v1/governance/sortitions/{id}/distribution", () -> Target.of(API + "/sortitions/" + drawn + "/distribution"))
                .sample("GET /api/v1/governance/sortitions/{id}/verification", () -> Target.of(API + "/sortitions/" + drawn + "/verification"))
                .sample("POST /api/v1/governance/sortitions/{id}/draw", () -> {
                    // The officer brings the seed the creation handed out (the service keeps only its commitment).
                    var created = given().auth().oauth2(officer).contentType("application/json").body(sortition(false))
                            .post(API + "/sortitions").then().statusCode(201).extract().jsonPath();
                    String committed = created.getString("id");
                    return Target.of(API + "/sortitions/" + committed + "/draw")
                            .body("{\"seed\":\"" + created.getString("sealedSeed") + "\",\"publicValue\":\"07-19-23-31-42-45\"}")
                            .readBack(() -> read("/sortitions/" + committed));
                })
                .run();
        assertTrue(result.mismatches().isEmpty(), result::report);
    }

    private String create(String path, String body) {
        return given().auth().oauth2(officer).contentType("application/json").body(body).post(API + path).then().statusCode(201)
                .extract().path("id");
    }

    private String participationBody() {
        return create("/tf/districts/" + GEUMCHEON + "/participation-bodies",
                "{\"year\":2030,\"name\":\"매트릭스 " + UUID.randomUUID() + "\",\"memberCount\":10}");
    }

    private static String bodyTerm(String body) {
        return "{\"bodyId\":\"" + body + "\",\"role\":\"MEMBER\",\"domain\":\"주거\",\"termStart\":\"2030-03-01\",\"termEnd\":\"2031-02-28\"}";
    }

    private String read(String path) {
        return given().auth().oauth2(admin).get(API + path).asString();
    }

    /** A 금천구 jury of 2 from 4 volunteers, drawn at once or only committed to a seed. */
    private static String sortition(boolean drawNow) {
        return "{\"district\":\"" + GEUMCHEON + "\",\"title\":\"매트릭스 배심원\",\"panelSize\":2,\"reserves\":0,\"drawNow\":" + drawNow
                + ",\"pool\":[{\"id\":\"v1\",\"features\":{\"sex\":\"F\"}},{\"id\":\"v2\",\"features\":{\"sex\":\"M\"}},"
                + "{\"id\":\"v3\",\"features\":{\"sex\":\"F\"}},{\"id\":\"v4\",\"features\":{\"sex\":\"M\"}}]}";
    }
}
