package kr.chamyeo.platform.probe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

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
    void aSecretBallotActionLeavesNoAuditRow() {
        given().auth().oauth2(TestTokens.resident("voter-audit-1", "11545", "독산1동", 1990, "F")).header("X-Request-Id", "secret-1")
                .post("/probe/districts/11545/secret").then().statusCode(200);
        given().auth().oauth2(TestTokens.officer("11545")).header("X-Request-Id", "after-secret-1")
                .post("/probe/districts/11545/actions").then().statusCode(200);
        // Any row would do harm: its request id pairs it with the gateway's log line, and its id, time and system
        // columns order it among the box's rows. Watched for a while, since audit rows were once written late.
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from audit_record "
                        + "where request_id = 'secret-1' or target like '%/secret' or actor = 'voter-audit-1'")
                        .getSingleResult()).longValue()) == 0);
        given().auth().oauth2(TestTokens.cityAdmin()).get("/audit").then().statusCode(200)
                .body("requestId", hasItem("after-secret-1"))
                .body("requestId", not(hasItem("secret-1")));
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
