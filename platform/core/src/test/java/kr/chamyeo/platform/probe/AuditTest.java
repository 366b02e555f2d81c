package kr.chamyeo.platform.probe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void anAuditedWriteAndItsRecordCommitTogether() {
        given().auth().oauth2(TestTokens.officer("11545")).header("X-Request-Id", "in-tx-1").contentType("application/json")
                .body("{\"name\":\"audited-in-tx\",\"amount\":1,\"kind\":\"ORDINARY\"}").post("/probe").then().statusCode(200);
        assertEquals(1L, count("select count(*) from audit_record where request_id = 'in-tx-1' and status is null "
                + "and action = 'POST ProbeResource.create'"), "written in the change's transaction, before the answer");
        assertEquals(1L, count("select count(*) from audit_record where request_id = 'in-tx-1'"), "one record per request");
    }

    @Test
    void aChangeWhoseAuditRecordCannotBeWrittenIsRolledBack() {
        // The table's owner (the only role of the test database) takes INSERT away from itself for a moment.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("revoke insert on audit_record from current_user").executeUpdate());
        try {
            given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                    .body("{\"name\":\"unaudited\",\"amount\":1,\"kind\":\"ORDINARY\"}").post("/probe").then().statusCode(500)
                    .contentType("application/problem+json");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("grant insert on audit_record to current_user").executeUpdate());
        }
        given().get("/probe/count/unaudited").then().statusCode(200).body(equalTo("0"));
    }

    @Test
    void theHashChainNamesTheFirstAlteredRemovedOrTruncatedRecord() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.cityAdmin()).header("X-Request-Id", "chain-" + i).post("/probe/districts/11545/actions")
                    .then().statusCode(200);
        }
        verify().body("intact", equalTo(true)).body("firstBrokenId", nullValue()).body("headHash", notNullValue());
        long middle = count("select id from audit_record where request_id = 'chain-1'");
        long last = count("select max(id) from audit_record");
        // As an attacker holding the owner's (or a superuser's) rights: lift the append-only guard.
        asOwner("alter table audit_record disable trigger audit_record_no_update",
                "grant update, delete on audit_record to current_user");
        try {
            asOwner("update audit_record set actor = actor || '-forged' where id = " + middle);
            verify().body("intact", equalTo(false)).body("firstBrokenId", equalTo((int) middle))
                    .body("problem", containsString("altered"));
            asOwner("update audit_record set actor = replace(actor, '-forged', '') where id = " + middle);
            verify().body("intact", equalTo(true));

            asOwner("create table audit_kept as select * from audit_record where id in (" + middle + ", " + last + ")",
                    "delete from audit_record where id = " + middle);
            long next = count("select min(id) from audit_record where id > " + middle);
            verify().body("intact", equalTo(false)).body("firstBrokenId", equalTo((int) next))
                    .body("problem", containsString("removed"));
            asOwner("insert into audit_record select * from audit_kept where id = " + middle);
            verify().body("intact", equalTo(true));

            // Removing the newest record leaves a chain that is whole in itself: the head still names the record.
            asOwner("delete from audit_record where id = " + last);
            verify().body("intact", equalTo(false)).body("firstBrokenId", equalTo((int) last));
            asOwner("insert into audit_record select * from audit_kept where id = " + last, "drop table audit_kept");
            verify().body("intact", equalTo(true));
        } finally {
            asOwner("revoke update, delete on audit_record from current_user",
                    "alter table audit_record enable trigger audit_record_no_update");
        }
    }

    @Test
    void theMigrationsChainOfOlderRowsMatchesTheApplications() {
        given().auth().oauth2(TestTokens.cityAdmin()).header("X-Request-Id", "sql-link").post("/probe/districts/11545/actions")
                .then().statusCode(200);
        assertEquals(1L, count("select count(*) from audit_record r where request_id = 'sql-link' and hash = audit_record_link(prev_hash, r)"));
    }

    @Test
    void onlyCityAdminsVerify() {
        given().auth().oauth2(TestTokens.officer("11545")).get("/audit/verify").then().statusCode(403);
        given().get("/audit/verify").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse verify() {
        return given().auth().oauth2(TestTokens.cityAdmin()).get("/audit/verify").then().log().ifValidationFails().statusCode(200);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private void asOwner(String... statements) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String statement : statements) {
                em.createNativeQuery(statement).executeUpdate();
            }
        });
    }
}
