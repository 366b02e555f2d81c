package kr.chamyeo.governance.committee;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CommitteeResourceTest {

    @Test
    void committeesBelow15PercentGetConsentingCandidatesOfTheirDomain() {
        String admin = TestTokens.cityAdmin();
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"name\":\"정미래\",\"birthYear\":1995,\"domain\":\"주거\",\"consent\":true}")
                .post("/api/v1/governance/youth/talents").then().statusCode(403);
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"정미래\",\"birthYear\":1995,\"domain\":\"주거\",\"consent\":true,\"contact\":\"010-9999-0000\"}")
                .post("/api/v1/governance/youth/talents").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"비동의\",\"birthYear\":1996,\"domain\":\"주거\",\"consent\":false}")
                .post("/api/v1/governance/youth/talents").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"나이많음\",\"birthYear\":1970,\"domain\":\"주거\",\"consent\":true}")
                .post("/api/v1/governance/youth/talents").then().statusCode(201);
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            members.append(i == 0 ? "" : ",").append("{\"name\":\"위원").append(i).append("\",\"birthYear\":").append(i < 2 ? 1990 : 1965).append("}");
        }
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"서울시 주거정책심의위원회\",\"domain\":\"주거\",\"members\":[" + members + "]}")
                .post("/api/v1/governance/youth/committees").then().statusCode(201)
                .body("name", equalTo("서울시 주거정책심의위원회")).body("id", notNullValue());
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"서울시 청년정책위원회\",\"domain\":\"청년\",\"members\":[{\"name\":\"가\",\"birthYear\":1995},{\"name\":\"나\",\"birthYear\":1960}]}")
                .post("/api/v1/governance/youth/committees").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\":\"서울시 청년정책위원회\",\"domain\":\"청년\",\"members\":[{\"name\":\"가\",\"birthYear\":1995}]}")
                .post("/api/v1/governance/youth/committees").then().statusCode(409);
        given().auth().oauth2(admin).contentType("application/json").body("{\"name\":\"\",\"domain\":\"x\",\"members\":[]}")
                .post("/api/v1/governance/youth/committees").then().statusCode(422);

        given().auth().oauth2(admin).queryParam("year", 2020).queryParam("belowTargetOnly", true)
                .get("/api/v1/governance/youth/committees/youth-share").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].name", equalTo("서울시 주거정책심의위원회"))
                .body("[0].youngMembers", equalTo(2)).body("[0].needed", equalTo(1))
                .body("[0].candidates", hasSize(1)).body("[0].candidates[0].name", equalTo("정미래"))
                .body("[0].candidates[0]", not(hasKey("contact")));
        given().auth().oauth2(TestTokens.officer("11545")).queryParam("year", 2020)
                .get("/api/v1/governance/youth/committees/youth-share").then().statusCode(403);
        given().auth().oauth2(admin).get("/api/v1/governance/youth/committees/youth-share").then().statusCode(422);
        given().auth().oauth2(admin).queryParam("domain", "주거").queryParam("consentedOnly", true).get("/api/v1/governance/youth/talents")
                .then().statusCode(200).body("name", equalTo(java.util.List.of("나이많음", "정미래")))
                .body("contact", equalTo(java.util.Arrays.asList(null, "010-9999-0000")));
        given().auth().oauth2(TestTokens.officer("11545")).get("/api/v1/governance/youth/talents").then().statusCode(403);
    }
}
