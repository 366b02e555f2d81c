package kr.chamyeo.community.space;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class SpaceBookingTest {

    private static final String API = "/api/v1/community";

    static String resident(String subject) {
        return TestTokens.resident(subject, "11545", "독산1동", 1980, "M");
    }

    static String registerSpace(String token, String name, int capacity) {
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"독산1동\",\"name\":\"" + name + "\",\"kind\":\"VITALITY_CENTRE\","
                        + "\"address\":\"서울 금천구 독산로 1\",\"capacity\":" + capacity + ",\"facilities\":[\"빔프로젝터\",\"주방\"],"
                        + "\"opensAt\":\"09:00\",\"closesAt\":\"22:00\",\"rules\":\"음식물 반입 금지\"}")
                .post(API + "/spaces").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse book(String subject, String space, String day, String from, String to, int attendees) {
        // Times are Seoul local (+09:00).
        return given().auth().oauth2(resident(subject)).contentType("application/json")
                .body("{\"startsAt\":\"" + day + "T" + from + ":00+09:00\",\"endsAt\":\"" + day + "T" + to + ":00+09:00\","
                        + "\"purpose\":\"이웃만들기 모임\",\"attendees\":" + attendees + "}")
                .post(API + "/spaces/" + space + "/bookings").then();
    }

    static ValidatableResponse decide(String token, String booking, String decision) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"decision\":\"" + decision + "\",\"reason\":\"사유\"}")
                .post(API + "/bookings/" + booking + "/decision").then();
    }

    @Test
    void concurrentApprovalsOfOverlappingBookingsLetExactlyOneWin() throws Exception {
        String manager = TestTokens.partner("11545");
        String space = registerSpace(manager, "독산 마을활력소 " + UUID.randomUUID(), 30);
        int n = 8;
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Each overlaps the others: all contain 14:00–15:00.
            bookings.add(book("racer-" + i, space, "2031-03-10", (13 + i % 2) + ":00", (15 + i % 3) + ":00", 10)
                    .statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String b : bookings) {
            results.add(pool.submit(() -> {
                start.await();
                var response = given().auth().oauth2(manager).contentType("application/json").body("{\"decision\":\"APPROVED\"}")
                        .post(API + "/bookings/" + b + "/decision");
                if (response.statusCode() == 409) {
                    assertEquals("application/problem+json", response.contentType());
                    assertEquals("https://chamyeo.seoul.kr/problems/booking-overlap", response.jsonPath().getString("type"));
                }
                return response.statusCode();
            }));
        }
        start.countDown();
        int won = 0;
        int lost = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            won += status == 200 ? 1 : 0;
            lost += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won, "exactly one approval wins");
        assertEquals(n - 1, lost);
        given().auth().oauth2(manager).get(API + "/spaces/" + space + "/bookings").then().statusCode(200)
                .body("findAll { it.status == 'APPROVED' }", hasSize(1))
                .body("findAll { it.status == 'REQUESTED' }", hasSize(n - 1));
    }

    @Test
    void anApprovalAndACancellationAtTheSameMomentLeaveTheSpaceConsistent() throws Exception {
        String manager = TestTokens.officer("11545");
        String space = registerSpace(manager, "동시 취소 " + UUID.randomUUID(), 20);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int day = 10; day < 14; day++) {
            String date = "2031-08-" + day;
            String owner = "취소자-" + day;
            String booking = book(owner, space, date, "10:00", "11:00", 5).statusCode(201).extract().path("id");
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> approve = pool.submit(() -> {
                start.await();
                return given().auth().oauth2(manager).contentType("application/json").body("{\"decision\":\"APPROVED\"}")
                        .post(API + "/bookings/" + booking + "/decision").statusCode();
            });
            Future<Integer> cancel = pool.submit(() -> {
                start.await();
                return given().auth().oauth2(resident(owner)).post(API + "/bookings/" + booking + "/cancellation").statusCode();
            });
            start.countDown();
            assertEquals(200, cancel.get(), "a requested or approved booking can always be cancelled");
            int approved = approve.get();
            assertEquals(true, approved == 200 || approved == 409, "approval: " + approved);
            // Whatever the order, the booking ends cancelled and does not hold the space.
            given().auth().oauth2(manager).get(API + "/spaces/" + space + "/bookings").then()
                    .body("find { it.id == '" + booking + "' }.status", equalTo("CANCELLED"));
            given().get(API + "/spaces/" + space + "?date=" + date).then().body("busy", hasSize(0));
        }
        pool.shutdown();
    }

    @Test
    void adjacentBookingsFitAndCancellationFreesTheSlot() {
        String manager = TestTokens.officer("11545");
        String space = registerSpace(manager, "우리마을공간 " + UUID.randomUUID(), 20);
        String morning = book("a", space, "2031-04-01", "10:00", "12:00", 5).statusCode(201).extract().path("id");
        String noon = book("b", space, "2031-04-01", "12:00", "14:00", 5).statusCode(201).extract().path("id");
        String clash = book("c", space, "2031-04-01", "11:00", "13:00", 5).statusCode(201).extract().path("id");
        decide(manager, morning, "APPROVED").statusCode(200).body("status", equalTo("APPROVED"));
        decide(manager, noon, "APPROVED").statusCode(200);
        decide(manager, clash, "APPROVED").statusCode(409).contentType("application/problem+json");
        // A new request over an approved slot is refused at once.
        book("d", space, "2031-04-01", "11:30", "12:30", 5).statusCode(409);
        given().get(API + "/spaces/" + space + "?date=2031-04-01").then().statusCode(200).body("busy", hasSize(2));
        given().auth().oauth2(resident("a")).post(API + "/bookings/" + morning + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().auth().oauth2(resident("a")).post(API + "/bookings/" + morning + "/cancellation").then().statusCode(409);
        // Still overlaps the noon booking: 11:00–13:00 against 12:00–14:00.
        decide(manager, clash, "APPROVED").statusCode(409);
        String later = book("c", space, "2031-04-01", "10:00", "12:00", 5).statusCode(201).extract().path("id");
        decide(manager, later, "APPROVED").statusCode(200);
        decide(manager, clash, "REJECTED").statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void residentsSearchAndSeeTheirOwnBookings() {
        String manager = TestTokens.officer("11545");
        String big = registerSpace(manager, "큰방 " + UUID.randomUUID(), 80);
        registerSpace(manager, "작은방 " + UUID.randomUUID(), 8);
        given().queryParam("district", "11545").queryParam("dong", "독산1동").queryParam("capacity", 50)
                .get(API + "/spaces").then().statusCode(200).body("id", hasItem(big)).body("capacity", everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(50)));
        given().queryParam("district", "11110").get(API + "/spaces").then().statusCode(200).body("id", not(hasItem(big)));
        String mine = "mine-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        String booking = book(mine, big, "2031-05-02", "09:00", "10:00", 40).statusCode(201).extract().path("id");
        book(other, big, "2031-05-02", "10:00", "11:00", 40).statusCode(201);
        given().auth().oauth2(resident(mine)).get(API + "/bookings/mine").then().statusCode(200)
                .body("id", equalTo(List.of(booking))).body("[0].status", equalTo("REQUESTED"));
        // Manager names do not leak to the public; requesters are not in the public space view.
        given().get(API + "/spaces/" + big + "?date=2031-05-02").then().statusCode(200)
                .body("toString()", not(org.hamcrest.Matchers.containsString(mine)));
    }

    /** Issue 23: 독산1동 typed decomposed (NFD) or with odd spacing, in the space or in the search, is 독산1동. */
    @Test
    void aDongTypedInNfdOrSpacedFindsTheSameSpaces() {
        String name = "다목적실 " + UUID.randomUUID();
        String nfd = Normalizer.normalize("독산1동", Normalizer.Form.NFD);
        String id = given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body(Map.of("district", "11545", "dong", " " + nfd.replace("1", " 1") + "\u00a0", "name", Normalizer.normalize(name, Normalizer.Form.NFD),
                        "kind", "OTHER", "address", "서울 금천구 독산로 2", "capacity", 12, "opensAt", "09:00", "closesAt", "18:00"))
                .post(API + "/spaces").then().statusCode(201).body("dong", equalTo("독산1동")).body("name", equalTo(name))
                .extract().path("id");
        for (String dong : List.of("독산1동", nfd, "독산 1동")) {
            given().queryParam("district", "11545").queryParam("dong", dong).get(API + "/spaces").then().statusCode(200)
                    .body("id", hasItem(id));
        }
    }

    @Test
    void rolesAndDistricts() {
        String manager = TestTokens.partner("11545");
        String space = registerSpace(manager, "권한 " + UUID.randomUUID(), 20);
        given().auth().oauth2(TestTokens.partner("11110")).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"독산1동\",\"name\":\"x\",\"kind\":\"OTHER\",\"address\":\"x\",\"capacity\":5,\"opensAt\":\"09:00\",\"closesAt\":\"18:00\"}")
                .post(API + "/spaces").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(resident("r")).contentType("application/json").body("{}").post(API + "/spaces").then().statusCode(403);
        String booking = book("owner", space, "2031-06-01", "10:00", "11:00", 5).statusCode(201).extract().path("id");
        decide(TestTokens.partner("11110"), booking, "APPROVED").statusCode(403);
        decide(TestTokens.officer("11110"), booking, "APPROVED").statusCode(403);
        given().auth().oauth2(resident("intruder")).post(API + "/bookings/" + booking + "/cancellation").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11110")).get(API + "/spaces/" + space + "/bookings").then().statusCode(403);
        given().post(API + "/bookings/" + booking + "/cancellation").then().statusCode(401);
        // An officer of the space's district may decide for it.
        decide(TestTokens.officer("11545"), booking, "APPROVED").statusCode(200);
    }

    @Test
    void badInputIsProblemJson() {
        String manager = TestTokens.officer("11545");
        String space = registerSpace(manager, "검증 " + UUID.randomUUID(), 10);
        book("x", space, "2031-07-01", "08:00", "10:00", 5).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("startsAt"));
        book("x", space, "2031-07-01", "21:00", "23:00", 5).statusCode(422);
        book("x", space, "2031-07-01", "12:00", "11:00", 5).statusCode(422).body("errors[0].field", equalTo("endsAt"));
        book("x", space, "2031-07-01", "10:00", "11:00", 11).statusCode(422).body("errors[0].field", equalTo("attendees"))
                .body("capacity", equalTo(10));
        book("x", space, "2020-07-01", "10:00", "11:00", 5).statusCode(422).body("errors[0].field", equalTo("startsAt"));
        book("x", space, "2031-07-01", "10:00", "11:00", 0).statusCode(422).body("errors[0].field", equalTo("attendees"));
        given().auth().oauth2(manager).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"독산1동\",\"name\":\"x\",\"kind\":\"OTHER\",\"address\":\"x\",\"capacity\":5,\"opensAt\":\"18:00\",\"closesAt\":\"09:00\"}")
                .post(API + "/spaces").then().statusCode(422).body("errors[0].field", equalTo("closesAt"));
        given().auth().oauth2(manager).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"독산1동\",\"name\":\"x\",\"kind\":\"OTHER\",\"address\":\"x\",\"capacity\":5,\"opensAt\":\"9시\",\"closesAt\":\"18:00\"}")
                .post(API + "/spaces").then().statusCode(400).body("errors[0].field", equalTo("opensAt"));
        // A malformed query value is the caller's error, named (issue 26), not a missing resource.
        given().get(API + "/spaces?date=tomorrow").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("date"));
        given().get(API + "/spaces?capacity=0").then().statusCode(422);
        given().auth().oauth2(manager).contentType("application/json").body("{\"decision\":\"APPROVED\"}")
                .post(API + "/bookings/" + UUID.randomUUID() + "/decision").then().statusCode(404);
        String booking = book("x", space, "2031-07-01", "10:00", "11:00", 5).statusCode(201).extract().path("id");
        given().auth().oauth2(manager).contentType("application/json").body("{\"decision\":\"REJECTED\"}")
                .post(API + "/bookings/" + booking + "/decision").then().statusCode(422).body("errors[0].field", equalTo("reason"));
    }
}
