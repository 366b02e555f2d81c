package kr.chamyeo.community.space;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.community.space.SpaceBookingTest.book;
import static kr.chamyeo.community.space.SpaceBookingTest.decide;
import static kr.chamyeo.community.space.SpaceBookingTest.registerSpace;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ProgrammeSignUpTest {

    private static final String API = "/api/v1/community";

    /** Seoul-local session "day from–to" as JSON. */
    static String session(String day, String from, String to) {
        return "{\"startsAt\":\"" + day + "T" + from + ":00+09:00\",\"endsAt\":\"" + day + "T" + to + ":00+09:00\"}";
    }

    static String programme(String title, int capacity, String eligibility, boolean autoApprove, boolean waitlist, String... sessions) {
        return "{\"title\":\"" + title + "\",\"description\":\"주민 누구나 참여하는 목공 교실\",\"sessions\":[" + String.join(",", sessions) + "],"
                + "\"capacity\":" + capacity + ",\"eligibility\":\"" + eligibility + "\",\"autoApprove\":" + autoApprove
                + ",\"waitlist\":" + waitlist + ",\"signUpOpensAt\":\"2020-01-01T00:00:00Z\",\"signUpClosesAt\":\"2030-12-31T00:00:00Z\"}";
    }

    static ValidatableResponse publish(String token, String space, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(API + "/spaces/" + space + "/programmes").then();
    }

    static String resident(String subject) {
        return TestTokens.resident(subject, "11545", "독산1동", 1980, "F");
    }

    static ValidatableResponse signUp(String token, String programme) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"note\":\"초보자입니다\"}")
                .post(API + "/space-programmes/" + programme + "/sign-ups").then();
    }

    static ValidatableResponse decideSignUp(String token, String signUp, String decision) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"decision\":\"" + decision + "\",\"reason\":\"정원 관리\"}")
                .post(API + "/sign-ups/" + signUp + "/decision").then();
    }

    /** Runs the calls at the same moment and returns their statuses. */
    static List<Integer> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (Callable<Response> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> f : futures) {
            Response r = f.get();
            if (r.statusCode() >= 400) {
                assertEquals("application/problem+json", r.contentType(), r.asString());
            }
            statuses.add(r.statusCode());
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void sessionsAndBookingsNeverShareTheSpace() {
        String manager = TestTokens.partner("11545");
        String space = registerSpace(manager, "목공방 " + UUID.randomUUID(), 20);
        String booked = book("예약자", space, "2031-09-06", "10:00", "12:00", 5).statusCode(201).extract().path("id");
        decide(manager, booked, "APPROVED").statusCode(200);
        String requested = book("대기자", space, "2031-09-13", "10:00", "12:00", 5).statusCode(201).extract().path("id");

        // The second session overlaps the approved booking: nothing is published.
        publish(manager, space, programme("우리동네 목공 교실", 12, "DISTRICT", false, false,
                session("2031-08-30", "10:00", "12:00"), session("2031-09-06", "11:00", "13:00")))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/space-occupied")).body("session", equalTo(1));
        given().get(API + "/spaces/" + space + "/programmes").then().statusCode(200).body("$", hasSize(0));
        given().get(API + "/spaces/" + space + "?date=2031-08-30").then().body("busy", hasSize(0));

        String programme = publish(manager, space, programme("우리동네 목공 교실", 12, "DISTRICT", false, false,
                session("2031-09-13", "10:00", "12:00"), session("2031-08-30", "10:00", "12:00")))
                .statusCode(201).body("sessions.seq", equalTo(List.of(1, 2)))
                .body("sessions[0].startsAt", equalTo("2031-08-30T01:00:00Z")).body("remaining", equalTo(12))
                .extract().path("id");
        // A booking requested earlier cannot be approved over a session, and new requests are refused at once.
        decide(manager, requested, "APPROVED").statusCode(409).body("type", equalTo("https://chamyeo.seoul.kr/problems/booking-overlap"));
        book("늦은이", space, "2031-08-30", "11:30", "12:30", 5).statusCode(409);
        book("옆사람", space, "2031-08-30", "12:00", "13:00", 5).statusCode(201);
        given().get(API + "/spaces/" + space + "?date=2031-09-13").then().body("busy", hasSize(1))
                .body("busy[0].startsAt", equalTo("2031-09-13T01:00:00Z"));

        // Another programme may not take the same time either.
        publish(TestTokens.officer("11545"), space, programme("마을 합창단", 10, "SEOUL", true, false, session("2031-08-30", "11:00", "12:00")))
                .statusCode(409);

        // Cancelling the programme frees its times.
        given().auth().oauth2(manager).contentType("application/json").body("{\"reason\":\"강사 사정으로 취소합니다\"}")
                .post(API + "/space-programmes/" + programme + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("remaining", equalTo(0));
        decide(manager, requested, "APPROVED").statusCode(200);
        signUp(resident("늦은이"), programme).statusCode(409).body("type", equalTo("https://chamyeo.seoul.kr/problems/programme-cancelled"));
        EventProbe.read("community.spaces", v -> v.contains("\"SpaceProgrammeCancelled\"") && v.contains(programme), 1, Duration.ofSeconds(20));
        List<String> published = EventProbe.read("community.spaces", v -> v.contains("\"SpaceProgrammePublished\"") && v.contains(programme), 1,
                Duration.ofSeconds(20));
        assertTrue(published.get(0).contains("우리동네 목공 교실"), published.get(0));
    }

    @Test
    void aProgrammeAndBookingApprovalsRacingForOneHourLetExactlyOneWin() throws Exception {
        String manager = TestTokens.officer("11545");
        String space = registerSpace(manager, "경합 " + UUID.randomUUID(), 30);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String booking = book("경합-" + i, space, "2031-10-04", "14:00", "15:00", 5).statusCode(201).extract().path("id");
            calls.add(() -> given().auth().oauth2(manager).contentType("application/json").body("{\"decision\":\"APPROVED\"}")
                    .post(API + "/bookings/" + booking + "/decision"));
        }
        for (int i = 0; i < 3; i++) {
            String body = programme("주말 요가 " + i, 10, "SEOUL", true, false, session("2031-10-04", "14:30", "15:30"));
            calls.add(() -> given().auth().oauth2(manager).contentType("application/json").body(body).post(API + "/spaces/" + space + "/programmes"));
        }
        List<Integer> statuses = race(calls);
        assertEquals(1, statuses.stream().filter(s -> s == 200 || s == 201).count(), statuses.toString());
        assertEquals(calls.size() - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().get(API + "/spaces/" + space + "?date=2031-10-04").then().body("busy", hasSize(1));
    }

    @Test
    void concurrentFirstComeSignUpsTakeExactlyTheCapacity() throws Exception {
        String manager = TestTokens.partner("11545");
        String space = registerSpace(manager, "선착순 " + UUID.randomUUID(), 30);
        String programme = publish(manager, space, programme("어린이 그림책 읽기", 5, "DISTRICT", true, false, session("2031-11-01", "10:00", "11:00")))
                .statusCode(201).extract().path("id");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String token = resident("선착순-" + i);
            calls.add(() -> given().auth().oauth2(token).contentType("application/json").body("{}")
                    .post(API + "/space-programmes/" + programme + "/sign-ups"));
        }
        List<Integer> statuses = race(calls);
        assertEquals(5, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().get(API + "/space-programmes/" + programme).then().statusCode(200)
                .body("approved", equalTo(5)).body("remaining", equalTo(0)).body("waitlisted", equalTo(0));
        given().auth().oauth2(manager).get(API + "/space-programmes/" + programme + "/sign-ups").then().statusCode(200)
                .body("findAll { it.status == 'APPROVED' }", hasSize(5)).body("$", hasSize(5));
    }

    @Test
    void concurrentApprovalsNeverExceedTheCapacity() throws Exception {
        String manager = TestTokens.partner("11545");
        String space = registerSpace(manager, "승인 경합 " + UUID.randomUUID(), 30);
        String programme = publish(manager, space, programme("시니어 스마트폰 교실", 3, "DISTRICT", false, false, session("2031-11-02", "10:00", "11:00")))
                .statusCode(201).extract().path("id");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String signUp = signUp(resident("승인-" + i), programme).statusCode(201).body("status", equalTo("REQUESTED")).extract().path("id");
            calls.add(() -> given().auth().oauth2(manager).contentType("application/json").body("{\"decision\":\"APPROVED\"}")
                    .post(API + "/sign-ups/" + signUp + "/decision"));
        }
        given().get(API + "/space-programmes/" + programme).then().body("requested", equalTo(8)).body("approved", equalTo(0));
        List<Integer> statuses = race(calls);
        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().get(API + "/space-programmes/" + programme).then().body("approved", equalTo(3)).body("requested", equalTo(5));
    }

    @Test
    void theWaitlistMovesUpWhenAPlaceIsFreedAndResidentsSeeTheirOwn() {
        String manager = TestTokens.officer("11545");
        String space = registerSpace(manager, "대기자 " + UUID.randomUUID(), 30);
        String programme = publish(manager, space, programme("마을 요리 교실", 2, "DONG", true, true,
                session("2031-11-08", "10:00", "12:00"), session("2031-11-15", "10:00", "12:00")))
                .statusCode(201).extract().path("id");
        String[] people = {"김민지-" + UUID.randomUUID(), "이서준-" + UUID.randomUUID(), "박지우-" + UUID.randomUUID(), "최하윤-" + UUID.randomUUID()};
        String first = signUp(resident(people[0]), programme).statusCode(201).body("status", equalTo("APPROVED")).extract().path("id");
        signUp(resident(people[1]), programme).statusCode(201).body("status", equalTo("APPROVED"));
        String third = signUp(resident(people[2]), programme).statusCode(201).body("status", equalTo("WAITLISTED")).extract().path("id");
        String fourth = signUp(resident(people[3]), programme).statusCode(201).body("status", equalTo("WAITLISTED")).extract().path("id");
        signUp(resident(people[0]), programme).statusCode(409).body("type", equalTo("https://chamyeo.seoul.kr/problems/already-signed-up"));

        // Public reads show counts, never who.
        String publicView = given().get(API + "/space-programmes/" + programme).then().statusCode(200)
                .body("approved", equalTo(2)).body("waitlisted", equalTo(2)).body("remaining", equalTo(0)).extract().asString();
        for (String person : people) {
            assertTrue(!publicView.contains(person), publicView);
        }
        given().queryParam("district", "11545").queryParam("dong", "독산1동").queryParam("openOn", "2030-06-01")
                .get(API + "/space-programmes").then().statusCode(200).body("id", hasItem(programme))
                .body("toString()", not(containsString(people[0])));
        given().queryParam("openOn", "2031-06-01").get(API + "/space-programmes").then().statusCode(200).body("id", not(hasItem(programme)));

        given().auth().oauth2(resident(people[0])).post(API + "/sign-ups/" + first + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth().oauth2(resident(people[2])).get(API + "/sign-ups/mine").then().statusCode(200)
                .body("id", equalTo(List.of(third))).body("[0].status", equalTo("APPROVED")).body("[0].programmeTitle", equalTo("마을 요리 교실"));
        given().get(API + "/space-programmes/" + programme).then().body("approved", equalTo(2)).body("waitlisted", equalTo(1));
        // A waitlisted sign-up cancelling frees no place.
        given().auth().oauth2(resident(people[3])).post(API + "/sign-ups/" + fourth + "/cancellation").then().statusCode(200);
        given().get(API + "/space-programmes/" + programme).then().body("approved", equalTo(2)).body("waitlisted", equalTo(0));
        given().auth().oauth2(resident(people[3])).post(API + "/sign-ups/" + fourth + "/cancellation").then().statusCode(409);
        // After cancelling, one may sign up again (on the waitlist, the programme being full).
        signUp(resident(people[0]), programme).statusCode(201).body("status", equalTo("WAITLISTED"));

        given().auth().oauth2(resident(people[2])).get(API + "/participants/" + people[2] + "/history").then().statusCode(200)
                .body("entries.find { it.type == 'PROGRAMME_SIGN_UP' }.status", equalTo("APPROVED"))
                .body("entries.find { it.type == 'PROGRAMME_SIGN_UP' }.title", containsString("마을 요리 교실"));
        given().auth().oauth2(TestTokens.officer("11110")).get(API + "/participants/" + people[2] + "/history").then().statusCode(200)
                .body("entries", hasSize(0));
    }

    @Test
    void eligibilityRolesAndDistricts() {
        String manager = TestTokens.partner("11545");
        String space = registerSpace(manager, "권한 " + UUID.randomUUID(), 30);
        String dongOnly = publish(manager, space, programme("독산1동 주민 텃밭", 10, "DONG", false, false, session("2031-12-06", "10:00", "11:00")))
                .statusCode(201).extract().path("id");
        signUp(TestTokens.resident("옆동", "11545", "독산2동", 1980, "M"), dongOnly).statusCode(403).contentType("application/problem+json");
        signUp(TestTokens.resident("종로", "11110", "독산1동", 1980, "M"), dongOnly).statusCode(403);
        String districtWide = publish(manager, space, "{\"title\":\"청년 창업 모임\",\"sessions\":[" + session("2031-12-06", "13:00", "14:00") + "],"
                + "\"capacity\":10,\"eligibility\":\"DISTRICT\",\"minAge\":19,\"maxAge\":39,"
                + "\"signUpOpensAt\":\"2020-01-01T00:00:00Z\",\"signUpClosesAt\":\"2031-12-01T00:00:00Z\"}").statusCode(201).extract().path("id");
        signUp(TestTokens.resident("옆동", "11545", "독산2동", 2000, "M"), districtWide).statusCode(201);
        signUp(TestTokens.resident("어르신", "11545", "독산2동", 1950, "M"), districtWide).statusCode(403);
        signUp(TestTokens.resident("종로", "11110", "청운효자동", 2000, "M"), districtWide).statusCode(403);
        String signUp = signUp(resident("신청자"), dongOnly).statusCode(201).extract().path("id");

        // Another district's partner or officer may neither publish, decide, list nor cancel.
        publish(TestTokens.partner("11110"), space, programme("x", 5, "SEOUL", false, false, session("2031-12-07", "10:00", "11:00"))).statusCode(403);
        publish(TestTokens.officer("11110"), space, programme("x", 5, "SEOUL", false, false, session("2031-12-07", "10:00", "11:00"))).statusCode(403);
        // A partner of the same district that does not run this space is not its manager.
        publish(TestTokens.token("다른-운영기관", "PARTNER").district("11545").sign(), space,
                programme("x", 5, "SEOUL", false, false, session("2031-12-07", "10:00", "11:00"))).statusCode(403);
        decideSignUp(TestTokens.officer("11110"), signUp, "APPROVED").statusCode(403);
        decideSignUp(TestTokens.partner("11110"), signUp, "APPROVED").statusCode(403);
        given().auth().oauth2(TestTokens.officer("11110")).get(API + "/space-programmes/" + dongOnly + "/sign-ups").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body("{\"reason\":\"취소\"}")
                .post(API + "/space-programmes/" + dongOnly + "/cancellation").then().statusCode(403);
        given().auth().oauth2(resident("남")).post(API + "/sign-ups/" + signUp + "/cancellation").then().statusCode(403);
        given().auth().oauth2(resident("신청자")).contentType("application/json").body("{\"decision\":\"APPROVED\"}")
                .post(API + "/sign-ups/" + signUp + "/decision").then().statusCode(403);
        given().contentType("application/json").body("{}").post(API + "/space-programmes/" + dongOnly + "/sign-ups").then().statusCode(401);
        given().get(API + "/sign-ups/mine").then().statusCode(401);

        // The space's district officer decides; the manager sees names.
        decideSignUp(TestTokens.officer("11545"), signUp, "REJECTED").statusCode(200).body("status", equalTo("REJECTED"))
                .body("reason", equalTo("정원 관리"));
        decideSignUp(TestTokens.officer("11545"), signUp, "APPROVED").statusCode(409);
        given().auth().oauth2(manager).get(API + "/space-programmes/" + dongOnly + "/sign-ups").then().statusCode(200)
                .body("participant", equalTo(List.of("신청자")));
    }

    @Test
    void badInputIsProblemJsonAndChangesNothing() {
        String manager = TestTokens.officer("11545");
        String space = registerSpace(manager, "검증 " + UUID.randomUUID(), 10);
        publish(manager, space, programme("x", 5, "SEOUL", false, false, session("2031-12-13", "08:00", "10:00")))
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("sessions[0].startsAt"));
        publish(manager, space, programme("x", 5, "SEOUL", false, false, session("2031-12-13", "10:00", "12:00"), session("2031-12-13", "11:00", "13:00")))
                .statusCode(422).body("errors[0].field", equalTo("sessions[1].startsAt"));
        publish(manager, space, programme("x", 5, "SEOUL", false, false, session("2031-12-13", "12:00", "11:00")))
                .statusCode(422).body("errors[0].field", equalTo("sessions[0].endsAt"));
        publish(manager, space, programme("x", 5, "SEOUL", false, false, session("2021-12-13", "10:00", "11:00")))
                .statusCode(422).body("errors[0].field", equalTo("sessions[0].startsAt"));
        publish(manager, space, programme("x", 11, "SEOUL", false, false, session("2031-12-13", "10:00", "11:00")))
                .statusCode(422).body("errors[0].field", equalTo("capacity")).body("spaceCapacity", equalTo(10));
        publish(manager, space, programme("x", 5, "SEOUL", false, false))
                .statusCode(422).body("errors[0].field", containsString("sessions"));
        publish(manager, space, programme("", 5, "SEOUL", false, false, session("2031-12-13", "10:00", "11:00")))
                .statusCode(422).body("errors[0].field", containsString("title"));
        publish(manager, space, programme("x", 5, "동네", false, false, session("2031-12-13", "10:00", "11:00"))).statusCode(400);
        publish(manager, space, programme("x", 5, "SEOUL", false, false, session("2031-12-13", "10:00", "11:00"))
                .replace("\"signUpClosesAt\":\"2030-12-31T00:00:00Z\"", "\"signUpClosesAt\":\"2031-12-14T00:00:00Z\""))
                .statusCode(422).body("errors[0].field", equalTo("signUpClosesAt"));
        publish(manager, space, programme("x", 5, "SEOUL", false, false, session("2031-12-13", "10:00", "11:00"))
                .replace("\"signUpOpensAt\":\"2020-01-01T00:00:00Z\"", "\"signUpOpensAt\":\"2031-01-01T00:00:00Z\""))
                .statusCode(422).body("errors[0].field", equalTo("signUpClosesAt"));
        publish(manager, space, programme("x", 5, "SEOUL", false, false, session("2031-12-13", "10:00", "11:00"))
                .replace("\"capacity\":5", "\"capacity\":5,\"minAge\":40,\"maxAge\":20"))
                .statusCode(422).body("errors[0].field", equalTo("maxAge"));
        publish(manager, space, programme("x", 5, "SEOUL", false, false, session("2031-12-13", "10:00", "11:00")).replace("{\"title\"", "{\"colour\":1,\"title\""))
                .statusCode(400);
        publish(manager, UUID.randomUUID().toString(), programme("x", 5, "SEOUL", false, false, session("2031-12-13", "10:00", "11:00"))).statusCode(404);
        // Nothing of the refused programmes was stored or occupies the space.
        given().get(API + "/spaces/" + space + "/programmes").then().body("$", hasSize(0));
        given().get(API + "/spaces/" + space + "?date=2031-12-13").then().body("busy", hasSize(0));

        String notYetOpen = publish(manager, space, programme("봄 학기 목공", 5, "SEOUL", false, false, session("2031-12-13", "10:00", "11:00"))
                .replace("\"signUpOpensAt\":\"2020-01-01T00:00:00Z\"", "\"signUpOpensAt\":\"2030-11-01T00:00:00Z\"")).statusCode(201).extract().path("id");
        signUp(resident("이른이"), notYetOpen).statusCode(409).body("type", equalTo("https://chamyeo.seoul.kr/problems/sign-up-closed"));
        String open = publish(manager, space, programme("가을 학기 목공", 5, "SEOUL", false, false, session("2031-12-13", "11:00", "12:00")))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(resident("긴글")).contentType("application/json").body("{\"note\":\"" + "가".repeat(501) + "\"}")
                .post(API + "/space-programmes/" + open + "/sign-ups").then().statusCode(422).body("errors[0].field", containsString("note"));
        given().auth().oauth2(resident("무본문")).post(API + "/space-programmes/" + open + "/sign-ups").then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(resident("빈본문")).contentType("application/json").body("{}")
                .post(API + "/space-programmes/" + open + "/sign-ups").then().statusCode(201).body("note", equalTo(null));
        signUp(resident("없음"), UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
        String signUp = signUp(resident("거절대상"), open).statusCode(201).extract().path("id");
        given().auth().oauth2(manager).contentType("application/json").body("{\"decision\":\"REJECTED\"}")
                .post(API + "/sign-ups/" + signUp + "/decision").then().statusCode(422).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(manager).contentType("application/json").body("{\"decision\":\"MAYBE\"}")
                .post(API + "/sign-ups/" + signUp + "/decision").then().statusCode(400);
        decideSignUp(manager, UUID.randomUUID().toString(), "APPROVED").statusCode(404);
        given().auth().oauth2(manager).contentType("application/json").body("{}")
                .post(API + "/space-programmes/" + open + "/cancellation").then().statusCode(422).body("errors[0].field", containsString("reason"));
        given().get(API + "/space-programmes?openOn=내일").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("openOn"));
        given().get(API + "/space-programmes?district=99999").then().statusCode(422);
        given().get(API + "/space-programmes/" + open).then().body("requested", equalTo(2));
    }
}
