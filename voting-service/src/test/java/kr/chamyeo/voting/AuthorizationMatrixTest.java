package kr.chamyeo.voting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.election.BallotEncryption;
import kr.chamyeo.election.Group;
import kr.chamyeo.platform.testing.AuthorizationMatrix;
import kr.chamyeo.platform.testing.AuthorizationMatrix.Sample;
import kr.chamyeo.platform.testing.AuthorizationMatrix.Target;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Every operation of the OpenAPI document × {no token, expired, bad signature, wrong issuer, each role}, and for
 * every operation a district role may call × {same district, other district, no district} on 금천구 ballots.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AuthorizationMatrixTest {

    /** Operations anyone may call without a token; any other operation must state its roles. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/voting/ballots",
            "GET /api/v1/voting/ballots/{id}",
            "GET /api/v1/voting/ballots/{id}/audited-ballots",
            "POST /api/v1/voting/ballots/{id}/audited-ballots",
            "GET /api/v1/voting/ballots/{id}/board",
            "POST /api/v1/voting/ballots/{id}/board/lookup",
            "GET /api/v1/voting/ballots/{id}/counting",
            "GET /api/v1/voting/ballots/{id}/counting/input",
            "GET /api/v1/voting/ballots/{id}/record",
            "GET /api/v1/voting/ballots/{id}/record/board",
            "GET /api/v1/voting/ballots/{id}/record/batches/{batch}",
            "GET /api/v1/voting/ballots/{id}/results",
            "GET /api/v1/voting/elections",
            "GET /api/v1/voting/elections/{id}");

    private static final String BALLOTS = "/api/v1/voting/ballots";
    private final String admin = TestTokens.cityAdmin();

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        String residents = ballot(TestBallots.geumcheonResidents());
        String committee = ballot("{\"districts\":[\"" + TestBallots.GEUMCHEON + "\"],\"dongs\":[],\"minAge\":null,\"maxAge\":null,"
                + "\"requiredRole\":\"COMMITTEE\"}");

        AuthorizationMatrix.Result result = AuthorizationMatrix.forOperations(PUBLIC)
                .sample("POST /api/v1/voting/ballots", () -> Target.of(BALLOTS).body(spec(TestBallots.geumcheonResidents()))
                        .readBack(() -> read(BALLOTS + "?district=" + TestBallots.GEUMCHEON + "&size=5")))
                .sample("POST /api/v1/voting/ballots/{id}/close", () -> {
                    String id = ballot(TestBallots.geumcheonResidents());
                    return Target.of(BALLOTS + "/" + id + "/close").body("{\"reason\":\"권한 시험: 조기 마감\"}")
                            .readBack(() -> read(BALLOTS + "/" + id));
                })
                // The electorate of a district's ballot is that district's residents, or its committee on a committee ballot.
                .sample("POST /api/v1/voting/ballots/{id}/votes", Sample.perRole(role -> {
                    String id = role.equals("COMMITTEE") ? committee : residents;
                    return Target.of(BALLOTS + "/" + id + "/votes").body("{\"choices\":[\"p-1\"]}")
                            .readBack(() -> read(BALLOTS + "/" + id + "/board"));
                }).bindsResidents())
                .sample("POST /api/v1/voting/ballots/{id}/encrypted-votes", Sample.perRole(role -> {
                    String id = role.equals("COMMITTEE") ? committee : residents;
                    return Target.of(BALLOTS + "/" + id + "/encrypted-votes").body(encrypted(id))
                            .readBack(() -> read(BALLOTS + "/" + id + "/board"));
                }).bindsResidents())
                // An officer forms panels for their own district (a city-wide one needs CITY_ADMIN).
                .sample("POST /api/v1/voting/elections", () -> Target.of("/api/v1/voting/elections")
                        .body("{\"title\":\"금천구 개표 관리\",\"ownerDistrict\":\"" + TestBallots.GEUMCHEON + "\",\"threshold\":1,"
                                + "\"trustees\":[{\"name\":\"관리인\",\"subject\":\"matrix-trustee-" + UUID.randomUUID() + "\"}]}")
                        .readBack(() -> read("/api/v1/voting/elections?district=" + TestBallots.GEUMCHEON)))
                .run();
        assertTrue(result.mismatches().isEmpty(), result::report);
    }

    /** An open 금천구 APPROVAL ballot with live results, so a vote shows in its results at once. */
    private static String ballot(String eligibility) {
        return TestBallots.create(spec(eligibility)).statusCode(201).extract().path("id");
    }

    private static String spec(String eligibility) {
        return TestBallots.spec(eligibility, Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), TestBallots.approval(), true);
    }

    /** A client-encrypted vote for p-1, made as the voter's app would, under the ballot's election key. */
    private static String encrypted(String ballotId) {
        String election = given().get(BALLOTS + "/" + ballotId).then().extract().path("electionId");
        String key = given().get("/api/v1/voting/elections/" + election).then().extract().path("publicKey");
        try {
            return new ObjectMapper().writeValueAsString(BallotEncryption.encrypt(ballotId, Group.point(key), TestBallots.APPROVAL_RULE, new int[] {0}).ballot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String read(String path) {
        return given().auth().oauth2(admin).get(path).asString();
    }
}
