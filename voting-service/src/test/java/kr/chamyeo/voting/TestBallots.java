package kr.chamyeo.voting;

import static io.restassured.RestAssured.given;

import java.time.Instant;

import io.restassured.response.ValidatableResponse;
import kr.chamyeo.election.SelectionRule;
import kr.chamyeo.platform.testing.TestTokens;

/** Ballot definitions and calls shared by the service tests. */
public final class TestBallots {

    public static final String GEUMCHEON = "11545";
    public static final String OPTIONS = "[{\"key\":\"p-1\",\"label\":\"독산동 어린이 놀이터 개선\",\"cost\":50000000},"
            + "{\"key\":\"p-2\",\"label\":\"가산동 공원 조명\",\"cost\":120000000},"
            + "{\"key\":\"p-3\",\"label\":\"시흥동 작은도서관 책장\",\"cost\":80000000}]";

    private TestBallots() {
    }

    public static String spec(String eligibility, Instant opensAt, Instant closesAt, String rule, boolean live) {
        return "{\"title\":\"2021 금천구 주민참여예산 주민투표\",\"description\":\"최대 2개 선택\",\"ownerDistrict\":\"" + GEUMCHEON
                + "\",\"ownerDong\":null,\"eligibility\":" + eligibility + ",\"opensAt\":\"" + opensAt + "\",\"closesAt\":\"" + closesAt
                + "\",\"options\":" + OPTIONS + ",\"rule\":" + rule + ",\"liveResults\":" + live + "}";
    }

    public static String geumcheonResidents() {
        return "{\"districts\":[\"" + GEUMCHEON + "\"],\"dongs\":[],\"minAge\":null,\"maxAge\":null,\"requiredRole\":null}";
    }

    /** The rule of {@link #approval()} as a client-encrypted ballot proves it. */
    public static final SelectionRule APPROVAL_RULE = new SelectionRule(3, 1, 2, null, null);

    public static String approval() {
        return "{\"type\":\"APPROVAL\",\"minChoices\":1,\"maxChoices\":2,\"budgetLimit\":null}";
    }

    /** An open APPROVAL ballot of Geumcheon residents, closing in an hour; returns its id. */
    public static String open(boolean live) {
        return create(spec(geumcheonResidents(), Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), approval(), live))
                .statusCode(201).extract().path("id");
    }

    /** Creates an open APPROVAL ballot of {@code district}'s residents, owned by that district, as its officer. */
    public static ValidatableResponse createInDistrict(String district) {
        String residents = "{\"districts\":[\"" + district + "\"],\"dongs\":[],\"minAge\":null,\"maxAge\":null,\"requiredRole\":null}";
        return given().auth().oauth2(TestTokens.officer(district)).contentType("application/json")
                .body(spec(residents, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600), approval(), false)
                        .replace("\"ownerDistrict\":\"" + GEUMCHEON + "\"", "\"ownerDistrict\":\"" + district + "\""))
                .post("/api/v1/voting/ballots").then();
    }

    public static ValidatableResponse create(String spec) {
        TestElection.cityWide();
        return given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json").body(spec)
                .post("/api/v1/voting/ballots").then();
    }

    public static ValidatableResponse vote(String ballotId, String token, String... keys) {
        StringBuilder choices = new StringBuilder("[");
        for (int i = 0; i < keys.length; i++) {
            choices.append(i == 0 ? "" : ",").append('"').append(keys[i]).append('"');
        }
        return given().auth().oauth2(token).contentType("application/json").body("{\"choices\":" + choices + "]}")
                .post("/api/v1/voting/ballots/" + ballotId + "/votes").then();
    }

    /** Ends voting now, before closes-at, with the reason that then requires (issue 23). */
    public static ValidatableResponse close(String token, String ballotId) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"reason\":\"시험: 조기 마감\"}")
                .post("/api/v1/voting/ballots/" + ballotId + "/close").then();
    }

    public static String resident(String subject) {
        return TestTokens.resident(subject, GEUMCHEON, "독산1동", 1985, "F");
    }
}
