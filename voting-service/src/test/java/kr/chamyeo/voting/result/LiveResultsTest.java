package kr.chamyeo.voting.result;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.GEUMCHEON;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.voting.TestBallots;

/** Live results (turnout only) are released as snapshots that no single vote can change (the test profile's interval is 0). */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class LiveResultsTest {

    private static final int YEAR = Year.now(ZoneId.of("Asia/Seoul")).getValue();

    @Test
    void twoPollsAroundOneVoteReturnIdenticalFigures() {
        String ballot = TestBallots.open(true);
        castVotes(ballot, 1, "p-1");
        String beforeFirstSnapshot = poll(ballot);
        JsonPath nothingYet = JsonPath.from(beforeFirstSnapshot);
        assertEquals(0, nothingYet.getInt("voters"), "one vote must not be released on its own");
        assertEquals(List.of(), nothingYet.getList("tallies"), "choices are encrypted until the trustees count them");
        assertNull(nothingYet.get("asOf"));

        castVotes(ballot, 4, "p-2");
        String first = poll(ballot);
        assertEquals(5, JsonPath.from(first).getInt("voters"));
        assertEquals(List.of(), JsonPath.from(first).getList("tallies"));

        castVotes(ballot, 1, "p-3");
        assertEquals(first, poll(ballot), "the vote between the two polls must not show");
        castVotes(ballot, 3, "p-3");
        assertEquals(first, poll(ballot), "four new votes are still too few to release");

        castVotes(ballot, 1, "p-3");
        JsonPath second = JsonPath.from(poll(ballot));
        assertEquals(10, second.getInt("voters"));
        assertEquals(List.of(), second.getList("tallies"));
        assertNotNull(second.getString("asOf"));
        assertEquals(10, second.getInt("turnout.bySex.find { it.value == 'F' }.voters"), "turnout comes from the same snapshot");
    }

    @Test
    void aSnapshotIsDueOnlyAfterTheIntervalAndFiveNewVotes() {
        Instant last = Instant.parse("2026-12-04T10:00:00Z");
        Duration interval = Duration.ofMinutes(10);
        assertFalse(LiveResults.due(last, last.plus(Duration.ofMinutes(9)), interval));
        assertTrue(LiveResults.due(last, last.plus(interval), interval));
        assertFalse(LiveResults.enoughNewVotes(100, 104));
        assertTrue(LiveResults.enoughNewVotes(100, 105));
        assertFalse(LiveResults.enoughNewVotes(0, 4), "the first snapshot waits for five votes too");
    }

    private static void castVotes(String ballot, int voters, String key) {
        for (int i = 0; i < voters; i++) {
            vote(ballot, TestTokens.resident("live-" + UUID.randomUUID(), GEUMCHEON, "독산1동", YEAR - 30, "F"), key).statusCode(201);
        }
    }

    private static String poll(String ballot) {
        return given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(200).extract().asString();
    }
}
