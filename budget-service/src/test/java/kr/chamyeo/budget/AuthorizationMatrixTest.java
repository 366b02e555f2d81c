package kr.chamyeo.budget;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.budget.Budget.GEUMCHEON;
import static kr.chamyeo.budget.Budget.OFFICER;
import static kr.chamyeo.budget.Budget.post;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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
 * every operation a district role may call × {same district, other district, no district}. The samples are 금천구
 * cycles of fiscal years from 2060 on, so the other tests' years and figures stay untouched. Public proposal reads
 * show a proposer's contact to the district's officers and to nobody else.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AuthorizationMatrixTest {

    /** Operations anyone may call without a token; any other operation must state its roles. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/budget/cycles",
            "GET /api/v1/budget/cycles/{id}",
            "GET /api/v1/budget/cycles/{cycleId}/assembly",
            "GET /api/v1/budget/cycles/{cycleId}/execution",
            "GET /api/v1/budget/cycles/{cycleId}/export.pb",
            "GET /api/v1/budget/cycles/{cycleId}/proposals",
            "GET /api/v1/budget/cycles/{cycleId}/proposals/{id}",
            "GET /api/v1/budget/cycles/{cycleId}/results",
            "GET /api/v1/budget/districts/{code}/school-sessions",
            "GET /api/v1/budget/districts/{code}/statistics",
            "POST /api/v1/budget/simulations");

    private static final long M = 1_000_000;
    private static final String CYCLES = "/api/v1/budget/cycles";
    private static final String SCHOOL = "/api/v1/budget/districts/" + GEUMCHEON + "/school-sessions";
    private static final AtomicInteger YEAR = new AtomicInteger(2060);
    private static final int SCHOOL_YEAR = 2099;
    private static final String STATISTICS = "/api/v1/budget/districts/" + GEUMCHEON + "/statistics";
    /** Imported statistics years, apart from the cycles' years so that no cycle's live figures hide them. */
    private static final AtomicInteger IMPORT_YEAR = new AtomicInteger(2080);
    private static final String CONTACT = "010-5555-0199";
    private static final String PERSONAL = "proposers' contacts are shown to officers of the cycle's district only";
    private final String admin = TestTokens.cityAdmin();

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() throws Exception {
        long intake = cycle();
        Map<String, Object> contacted = Budget.proposal("매트릭스 연락처 제안", "welfare", 10 * M, false);
        contacted.put("contact", Map.of("name", "김연락", "phone", CONTACT));
        long withContact = Budget.submit(intake, contacted);
        long adopted = adoptedProposal();
        long session = post(OFFICER, "/districts/" + GEUMCHEON + "/school-sessions", Map.of("fiscalYear", SCHOOL_YEAR,
                "title", "매트릭스 예산학교", "heldOn", "2059-03-15", "mode", "OFFLINE")).statusCode(201).extract().jsonPath().getLong("id");
        AtomicInteger attendee = new AtomicInteger();

        AuthorizationMatrix.Result result = AuthorizationMatrix.forOperations(PUBLIC)
                // Public reads: a proposer's contact is personal data for the district's officers only.
                .sample("GET /api/v1/budget/cycles/{cycleId}/proposals/{id}", Sample.of(() ->
                        Target.of(CYCLES + "/" + intake + "/proposals/" + withContact)).filtersOtherDistrict(PERSONAL, CONTACT))
                .sample("GET /api/v1/budget/cycles/{cycleId}/proposals", Sample.of(() ->
                        Target.of(CYCLES + "/" + intake + "/proposals?size=100")).filtersOtherDistrict(PERSONAL, CONTACT))
                .sample("POST /api/v1/budget/cycles", () -> {
                    int year = YEAR.getAndIncrement();
                    return Target.of(CYCLES).body(cycleBody(year))
                            .readBack(() -> read(CYCLES + "?district=" + GEUMCHEON + "&year=" + year));
                })
                .sample("POST /api/v1/budget/cycles/{cycleId}/proposals", Sample.perRole(role ->
                        Target.of(CYCLES + "/" + intake + "/proposals").body(proposal(role))).bindsResidents())
                .sample("POST /api/v1/budget/cycles/{cycleId}/proposals/{id}/department-review", () -> {
                    long id = Budget.submit(intake, Budget.proposal("매트릭스 부서검토", "welfare", 10 * M, false));
                    return Target.of(CYCLES + "/" + intake + "/proposals/" + id + "/department-review")
                            .body(Map.of("department", "아동청년과", "decision", "ACCEPT", "opinion", "검토 완료", "amount", 10 * M))
                            .readBack(() -> read(CYCLES + "/" + intake + "/proposals/" + id));
                })
                .sample("POST /api/v1/budget/cycles/{cycleId}/proposals/{id}/pre-review", () -> {
                    long id = Budget.submit(intake, Budget.proposal("매트릭스 사전검토", "welfare", 10 * M, false));
                    Budget.departmentAccept(intake, id, 10 * M);
                    return Target.of(CYCLES + "/" + intake + "/proposals/" + id + "/pre-review").body(Map.of("decision", "PASS"))
                            .readBack(() -> read(CYCLES + "/" + intake + "/proposals/" + id));
                })
                .sample("POST /api/v1/budget/cycles/{cycleId}/subcommittees/{code}/forwarding", () -> {
                    long cycle = cycle();
                    long id = Budget.reviewed(cycle, "매트릭스 분과심의", "welfare", 10 * M, false);
                    return Target.of(CYCLES + "/" + cycle + "/subcommittees/welfare/forwarding").body(Map.of("proposalIds", List.of(id)))
                            .readBack(() -> read(CYCLES + "/" + cycle + "/proposals"));
                })
                .sample("POST /api/v1/budget/cycles/{cycleId}/assembly", () -> {
                    long cycle = cycle();
                    Budget.forward(cycle, "welfare", List.of(Budget.reviewed(cycle, "매트릭스 총회", "welfare", 10 * M, false)));
                    return Target.of(CYCLES + "/" + cycle + "/assembly").body(Map.of());
                })
                .sample("POST /api/v1/budget/cycles/{cycleId}/proposals/{id}/execution-reports", () ->
                        Target.of(CYCLES + "/" + adopted + "/proposals/" + adoptedId + "/execution-reports")
                                .body(Map.of("reportedOn", LocalDate.now().minusDays(1).toString(), "granted", 5 * M, "spent", 0,
                                        "status", "IN_PROGRESS"))
                                .readBack(() -> read(CYCLES + "/" + adopted + "/execution")))
                .sample("POST /api/v1/budget/districts/{code}/school-sessions", () -> Target.of(SCHOOL)
                        .body(Map.of("fiscalYear", SCHOOL_YEAR, "title", "매트릭스 회차", "heldOn", "2059-04-01", "mode", "ONLINE")))
                .sample("POST /api/v1/budget/districts/{code}/school-sessions/{id}/attendance", () -> Target.of(SCHOOL + "/" + session
                        + "/attendance").body(Map.of("participants", List.of("참가자" + attendee.incrementAndGet())))
                        .readBack(() -> read(SCHOOL + "?year=" + SCHOOL_YEAR)))
                .sample("POST /api/v1/budget/districts/{code}/statistics", () -> {
                    int year = IMPORT_YEAR.getAndIncrement();
                    return Target.of(STATISTICS).body(Map.of("fiscalYear", year, "proposals", 10, "requestedAmount", 100 * M,
                                    "adopted", 3, "adoptedAmount", 30 * M, "mobileVoters", 500, "source", "매트릭스 자료"))
                            .readBack(() -> read(STATISTICS + "?from=" + year + "&to=" + year));
                })
                .run();
        assertTrue(result.mismatches().isEmpty(), result::report);
    }

    private long adoptedId;

    /** A 2060+ cycle whose only proposal went through the 총회 and was adopted, for execution reports. */
    private long adoptedProposal() throws Exception {
        long cycle = cycle();
        adoptedId = Budget.reviewed(cycle, "매트릭스 집행 사업", "welfare", 10 * M, false);
        Budget.forward(cycle, "welfare", List.of(adoptedId));
        post(OFFICER, "/cycles/" + cycle + "/assembly", Map.of()).statusCode(200);
        Budget.runBallot(cycle, "RESIDENTS", Budget.box(2, Map.of("p-" + adoptedId, 2)), 1000);
        Budget.runBallot(cycle, "COMMITTEE", Budget.box(1, Map.of("p-" + adoptedId, 1)), 1000);
        Budget.awaitStatus(cycle, "DECIDED");
        return cycle;
    }

    private static Map<String, Object> cycleBody(int year) {
        return Budget.cycle(year, "RESIDENT", 1000 * M, 100 * M, 20 * M, List.of(Budget.subcommittee("welfare", "복지분과", 500 * M)));
    }

    private static long cycle() {
        return Budget.createCycle(cycleBody(YEAR.getAndIncrement()));
    }

    /** Residents propose (주민참여형); officers and partner systems absorb proposals with their channel (일반참여형). */
    private static Map<String, Object> proposal(String role) {
        Map<String, Object> body = Budget.proposal("매트릭스 제안 " + role, "welfare", 10 * M, false);
        if (!role.equals("RESIDENT")) {
            body.put("sourceChannel", "금천1번가");
        }
        return body;
    }

    private String read(String path) {
        return given().auth().oauth2(admin).get(path).asString();
    }
}
