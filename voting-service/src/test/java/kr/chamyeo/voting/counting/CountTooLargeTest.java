package kr.chamyeo.voting.counting;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.trustee.TrusteeRunner;
import kr.chamyeo.voting.TestBallots;
import kr.chamyeo.voting.TestElection;

/**
 * A batch too large for the replica's heap (here: every ciphertext "costs" a tebibyte; this ballot's one batch is its
 * whole board) is refused at the first counting call with 503 count-too-large, before any trustee shuffles it and
 * before anything is stored — instead of an OutOfMemoryError in a service that also takes other ballots' votes.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
@TestProfile(CountTooLargeTest.TinyHeap.class)
class CountTooLargeTest {

    public static class TinyHeap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chamyeo.voting.counting.heap-per-ciphertext", "1T");
        }
    }

    private static final String MAPO = "11440";

    @Test
    void aBoardTooLargeToCheckIsRefusedBeforeAnyTrusteeWorksAndNothingIsStored() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = List.of("mapo-a-" + run, "mapo-b-" + run);
        String election = TestElection.form(MAPO, TestTokens.officer(MAPO), 2, subjects);
        List<TrusteeRunner> trustees = TestElection.steppedThroughCeremony(subjects);
        given().get("/api/v1/voting/elections/" + election).then().body("status", equalTo("READY"));
        String ballot = TestBallots.createInDistrict(MAPO).statusCode(201).extract().path("id");
        vote(ballot, TestTokens.resident("mapo-voter-" + run, MAPO, "서교동", 1990, "F"), "p-1").statusCode(201);
        TestBallots.close(TestTokens.officer(MAPO), ballot).statusCode(200).body("status", equalTo("COUNTING"));

        given().get("/api/v1/voting/ballots/" + ballot + "/counting/input").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/count-too-large"))
                .body("ciphertexts", equalTo(1)).body("neededBytes", greaterThan(0L));
        // The trustee skips the ballot (it says why on stderr) instead of shuffling a board the service cannot check.
        assertEquals(0, trustees.get(0).step());
        given().auth().oauth2(TestElection.trusteeToken(subjects.get(1))).contentType("application/json")
                .body("{\"ciphertexts\":[],\"proof\":{\"permutationCommitment\":[],\"chain\":[],\"chainCommitments\":[],"
                        + "\"aPrime\":\"\",\"cPrime\":\"\",\"dPrime\":\"\",\"fPrime\":[],\"kA\":\"\",\"kB\":[],\"kC\":\"\","
                        + "\"kD\":\"\",\"kE\":[],\"kF\":[]}}")
                .post("/api/v1/voting/ballots/" + ballot + "/counting/mixes").then().statusCode(503)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/count-too-large"));
        given().get("/api/v1/voting/ballots/" + ballot + "/counting").then().body("step", equalTo("MIX"))
                .body("mixedBy", equalTo(List.of())).body("decryptedBy", equalTo(List.of()));
        given().get("/api/v1/voting/ballots/" + ballot).then().body("status", equalTo("COUNTING"));
    }
}
