package kr.chamyeo.platform.probe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AuditTest {

    @Inject
    EntityManager em;

    @Test
    void successfulChangesAreAuditedWithActorDistrictAndRequestId() {
        given().auth().oauth2(TestTokens.officer("11545")).header("X-Request-Id", "audit-req-1")
                .post("/probe/districts/11545/actions").then().statusCode(200);
        given().auth().oauth2(TestTokens.officer("11110")).post("/probe/districts/11545/actions").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11110")).post("/probe/districts/11110/actions").then().statusCode(200);

        given().auth().oauth2(TestTokens.officer("11545")).get("/audit").then().statusCode(200)
                .body("requestId", hasItem("audit-req-1"))
                .body("district", everyItem(equalTo("11545")))
                .body("find { it.requestId == 'audit-req-1' }.actor", equalTo("officer-11545"))
                .body("find { it.requestId == 'audit-req-1' }.role", equalTo("OFFICER"))
                .body("find { it.requestId == 'audit-req-1' }.action", equalTo("POST ProbeResource.act"))
                .body("find { it.requestId == 'audit-req-1' }.target", equalTo("/probe/districts/11545/actions"));
        given().auth().oauth2(TestTokens.cityAdmin()).queryParam("district", "11110").get("/audit").then().statusCode(200)
                .body("district", hasItem("11110"));
    }

    @Test
    void secretBallotActionsDoNotNameTheVoter() {
        given().auth().oauth2(TestTokens.resident("voter-audit-1", "11545", "독산1동", 1990, "F")).header("X-Request-Id", "secret-1")
                .post("/probe/districts/11545/secret").then().statusCode(200);
        org.awaitility.Awaitility.await().untilAsserted(() -> given().auth().oauth2(TestTokens.cityAdmin()).get("/audit").then()
                .body("requestId", hasItem("secret-1")));
        given().auth().oauth2(TestTokens.cityAdmin()).get("/audit").then().statusCode(200)
                .body("find { it.requestId == 'secret-1' }.actor", equalTo("(secret ballot)"))
                .body("find { it.requestId == 'secret-1' }.role", equalTo("RESIDENT"))
                .body("actor", org.hamcrest.Matchers.not(hasItem("voter-audit-1")));
    }

    @Test
    void onlyOfficersOfTheDistrictAndCityAdminsRead() {
        given().get("/audit").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.resident("r", "11545", "독산1동", 1990, "F")).get("/audit").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11545")).queryParam("district", "11110").get("/audit").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void serviceUserCannotRewriteOrDeleteAuditRows() {
        given().auth().oauth2(TestTokens.cityAdmin()).post("/probe/districts/11545/actions").then().statusCode(200);
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update audit_record set actor = 'someone-else'").executeUpdate()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from audit_record").executeUpdate()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("truncate audit_record").executeUpdate()));
        given().auth().oauth2(TestTokens.cityAdmin()).get("/audit").then().statusCode(200)
                .body("actor", org.hamcrest.Matchers.not(hasItem("someone-else")));
    }
}
