package kr.chamyeo.voting.ballot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.voting.TestBallots;
import kr.chamyeo.voting.TestElection;

/** The voting.requests → voting.ballots exchange, played from budget-service's side with its exact messages. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class BallotEventsTest {

    @Inject
    ObjectMapper mapper;

    static String request(String correlationId, Instant opensAt, Instant closesAt, String rule) {
        return "{\"correlationId\":\"" + correlationId + "\",\"requester\":\"budget-service\",\"title\":\"2021 금천구 주민참여예산 총회 투표\","
                + "\"description\":\"총회 상정 사업\",\"ownerDistrict\":\"11545\",\"ownerDong\":null,"
                + "\"eligibility\":{\"districts\":[\"11545\"],\"dongs\":[],\"minAge\":null,\"maxAge\":null,\"requiredRole\":null},"
                + "\"opensAt\":\"" + opensAt + "\",\"closesAt\":\"" + closesAt + "\","
                + "\"options\":[{\"key\":\"p-17\",\"label\":\"독산동 어린이 놀이터 개선\",\"cost\":50000000},"
                + "{\"key\":\"p-18\",\"label\":\"가산동 공원 조명\",\"cost\":30000000}],"
                + "\"rule\":" + rule + ",\"liveResults\":false}";
    }

    static void send(String correlationId, String data) {
        // Ballots open only under a ready election key.
        TestElection.cityWide();
        EventProbe.send("voting.requests", correlationId, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/budget-service",
                "BallotRequested", correlationId, data));
    }

    @Test
    void requestIsAnsweredWithBallotOpenedOnceEvenWhenRepeated() throws Exception {
        String correlationId = "budget:" + UUID.randomUUID() + ":RESIDENTS";
        Instant opensAt = Instant.parse("2021-06-01T00:00:00Z");
        Instant closesAt = Instant.now().plusSeconds(3600);
        String data = request(correlationId, opensAt, closesAt, "{\"type\":\"APPROVAL\",\"minChoices\":1,\"maxChoices\":2,\"budgetLimit\":null}");
        send(correlationId, data);
        send(correlationId, data);

        List<String> opened = EventProbe.read("voting.ballots", v -> v.contains(correlationId) && v.contains("\"BallotOpened\""), 1,
                Duration.ofSeconds(30));
        // Give a wrongly handled repeat the time to show up.
        opened = EventProbe.read("voting.ballots", v -> v.contains(correlationId) && v.contains("\"BallotOpened\""), 2,
                Duration.ofSeconds(3));
        assertEquals(1, opened.size(), "a repeated request opens no second ballot");
        JsonNode event = mapper.readTree(opened.get(0));
        JsonNode body = event.get("data");
        String ballotId = body.get("ballotId").asText();
        assertEquals(ballotId, event.get("subject").asText());
        assertEquals(correlationId, body.get("correlationId").asText());
        assertEquals("budget-service", body.get("requester").asText());
        assertEquals("11545", body.get("ownerDistrict").asText());
        assertEquals(opensAt, Instant.parse(body.get("opensAt").asText()));
        assertEquals("독산동 어린이 놀이터 개선", body.get("options").get(0).get("label").asText());
        assertEquals(50000000L, body.get("options").get(0).get("cost").asLong());

        given().queryParam("district", "11545").queryParam("status", "OPEN").queryParam("size", 100).get("/api/v1/voting/ballots")
                .then().statusCode(200).body("id", hasItem(ballotId));
        given().get("/api/v1/voting/ballots/" + ballotId).then().statusCode(200).body("correlationId", equalTo(correlationId))
                .body("requester", equalTo("budget-service"));
        TestBallots.vote(ballotId, TestBallots.resident("kafka-voter-" + UUID.randomUUID()), "p-17", "p-18").statusCode(201);
    }

    @Test
    void aRequestFromAnyoneButTheRequestingServicesOpensNoBallot() {
        // Anyone able to write to voting.requests could otherwise open ballots in any district (issue 23).
        TestElection.cityWide();
        String forged = "budget:" + UUID.randomUUID() + ":RESIDENTS";
        String data = request(forged, Instant.parse("2021-06-01T00:00:00Z"), Instant.now().plusSeconds(3600),
                "{\"type\":\"APPROVAL\",\"minChoices\":1,\"maxChoices\":2,\"budgetLimit\":null}");
        EventProbe.send("voting.requests", forged, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/intruder",
                "BallotRequested", forged, data));
        String community = "community:" + UUID.randomUUID() + ":RESIDENTS";
        EventProbe.send("voting.requests", community, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/community-service",
                "BallotRequested", community, request(community, Instant.parse("2021-06-01T00:00:00Z"), Instant.now().plusSeconds(3600),
                        "{\"type\":\"APPROVAL\",\"minChoices\":1,\"maxChoices\":2,\"budgetLimit\":null}")));
        String governance = "governance:contest:" + UUID.randomUUID() + ":1";
        EventProbe.send("voting.requests", governance, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/governance-service",
                "BallotRequested", governance, request(governance, Instant.parse("2021-06-01T00:00:00Z"), Instant.now().plusSeconds(3600),
                        "{\"type\":\"APPROVAL\",\"minChoices\":1,\"maxChoices\":2,\"budgetLimit\":null}")));
        // The community and governance requests behind it are answered, so the forged one was read and passed.
        assertEquals(1, EventProbe.read("voting.ballots", v -> v.contains(community) && v.contains("\"BallotOpened\""), 1,
                Duration.ofSeconds(30)).size());
        assertEquals(1, EventProbe.read("voting.ballots", v -> v.contains(governance) && v.contains("\"BallotOpened\""), 1,
                Duration.ofSeconds(30)).size());
        assertTrue(EventProbe.read("voting.ballots", v -> v.contains(forged), 1, Duration.ofSeconds(2)).isEmpty(),
                "a request from /chamyeo/intruder was answered");
    }

    @Test
    void invalidRequestIsAnsweredWithBallotRejected() throws Exception {
        String correlationId = "budget:" + UUID.randomUUID() + ":RESIDENTS";
        // BUDGET without a budget limit cannot be counted.
        send(correlationId, request(correlationId, Instant.now(), Instant.now().plusSeconds(600),
                "{\"type\":\"BUDGET\",\"minChoices\":1,\"maxChoices\":2,\"budgetLimit\":null}"));
        String late = "budget:" + UUID.randomUUID() + ":RESIDENTS";
        send(late, request(late, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600),
                "{\"type\":\"SINGLE\",\"minChoices\":1,\"maxChoices\":1,\"budgetLimit\":null}"));
        String unreadable = "community:" + UUID.randomUUID() + ":1";
        send(unreadable, "{\"correlationId\":\"" + unreadable + "\",\"requester\":\"community-service\",\"title\":\"주민총회\",\"surprise\":1}");

        for (String[] expected : new String[][] {{correlationId, "budgetLimit"}, {late, "closesAt"}, {unreadable, "unreadable"}}) {
            List<String> rejected = EventProbe.read("voting.ballots", v -> v.contains(expected[0]) && v.contains("\"BallotRejected\""), 1,
                    Duration.ofSeconds(30));
            assertEquals(1, rejected.size(), expected[0]);
            JsonNode body = mapper.readTree(rejected.get(0)).get("data");
            assertEquals(expected[0], body.get("correlationId").asText());
            assertTrue(body.get("reason").asText().contains(expected[1]), body.toString());
        }
        assertTrue(EventProbe.read("voting.ballots", v -> v.contains(correlationId) && v.contains("\"BallotOpened\""), 1,
                Duration.ofSeconds(1)).isEmpty());
    }

    @Test
    void restCreationIsCheckedAndAnnounced() {
        Instant now = Instant.now();
        TestBallots.create(TestBallots.spec(TestBallots.geumcheonResidents(), now.plusSeconds(60), now.plusSeconds(30), TestBallots.approval(), false))
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("closesAt"));
        TestBallots.create(TestBallots.spec("{\"districts\":[\"99999\"]}", now, now.plusSeconds(60), TestBallots.approval(), false))
                .statusCode(422).body("errors.field", hasItem("eligibility.districts[0]"));
        given().auth().oauth2(TestTokens.officer("11530")).contentType("application/json")
                .body(TestBallots.spec(TestBallots.geumcheonResidents(), now, now.plusSeconds(60), TestBallots.approval(), false))
                .post("/api/v1/voting/ballots").then().statusCode(403);
        given().auth().oauth2(TestBallots.resident("r-" + UUID.randomUUID())).contentType("application/json")
                .body(TestBallots.spec(TestBallots.geumcheonResidents(), now, now.plusSeconds(60), TestBallots.approval(), false))
                .post("/api/v1/voting/ballots").then().statusCode(403);
        String id = TestBallots.open(false);
        assertEquals(1, EventProbe.read("voting.ballots", v -> v.contains(id) && v.contains("\"BallotOpened\""), 1,
                Duration.ofSeconds(20)).size());
        given().queryParam("status", "SOMETIMES").get("/api/v1/voting/ballots").then().statusCode(422);
    }
}
