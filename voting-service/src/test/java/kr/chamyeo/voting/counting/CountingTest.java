package kr.chamyeo.voting.counting;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.resident;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.trustee.TrusteeRunner;
import kr.chamyeo.voting.TestBallots;
import kr.chamyeo.voting.TestElection;

/**
 * A district panel of three trustees with threshold 2, each stepped by hand: all three complete the ceremony, but
 * one trustee alone cannot count the ballot — it stays COUNTING and unreadable — and a second one counts it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CountingTest {

    private static final String SONGPA = "11710";

    @Test
    void fewerThanThresholdTrusteesCannotCountAndTheThresholdCan() {
        TestElection.cityWide();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = List.of("songpa-a-" + run, "songpa-b-" + run, "songpa-c-" + run);
        String election = TestElection.form(SONGPA, TestTokens.officer(SONGPA), 2, subjects);
        List<TrusteeRunner> trustees = TestElection.steppedThroughCeremony(subjects);
        given().get("/api/v1/voting/elections/" + election).then().body("status", equalTo("READY"))
                .body("trustees.size()", equalTo(3)).body("threshold", equalTo(2));

        String ballot = TestBallots.createInDistrict(SONGPA).statusCode(201).body("electionId", equalTo(election)).extract().path("id");
        for (int i = 0; i < 6; i++) {
            vote(ballot, TestTokens.resident("songpa-voter-" + i + "-" + run, SONGPA, "잠실본동", 1980 + i, i % 2 == 0 ? "F" : "M"),
                    "p-" + (1 + i % 3)).statusCode(201);
        }
        vote(ballot, resident("geumcheon-" + run), "p-1").statusCode(403);
        TestBallots.close(TestTokens.officer(SONGPA), ballot).statusCode(200)
                .body("status", equalTo("COUNTING")).body("boardSize", equalTo(6));

        // One trustee alone: a shuffle, then nothing more it can do.
        assertEquals(1, trustees.get(0).step());
        assertEquals(0, trustees.get(0).step());
        given().get("/api/v1/voting/ballots/" + ballot + "/counting").then().body("step", equalTo("MIX"))
                .body("mixedBy", equalTo(List.of(1))).body("decryptedBy", equalTo(List.of()));
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(409);
        given().get("/api/v1/voting/ballots/" + ballot).then().body("status", equalTo("COUNTING"));

        // A second trustee: the second shuffle, then its shares; the first one's shares complete the quorum.
        assertEquals(1, trustees.get(1).step());
        assertEquals(1, trustees.get(1).step());
        given().get("/api/v1/voting/ballots/" + ballot + "/counting").then().body("step", equalTo("DECRYPT"))
                .body("decryptedBy", equalTo(List.of(2)));
        assertEquals(1, trustees.get(0).step());
        given().get("/api/v1/voting/ballots/" + ballot + "/results").then().statusCode(200).body("closed", equalTo(true))
                .body("voters", equalTo(6)).body("invalid", equalTo(0)).body("tallies.votes", equalTo(List.of(2, 2, 2)));
        // The third trustee was never needed, and now has nothing to do.
        assertEquals(0, trustees.get(2).step());
    }

    @Test
    void onlyTrusteesOfTheBallotsElectionPostCountingStepsAndBadProofsAreRefused() {
        String ballot = TestBallots.open(false);
        vote(ballot, resident("proof-" + UUID.randomUUID()), "p-1").statusCode(201);
        String stranger = TestElection.trusteeToken("not-a-trustee-" + UUID.randomUUID());
        given().auth().oauth2(stranger).contentType("application/json").body("{\"contextId\":\"" + ballot + "\",\"trustee\":1,"
                + "\"shares\":[],\"proofs\":[]}").post("/api/v1/voting/ballots/" + ballot + "/counting/decryptions").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(resident("r-" + UUID.randomUUID())).contentType("application/json").body("{}")
                .post("/api/v1/voting/ballots/" + ballot + "/counting/mixes").then().statusCode(403);
        given().get("/api/v1/voting/ballots/" + ballot + "/counting/input").then().statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/not-counting"))
                // RFC 7807's own status stays the HTTP status; the ballot's is a member of its own.
                .body("status", equalTo(409)).body("ballotStatus", equalTo("OPEN"));
    }
}
