package kr.chamyeo.community.council;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/** Plays governance-service's and voting-service's parts with their exact messages on the real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CouncilExchangeTest {

    private static final String API = "/api/v1/community";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFICER = TestTokens.officer("11545");

    static String council(String dong, int seats, int reserves) {
        return given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"" + dong + "\",\"rolloutYear\":2019,\"seats\":" + seats + ",\"reserves\":" + reserves
                        + ",\"requiredEducationHours\":0}")
                .post(API + "/councils").then().statusCode(201).extract().path("id");
    }

    /** Every third applicant is 49 in the lottery year (the last age of "40대 이하"), the others 50 (the first outside it). */
    static List<String> applicants(String council, String dong, int n) {
        int lotteryYear = Year.now(ZoneOffset.UTC).getValue();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String token = TestTokens.resident(dong + "-" + i + "-" + UUID.randomUUID(), "11545", dong,
                    i % 3 == 0 ? lotteryYear - 49 : lotteryYear - 50, i % 2 == 0 ? "F" : "M");
            ids.add(given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"주민" + i + "\"}")
                    .post(API + "/councils/" + council + "/applicants").then().statusCode(201).extract().path("id"));
        }
        return ids;
    }

    static JsonNode published(String topic, String type, String marker) throws Exception {
        List<String> events = EventProbe.read(topic, v -> v.contains("\"" + type + "\"") && v.contains(marker), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size(), "exactly one " + type);
        return JSON.readTree(events.get(0));
    }

    @Test
    void lotteryExchangeSeatsTheDrawnMembersOnce() throws Exception {
        String dong = "독산" + UUID.randomUUID().toString().substring(0, 6) + "동";
        String council = council(dong, 10, 2);
        List<String> pool = applicants(council, dong, 14);
        // A lottery is a deliberate act: no body is a malformed request, not "the defaults".
        given().auth().oauth2(OFFICER).contentType("application/json")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(422).contentType("application/problem+json");
        given().get(API + "/councils/" + council + "/lotteries").then().body("size()", equalTo(0));
        // The answer hands out the seed once; only its commitment is stored and sent before the draw (issue 23).
        String sealedSeed = given().auth().oauth2(OFFICER).contentType("application/json").body("{}")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(202).body("status", equalTo("REQUESTED"))
                .extract().path("sealedSeed");
        String commitment = LotterySeal.commitment(sealedSeed);
        given().auth().oauth2(OFFICER).contentType("application/json").body("{}")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(409);
        given().auth().oauth2(OFFICER).get(API + "/councils/" + council + "/lotteries").then()
                .body("[0].seedCommitment", equalTo(commitment)).body("[0].seed", nullValue()).body("[0].sealedSeed", nullValue())
                .body("[0].publicValue", nullValue());
        assertNull(storedSeed(council), "the seed is not stored before the draw");

        JsonNode event = published("community.councils", "CouncilLotteryRequested", council);
        assertEquals(council, event.get("subject").asText());
        JsonNode data = event.get("data");
        String correlation = "council:" + council + ":1";
        assertEquals(correlation, data.get("correlationId").asText());
        assertEquals("11545", data.get("district").asText());
        assertEquals(dong, data.get("dong").asText());
        assertEquals(10, data.get("seats").asInt());
        assertEquals(2, data.get("reserves").asInt());
        assertEquals(14, data.get("pool").size());
        JsonNode first = data.get("pool").get(0);
        assertEquals(List.of("features", "household", "id"), fieldNames(first), "no names or contacts in the pool");
        assertTrue(first.get("household").isNull());
        assertEquals(dong, first.get("features").get("area").asText());
        assertEquals(JSON.readTree("[{\"feature\":\"sex\",\"value\":\"F\",\"min\":0,\"max\":6},{\"feature\":\"sex\",\"value\":\"M\",\"min\":0,\"max\":6},"
                + "{\"feature\":\"fortiesOrYounger\",\"value\":\"true\",\"min\":2,\"max\":10}]"), data.get("quotas"));
        long young = 0;
        for (JsonNode p : data.get("pool")) {
            young += p.get("features").get("fortiesOrYounger").asText().equals("true") ? 1 : 0;
        }
        assertEquals(5, young, "49 in the lottery year: applicants 0, 3, 6, 9, 12; the nine aged 50 are not in their forties");
        assertEquals(commitment, data.get("seedCommitment").asText());
        assertTrue(!event.toString().contains(sealedSeed), "the request sends the commitment, never the seed");

        // The ceremony: a wrong seed or no public value is refused and changes nothing; then one public value per round.
        String draw = API + "/councils/" + council + "/lotteries/1/draw";
        String wrongSeed = sealedSeed.substring(1) + (sealedSeed.charAt(0) == '0' ? "1" : "0");
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"seed\":\"" + wrongSeed + "\",\"publicValue\":\"07-19-23\"}")
                .post(draw).then().statusCode(422).contentType("application/problem+json").body("detail", containsString("seed"));
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"seed\":\"" + sealedSeed + "\"}")
                .post(draw).then().statusCode(422).contentType("application/problem+json").body("toString()", containsString("publicValue"));
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"seed\":\"" + sealedSeed + "\",\"publicValue\":\"  \"}")
                .post(draw).then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.officer("11680")).contentType("application/json")
                .body("{\"seed\":\"" + sealedSeed + "\",\"publicValue\":\"07-19-23\"}").post(draw).then().statusCode(403);
        given().get(API + "/councils/" + council + "/lotteries").then().body("[0].publicValue", nullValue());
        assertEquals(0, EventProbe.read("community.councils", v -> v.contains("CouncilLotteryDrawRequested") && v.contains(council), 1,
                Duration.ofSeconds(2)).size(), "nothing is sent for a refused draw");
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"seed\":\"" + sealedSeed.toUpperCase() + "\",\"publicValue\":\"07-19-23 추첨\"}")
                .post(draw).then().statusCode(202).body("publicValue", equalTo("07-19-23 추첨")).body("sealedSeed", nullValue());
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"seed\":\"" + sealedSeed + "\",\"publicValue\":\"01-02-03\"}")
                .post(draw).then().statusCode(409);
        JsonNode ceremony = published("community.councils", "CouncilLotteryDrawRequested", council).get("data");
        assertEquals(List.of("correlationId", "councilId", "publicValue", "seed"), fieldNames(ceremony));
        assertEquals(correlation, ceremony.get("correlationId").asText());
        assertEquals(sealedSeed, ceremony.get("seed").asText());
        assertEquals("07-19-23 추첨", ceremony.get("publicValue").asText());

        String selected = pool.subList(0, 10).stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        String drawn = "{\"correlationId\":\"" + correlation + "\",\"councilId\":\"" + council + "\",\"sortitionId\":\"s-1\","
                + "\"selected\":[" + selected + "],\"reserves\":[\"" + pool.get(12) + "\",\"" + pool.get(13) + "\"],"
                + "\"seedCommitment\":\"" + commitment + "\",\"seed\":\"" + sealedSeed + "\",\"publicValue\":\"07-19-23 추첨\"}";
        // An answer on another public value is not the ceremony's draw: it seats nobody.
        EventProbe.send("governance.sortitions", "s-0", EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/governance-service",
                "CouncilMembersDrawn", "s-0", drawn.replace("07-19-23 추첨", "01-02-03").replace("s-1", "s-0")));
        EventProbe.send("governance.sortitions", "s-1",
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/governance-service", "CouncilMembersDrawn", "s-1", drawn));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/councils/" + council + "/lotteries")
                .then().body("[0].status", equalTo("DRAWN")));
        // A second answer for the same correlation (here with other members) changes nothing.
        String other = drawn.replace(pool.get(0), pool.get(11)).replace("s-1", "s-2");
        EventProbe.send("governance.sortitions", "s-2",
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/governance-service", "CouncilMembersDrawn", "s-2", other));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        given().auth().oauth2(OFFICER).get(API + "/councils/" + council + "/seats").then().statusCode(200)
                .body("findAll { it.role == 'MEMBER' }", hasSize(10)).body("findAll { it.role == 'RESERVE' }.applicantId",
                        equalTo(List.of(pool.get(12), pool.get(13))))
                .body("applicantId", org.hamcrest.Matchers.hasItem(pool.get(0)))
                .body("applicantId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(pool.get(11))));
        given().get(API + "/councils/" + council + "/lotteries").then().body("[0].sortitionId", equalTo("s-1"))
                .body("[0].seed", equalTo(sealedSeed)).body("[0].publicValue", equalTo("07-19-23 추첨"));
        given().get(API + "/councils/" + council).then().body("members", equalTo(10)).body("toString()",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("주민0")));
    }

    private static String storedSeed(String council) {
        return QuarkusTransaction.requiringNew().call(() -> CouncilLottery.round(UUID.fromString(council), 1).seed);
    }

    @Test
    void failedLotteryIsRecordedAndAnotherRoundMayFollow() throws Exception {
        String dong = "시흥" + UUID.randomUUID().toString().substring(0, 6) + "동";
        String council = council(dong, 4, 0);
        applicants(council, dong, 5);
        given().auth().oauth2(OFFICER).contentType("application/json").body("{}")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(202);
        String correlation = "council:" + council + ":1";
        published("community.councils", "CouncilLotteryRequested", correlation);
        EventProbe.send("governance.sortitions", council, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/governance-service",
                "CouncilLotteryFailed", council, "{\"correlationId\":\"" + correlation + "\",\"councilId\":\"" + council
                        + "\",\"reason\":\"quotas cannot all be met\",\"conflictingQuotas\":[\"sex=F max 2\",\"sex=M max 2\"]}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/councils/" + council + "/lotteries")
                .then().body("[0].status", equalTo("FAILED")).body("[0].reason", equalTo("quotas cannot all be met")));
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"seats\":3}")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(202).body("round", equalTo(2))
                .body("correlationId", equalTo("council:" + council + ":2"));
    }

    @Test
    void generalMeetingVoteAdoptsMajorityItemsAndRecordsTurnout() throws Exception {
        String dong = "가산" + UUID.randomUUID().toString().substring(0, 6) + "동";
        String council = council(dong, 10, 0);
        String plan = given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"year\":2020,\"title\":\"2020 자치계획\",\"items\":[{\"title\":\"골목길 안심 조명\",\"cost\":7500000},"
                        + "{\"title\":\"마을 텃밭\",\"cost\":3000000},{\"title\":\"어르신 말벗 모임\"}]}")
                .post(API + "/councils/" + council + "/plans").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("turnoutTarget", equalTo(0.0412f)).extract().path("id");
        given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"opensAt\":\"2030-06-01T00:00:00Z\",\"closesAt\":\"2030-06-10T00:00:00Z\",\"eligibleResidents\":25000}")
                .post(API + "/councils/" + council + "/plans/" + plan + "/vote").then().statusCode(202).body("status", equalTo("VOTE_REQUESTED"));
        String correlation = "community:selfgov:" + plan + ":1";
        JsonNode request = published("voting.requests", "BallotRequested", correlation);
        assertEquals(correlation, request.get("subject").asText());
        JsonNode data = request.get("data");
        assertEquals("community-service", data.get("requester").asText());
        assertEquals("11545", data.get("ownerDistrict").asText());
        assertEquals(dong, data.get("ownerDong").asText());
        assertEquals(JSON.readTree("{\"districts\":[\"11545\"],\"dongs\":[\"" + dong + "\"],\"minAge\":null,\"maxAge\":null,\"requiredRole\":null}"), data.get("eligibility"));
        assertEquals("2030-06-01T00:00:00Z", data.get("opensAt").asText());
        assertEquals(JSON.readTree("[{\"key\":\"a-1\",\"label\":\"골목길 안심 조명\",\"cost\":7500000},{\"key\":\"a-2\",\"label\":\"마을 텃밭\",\"cost\":3000000},"
                + "{\"key\":\"a-3\",\"label\":\"어르신 말벗 모임\",\"cost\":null}]"), data.get("options"));
        assertEquals(JSON.readTree("{\"type\":\"APPROVAL\",\"minChoices\":1,\"maxChoices\":3,\"budgetLimit\":null}"), data.get("rule"));
        assertEquals(false, data.get("liveResults").asBoolean());
        assertNull(data.get("ballotId"));

        String ballot = UUID.randomUUID().toString();
        EventProbe.send("voting.ballots", ballot, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service", "BallotOpened", ballot,
                "{\"ballotId\":\"" + ballot + "\",\"correlationId\":\"" + correlation + "\",\"requester\":\"community-service\",\"title\":\"t\","
                        + "\"ownerDistrict\":\"11545\",\"opensAt\":\"2030-06-01T00:00:00Z\",\"closesAt\":\"2030-06-10T00:00:00Z\",\"options\":[]}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/councils/" + council + "/plans/" + plan)
                .then().body("status", equalTo("VOTING")).body("ballotId", equalTo(ballot)));
        String closed = "{\"ballotId\":\"" + ballot + "\",\"correlationId\":\"" + correlation + "\",\"requester\":\"community-service\","
                + "\"closedAt\":\"2030-06-10T00:00:00Z\",\"voters\":1000,\"tallies\":[{\"key\":\"a-1\",\"votes\":620},"
                + "{\"key\":\"a-2\",\"votes\":500},{\"key\":\"a-3\",\"votes\":501}],\"bulletinHash\":\"00ff\",\"boxChunks\":1}";
        EventProbe.send("voting.ballots", ballot, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service", "BallotBoxChunk", ballot,
                "{\"ballotId\":\"" + ballot + "\",\"correlationId\":\"" + correlation + "\",\"chunk\":0,\"chunks\":1,\"entries\":[[\"a-1\"]]}"));
        EventProbe.send("voting.ballots", ballot, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service", "BallotClosed", ballot, closed));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/councils/" + council + "/plans/" + plan)
                .then().body("status", equalTo("DECIDED")));
        // A repeated close with other figures changes nothing.
        EventProbe.send("voting.ballots", ballot, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service", "BallotClosed", ballot,
                closed.replace("\"votes\":500", "\"votes\":900")));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        given().get(API + "/councils/" + council + "/plans/" + plan).then()
                .body("voters", equalTo(1000)).body("turnout", equalTo(0.04f)).body("turnoutTargetMet", equalTo(false))
                .body("items.adopted", equalTo(List.of(true, false, true))).body("items.votes", equalTo(List.of(620, 500, 501)));
        given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"opensAt\":\"2030-06-01T00:00:00Z\",\"closesAt\":\"2030-06-10T00:00:00Z\",\"eligibleResidents\":25000}")
                .post(API + "/councils/" + council + "/plans/" + plan + "/vote").then().statusCode(409);
    }

    /**
     * Seed 002, 주민총회: "주민총회(연 1회) : 주민 누구나(1% 이상) 참석, 자치계획 등 결정". 25,000 residents recorded for the
     * dong need 250 voters: 249 decide nothing, 250 decide; a second meeting in the same year is refused.
     */
    @Test
    void generalMeetingDecidesOnlyWhenOnePercentOfTheDongsResidentsVote() throws Exception {
        String[] outcomes = new String[2];
        for (int voters : new int[] {249, 250}) {
            String dong = "총회" + UUID.randomUUID().toString().substring(0, 6) + "동";
            String council = council(dong, 10, 0);
            String plan = given().auth().oauth2(OFFICER).contentType("application/json")
                    .body("{\"year\":2030,\"title\":\"2030 자치계획\",\"items\":[{\"title\":\"골목길 안심 조명\",\"cost\":7500000}]}")
                    .post(API + "/councils/" + council + "/plans").then().statusCode(201).extract().path("id");
            String vote = "{\"opensAt\":\"2030-06-01T00:00:00+09:00\",\"closesAt\":\"2030-06-10T00:00:00+09:00\"}";
            given().auth().oauth2(OFFICER).contentType("application/json").body(vote)
                    .post(API + "/councils/" + council + "/plans/" + plan + "/vote").then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("eligibleResidents"));
            given().auth().oauth2(OFFICER).contentType("application/json").body("{\"residents\":24000,\"source\":\"주민등록 인구통계 2029.12.\"}")
                    .put(API + "/councils/" + council + "/residents/2029").then().statusCode(200).body("quorum", equalTo(240));
            given().auth().oauth2(OFFICER).contentType("application/json").body("{\"residents\":25000,\"source\":\"주민등록 인구통계 2030.1.\"}")
                    .put(API + "/councils/" + council + "/residents/2030").then().statusCode(200).body("quorum", equalTo(250));
            given().auth().oauth2(OFFICER).contentType("application/json").body("{\"residents\":25000,\"source\":\"주민등록 인구통계 2031.1.\"}")
                    .put(API + "/councils/" + council + "/residents/2031").then().statusCode(200);
            given().get(API + "/councils/" + council + "/residents").then().statusCode(200).body("year", equalTo(List.of(2029, 2030, 2031)));
            given().auth().oauth2(OFFICER).contentType("application/json").body(vote)
                    .post(API + "/councils/" + council + "/plans/" + plan + "/vote").then().statusCode(202)
                    .body("eligibleResidents", equalTo(25000)).body("residentsSource", equalTo("주민등록 인구통계 2030.1. (2030)"))
                    .body("quorumShare", equalTo(0.01f)).body("quorum", equalTo(250));
            String correlation = "community:selfgov:" + plan + ":1";
            published("voting.requests", "BallotRequested", correlation);
            String ballot = UUID.randomUUID().toString();
            EventProbe.send("voting.ballots", ballot, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service", "BallotClosed", ballot,
                    "{\"ballotId\":\"" + ballot + "\",\"correlationId\":\"" + correlation + "\",\"requester\":\"community-service\","
                            + "\"closedAt\":\"2030-06-10T00:00:00Z\",\"voters\":" + voters + ",\"tallies\":[{\"key\":\"a-1\",\"votes\":" + voters
                            + "}],\"bulletinHash\":\"00ff\",\"boxChunks\":0}"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/councils/" + council + "/plans/" + plan)
                    .then().body("voters", equalTo(voters)));
            outcomes[voters - 249] = given().get(API + "/councils/" + council + "/plans/" + plan).then()
                    .body("quorate", equalTo(voters == 250)).body("items[0].adopted", equalTo(voters == 250))
                    .extract().path("status");
            // 연 1회: the council's 2031 plan cannot hold a second meeting opening in 2030 (Seoul time), but may in 2031.
            String next = given().auth().oauth2(OFFICER).contentType("application/json")
                    .body("{\"year\":2031,\"title\":\"2031 자치계획\",\"items\":[{\"title\":\"마을 텃밭\"}]}")
                    .post(API + "/councils/" + council + "/plans").then().statusCode(201).extract().path("id");
            given().auth().oauth2(OFFICER).contentType("application/json")
                    .body("{\"opensAt\":\"2030-12-31T14:59:00Z\",\"closesAt\":\"2031-01-10T00:00:00Z\"}")
                    .post(API + "/councils/" + council + "/plans/" + next + "/vote").then().statusCode(409)
                    .contentType("application/problem+json").body("year", equalTo(2030));
            given().auth().oauth2(OFFICER).contentType("application/json")
                    .body("{\"opensAt\":\"2030-12-31T15:00:00Z\",\"closesAt\":\"2031-01-10T00:00:00Z\"}")
                    .post(API + "/councils/" + council + "/plans/" + next + "/vote").then().statusCode(202)
                    .body("residentsSource", equalTo("주민등록 인구통계 2031.1. (2031)"));
        }
        assertEquals(List.of("NOT_QUORATE", "DECIDED"), List.of(outcomes));
        // Another district's officer may not record a dong's residents.
        String council = council("인구" + UUID.randomUUID().toString().substring(0, 6) + "동", 10, 0);
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body("{\"residents\":1,\"source\":\"x\"}")
                .put(API + "/councils/" + council + "/residents/2030").then().statusCode(403);
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"residents\":0,\"source\":\"x\"}")
                .put(API + "/councils/" + council + "/residents/2030").then().statusCode(422).body("errors[0].field", equalTo("residents"));
        given().get(API + "/councils/" + council + "/residents").then().body("", hasSize(0));
    }

    /**
     * Seed 002, 마을계획·자치계획 의제 실행비: 자치계획 동별 30백만원, 마을계획 7,500천원 + 30백만원, from a 동단위 계획형
     * 시민참여예산 of 25억원 a year: 83 dongs at 30백만원 hold 24.9억원, so an 84th full claim is refused and 10백만원 fits.
     */
    @Test
    void agendasStayWithinTheDongsExecutionBudgetAndTheYearsPot() throws Exception {
        int year = 2095;
        String first = council("실행비" + UUID.randomUUID().toString().substring(0, 6) + "동", 10, 0);
        String plan = "{\"year\":" + year + ",\"title\":\"실행비\",\"kind\":\"%s\",\"items\":[{\"title\":\"의제 1\",\"cost\":20000000},"
                + "{\"title\":\"의제 2\",\"cost\":%d}]}";
        given().auth().oauth2(OFFICER).contentType("application/json").body(plan.formatted("SELF_GOVERNANCE", 10_000_001))
                .post(API + "/councils/" + first + "/plans").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("items")).body("ceiling", equalTo(30_000_000));
        given().auth().oauth2(OFFICER).contentType("application/json").body(plan.formatted("VILLAGE_PLAN", 17_500_001))
                .post(API + "/councils/" + first + "/plans").then().statusCode(422).body("ceiling", equalTo(37_500_000));
        String village = given().auth().oauth2(OFFICER).contentType("application/json").body(plan.formatted("VILLAGE_PLAN", 17_500_000))
                .post(API + "/councils/" + first + "/plans").then().statusCode(201).body("agendaCost", equalTo(37_500_000))
                .body("executionCeiling", equalTo(37_500_000)).body("potClaim", equalTo(0)).extract().path("id");
        String vote = "{\"opensAt\":\"" + year + "-06-01T00:00:00Z\",\"closesAt\":\"" + year + "-06-10T00:00:00Z\",\"eligibleResidents\":20000}";
        List<String> full = new ArrayList<>();
        for (int i = 0; i < 83; i++) {
            String council = council("예산" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "동", 10, 0);
            String p = given().auth().oauth2(OFFICER).contentType("application/json").body(plan.formatted("SELF_GOVERNANCE", 10_000_000))
                    .post(API + "/councils/" + council + "/plans").then().statusCode(201).extract().path("id");
            given().auth().oauth2(OFFICER).contentType("application/json").body(vote)
                    .post(API + "/councils/" + council + "/plans/" + p + "/vote").then().statusCode(202).body("potClaim", equalTo(30_000_000));
            full.add(p);
        }
        given().queryParam("year", year).get(API + "/councils/participatory-budget").then().statusCode(200)
                .body("pot", equalTo(2_500_000_000L)).body("claimed", equalTo(2_490_000_000L)).body("remaining", equalTo(10_000_000));
        given().auth().oauth2(OFFICER).contentType("application/json").body(vote)
                .post(API + "/councils/" + first + "/plans/" + village + "/vote").then().statusCode(409).contentType("application/problem+json")
                .body("claim", equalTo(30_000_000)).body("claimed", equalTo(2_490_000_000L));
        given().get(API + "/councils/" + first + "/plans/" + village).then().body("status", equalTo("DRAFT")).body("potClaim", equalTo(0));
        String small = council("소액" + UUID.randomUUID().toString().substring(0, 6) + "동", 10, 0);
        String smallPlan = given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"year\":" + year + ",\"title\":\"소액\",\"items\":[{\"title\":\"마을 텃밭\",\"cost\":10000000}]}")
                .post(API + "/councils/" + small + "/plans").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICER).contentType("application/json").body(vote)
                .post(API + "/councils/" + small + "/plans/" + smallPlan + "/vote").then().statusCode(202);
        given().queryParam("year", year).get(API + "/councils/participatory-budget").then().body("remaining", equalTo(0));
        // A meeting that adopts one item of two keeps 20백만원 of its 30: 10백만원 go back to the pot.
        String correlation = "community:selfgov:" + full.get(0) + ":1";
        String ballot = UUID.randomUUID().toString();
        EventProbe.send("voting.ballots", ballot, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service", "BallotClosed", ballot,
                "{\"ballotId\":\"" + ballot + "\",\"correlationId\":\"" + correlation + "\",\"requester\":\"community-service\","
                        + "\"closedAt\":\"" + year + "-06-10T00:00:00Z\",\"voters\":1000,\"tallies\":[{\"key\":\"a-1\",\"votes\":800},"
                        + "{\"key\":\"a-2\",\"votes\":100}],\"bulletinHash\":\"00ff\",\"boxChunks\":0}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("year", year).get(API + "/councils/participatory-budget")
                .then().body("remaining", equalTo(10_000_000)));
    }

    @Test
    void rejectedBallotRequestIsRecorded() throws Exception {
        String dong = "독산" + UUID.randomUUID().toString().substring(0, 6) + "동";
        String council = council(dong, 10, 0);
        String plan = given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"year\":2021,\"title\":\"자치계획\",\"items\":[{\"title\":\"의제\"}]}")
                .post(API + "/councils/" + council + "/plans").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"opensAt\":\"2030-06-01T00:00:00Z\",\"closesAt\":\"2030-06-10T00:00:00Z\",\"eligibleResidents\":1000}")
                .post(API + "/councils/" + council + "/plans/" + plan + "/vote").then().statusCode(202);
        String correlation = "community:selfgov:" + plan + ":1";
        EventProbe.send("voting.ballots", correlation, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service", "BallotRejected",
                correlation, "{\"correlationId\":\"" + correlation + "\",\"requester\":\"community-service\",\"reason\":\"opensAt is in the past\"}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get(API + "/councils/" + council + "/plans/" + plan)
                .then().body("status", equalTo("VOTE_REJECTED")).body("rejectionReason", equalTo("opensAt is in the past")));
        given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"opensAt\":\"2030-07-01T00:00:00Z\",\"closesAt\":\"2030-07-10T00:00:00Z\",\"eligibleResidents\":1000}")
                .post(API + "/councils/" + council + "/plans/" + plan + "/vote").then().statusCode(202)
                .body("correlationId", equalTo("community:selfgov:" + plan + ":2"));
    }

    @Test
    void onlyApplicantsWithSixHoursOfEducationEnterTheLottery() throws Exception {
        String dong = "교육" + UUID.randomUUID().toString().substring(0, 6) + "동";
        String council = given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"" + dong + "\",\"rolloutYear\":2019,\"seats\":2}")
                .post(API + "/councils").then().statusCode(201).body("requiredEducationHours", equalTo(6)).extract().path("id");
        double[][] hours = {{4, 2}, {6}, {5}};
        List<String> applicantIds = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            String person = dong + "-p" + i;
            applicantIds.add(given().auth().oauth2(TestTokens.resident(person, "11545", dong, 1970, i == 1 ? "M" : "F"))
                    .contentType("application/json").body("{\"name\":\"주민\"}")
                    .post(API + "/councils/" + council + "/applicants").then().statusCode(201).extract().path("id"));
            for (double h : hours[i]) {
                given().auth().oauth2(OFFICER).contentType("application/json")
                        .body("{\"district\":\"11545\",\"kind\":\"EDUCATION\",\"title\":\"주민자치학교\",\"hours\":" + h + ",\"occurredOn\":\"2019-02-01\"}")
                        .post(API + "/participants/" + person + "/activities").then().statusCode(201);
            }
        }
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"seats\":3}")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(422)
                .body("poolSize", equalTo(2)).body("excludedApplicants", equalTo(1));
        given().auth().oauth2(OFFICER).contentType("application/json").body("{}")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(202)
                .body("poolSize", equalTo(2)).body("excludedApplicants", equalTo(1));
        JsonNode pool = published("community.councils", "CouncilLotteryRequested", council).get("data").get("pool");
        assertEquals(List.of(applicantIds.get(0), applicantIds.get(1)), List.of(pool.get(0).get("id").asText(), pool.get(1).get("id").asText()));
        assertEquals(2, pool.size());
    }

    @Test
    void rolloutAgainstTheSeedSchedule() {
        String dong = "롤아웃" + UUID.randomUUID().toString().substring(0, 6) + "동";
        council(dong, 10, 0);
        given().queryParam("year", 2019).get(API + "/councils/rollout").then().statusCode(200)
                .body("planned", equalTo(166)).body("year", equalTo(2019));
        given().queryParam("year", 2022).get(API + "/councils/rollout").then().body("planned", equalTo(424));
        given().queryParam("year", 2018).queryParam("district", "11545").get(API + "/councils").then().statusCode(200)
                .body("find { it.dong == '" + dong + "' }.established", equalTo(false));
        given().queryParam("year", 2019).get(API + "/councils").then()
                .body("find { it.dong == '" + dong + "' }.established", equalTo(true));
    }

    @Test
    void rolesDistrictsAndBadInput() {
        String dong = "권한" + UUID.randomUUID().toString().substring(0, 6) + "동";
        String council = council(dong, 3, 0);
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body("{}")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.officer("11110")).get(API + "/councils/" + council + "/applicants").then().statusCode(403);
        given().auth().oauth2(TestTokens.resident("x", "11545", "다른동", 1990, "F")).contentType("application/json")
                .body("{\"name\":\"이웃\"}").post(API + "/councils/" + council + "/applicants").then().statusCode(403);
        given().auth().oauth2(TestTokens.resident("x", "11545", dong, 1990, "F")).get(API + "/councils/" + council + "/seats").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"x\",\"rolloutYear\":2019,\"seats\":3}").post(API + "/councils").then().statusCode(403);
        // Bad input.
        given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"" + dong + "\",\"rolloutYear\":2019,\"seats\":3}").post(API + "/councils").then().statusCode(409);
        given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"y\",\"rolloutYear\":2019,\"seats\":0}").post(API + "/councils").then().statusCode(422)
                .body("errors[0].field", equalTo("seats"));
        given().auth().oauth2(OFFICER).contentType("application/json").body("{}")
                .post(API + "/councils/" + council + "/lotteries").then().statusCode(422).body("poolSize", equalTo(0));
        String token = TestTokens.resident("dup-" + UUID.randomUUID(), "11545", dong, 1990, "F");
        given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"이웃\"}")
                .post(API + "/councils/" + council + "/applicants").then().statusCode(201);
        given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"이웃\"}")
                .post(API + "/councils/" + council + "/applicants").then().statusCode(409);
        given().auth().oauth2(OFFICER).contentType("application/json").body("{\"year\":2020,\"title\":\"x\",\"items\":[]}")
                .post(API + "/councils/" + council + "/plans").then().statusCode(422).body("errors[0].field", equalTo("items"));
        String plan = given().auth().oauth2(OFFICER).contentType("application/json").body("{\"year\":2020,\"title\":\"x\",\"items\":[{\"title\":\"a\"}]}")
                .post(API + "/councils/" + council + "/plans").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICER).contentType("application/json")
                .body("{\"opensAt\":\"2030-06-10T00:00:00Z\",\"closesAt\":\"2030-06-01T00:00:00Z\",\"eligibleResidents\":10}")
                .post(API + "/councils/" + council + "/plans/" + plan + "/vote").then().statusCode(422).body("errors[0].field", equalTo("closesAt"));
        given().get(API + "/councils/rollout").then().statusCode(422);
        given().get(API + "/councils/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        return names;
    }
}
