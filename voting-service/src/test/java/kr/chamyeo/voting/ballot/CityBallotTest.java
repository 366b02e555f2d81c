package kr.chamyeo.voting.ballot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.voting.TestBallots;
import kr.chamyeo.voting.TestElection;

/**
 * Who may poll whom. The city runs ballots of its own — the youth budget's city-wide vote (청년자율예산 대시민투표, seeds 000/001) — owned by
 * 11000 under the city-wide trustees' key; only a city administrator opens one, and no other non-district code passes.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CityBallotTest {

    private static String cityBallot(String owner) {
        return TestBallots.spec("{\"districts\":[],\"dongs\":[],\"minAge\":19,\"maxAge\":39,\"requiredRole\":null}",
                Instant.now().minusSeconds(1), Instant.now().plusSeconds(600), TestBallots.approval(), false)
                .replace("\"ownerDistrict\":\"11545\"", "\"ownerDistrict\":\"" + owner + "\"");
    }

    /** Issue 23: owning a ballot in 11545 does not let an officer poll 강남구 (11680) or all of Seoul. */
    @Test
    void anOfficerOpensBallotsForTheirOwnDistrictsResidentsOnly() {
        TestElection.cityWide();
        String officer = TestTokens.officer(TestBallots.GEUMCHEON);
        for (String districts : new String[] {"[\"11680\"]", "[]", "[\"11545\",\"11680\"]"}) {
            given().auth().oauth2(officer).contentType("application/json").body(electorate(districts))
                    .post("/api/v1/voting/ballots").then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(officer).contentType("application/json").body(electorate("[\"11545\"]"))
                .post("/api/v1/voting/ballots").then().statusCode(201);
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(electorate("[\"11680\"]"))
                .post("/api/v1/voting/ballots").then().statusCode(201);
    }

    private static String electorate(String districts) {
        return TestBallots.spec("{\"districts\":" + districts + ",\"dongs\":[],\"minAge\":null,\"maxAge\":null,\"requiredRole\":null}",
                Instant.now().minusSeconds(1), Instant.now().plusSeconds(600), TestBallots.approval(), false);
    }

    @Test
    void onlyACityAdministratorOpensABallotOwnedByTheCity() {
        String cityWide = TestElection.cityWide();
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(cityBallot("11000"))
                .post("/api/v1/voting/ballots").then().statusCode(201).body("ownerDistrict", equalTo("11000"))
                .body("electionId", equalTo(cityWide));
        given().auth().oauth2(TestTokens.officer(TestBallots.GEUMCHEON)).contentType("application/json").body(cityBallot("11000"))
                .post("/api/v1/voting/ballots").then().statusCode(403);
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(cityBallot("11001"))
                .post("/api/v1/voting/ballots").then().statusCode(422).body("errors.field", hasItem("ownerDistrict"));
    }
}
