package kr.chamyeo.voting.cast;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.resident;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.election.BallotEncryption;
import kr.chamyeo.election.BallotEncryption.Encryption;
import kr.chamyeo.election.Group;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.voting.TestBallots;

/** Benaloh's audit-or-cast, and the mistake of Helios issue #297: an opened ballot must never be cast. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AuditOrCastTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anAuditedBallotOpensToItsChoicesAndCanNeverBeCastButAFreshEncryptionCan() throws Exception {
        String ballot = TestBallots.open(false);
        String election = given().get("/api/v1/voting/ballots/" + ballot).then().extract().path("electionId");
        String key = given().get("/api/v1/voting/elections/" + election).then().extract().path("publicKey");
        Encryption audited = BallotEncryption.encrypt(ballot, Group.point(key), TestBallots.APPROVAL_RULE, new int[] {0, 2});

        given().contentType("application/json").body(MAPPER.writeValueAsString(Map.of("ballot", audited.ballot(),
                        "randomness", List.of(Group.hex(Group.randomScalar())))))
                .post("/api/v1/voting/ballots/" + ballot + "/audited-ballots").then().statusCode(422).contentType("application/problem+json");
        given().contentType("application/json").body(MAPPER.writeValueAsString(Map.of("ballot", audited.ballot(), "randomness",
                        audited.randomness())))
                .post("/api/v1/voting/ballots/" + ballot + "/audited-ballots").then().statusCode(200)
                .body("tracker", equalTo(audited.ballot().tracker())).body("choices", equalTo(List.of("p-1", "p-3")));

        String voter = resident("auditor-" + UUID.randomUUID());
        cast(ballot, voter, MAPPER.writeValueAsString(audited.ballot())).statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/ballot-audited"));
        Encryption fresh = BallotEncryption.encrypt(ballot, Group.point(key), TestBallots.APPROVAL_RULE, new int[] {0, 2});
        String cast = cast(ballot, voter, MAPPER.writeValueAsString(fresh.ballot())).statusCode(201).extract().path("tracker");
        // And a cast ballot is never opened afterwards.
        given().contentType("application/json").body(MAPPER.writeValueAsString(Map.of("ballot", fresh.ballot(), "randomness",
                        fresh.randomness())))
                .post("/api/v1/voting/ballots/" + ballot + "/audited-ballots").then().statusCode(409);
        given().get("/api/v1/voting/ballots/" + ballot + "/audited-ballots").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].tracker", equalTo(audited.ballot().tracker()));
        given().contentType("application/json").body("{\"tracker\":\"" + cast + "\"}")
                .post("/api/v1/voting/ballots/" + ballot + "/board/lookup").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse cast(String ballot, String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/voting/ballots/" + ballot + "/encrypted-votes").then();
    }
}
