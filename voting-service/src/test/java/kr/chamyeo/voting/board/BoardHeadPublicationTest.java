package kr.chamyeo.voting.board;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.resident;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.voting.TestBallots;

/**
 * While voting goes on, the board's head is published on voting.ballots whenever it moved (every second in tests, every
 * minute by default): each published head is the chain value of the board's entry at that size, and a head that did not
 * move is not published again.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class BoardHeadPublicationTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theHeadIsPublishedWhileVotingGoesOnOncePerMoveAndIsTheBoardsChainAtThatSize() throws Exception {
        String ballot = TestBallots.open(false);
        vote(ballot, resident("head-1-" + UUID.randomUUID()), "p-1").statusCode(201);
        vote(ballot, resident("head-2-" + UUID.randomUUID()), "p-2").statusCode(201);
        JsonNode atTwo = published(ballot, 2);
        JsonPath board = given().get("/api/v1/voting/ballots/" + ballot + "/board").then().statusCode(200).extract().jsonPath();
        assertEquals(board.getString("entries[1].chain"), atTwo.path("head").asText());

        vote(ballot, resident("head-3-" + UUID.randomUUID()), "p-3").statusCode(201);
        JsonNode atThree = published(ballot, 3);
        board = given().get("/api/v1/voting/ballots/" + ballot + "/board").then().statusCode(200).extract().jsonPath();
        assertEquals(board.getString("head"), atThree.path("head").asText());
        Thread.sleep(2500);
        assertEquals(1, EventProbe.read("voting.ballots", v -> v.contains("\"BoardHeadPublished\"") && v.contains(ballot)
                && v.contains("\"size\":3"), 2, Duration.ofSeconds(2)).size(), "an unmoved head is not published again");
    }

    /** The one BoardHeadPublished of this ballot at this size (the head may also have been published at smaller sizes). */
    private JsonNode published(String ballot, int size) throws Exception {
        List<String> events = EventProbe.read("voting.ballots", v -> v.contains("\"BoardHeadPublished\"") && v.contains(ballot)
                && v.contains("\"size\":" + size + ","), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size(), "published once at size " + size);
        return mapper.readTree(events.get(0)).path("data");
    }
}
