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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
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
    void theServiceRoleCanNeitherChangeTheTableNorLiftItsGuard() {
        // Without separate roles the service would connect as the table's owner, and every one of these would succeed.
        assertEquals(0L, count("select count(*) from pg_tables where tablename = 'audit_record' and tableowner = current_user"),
                "the service does not own the audit table");
        for (String statement : new String[] {
                "alter table audit_record disable trigger audit_record_no_update",
                "alter table audit_record add column forged text",
                "drop table audit_record",
                "update audit_record set actor = 'someone-else'",
                "create table audit_shadow (id bigint)"}) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate()), statement);
            assertEquals("42501", sqlState(refused), statement + " is refused for lack of privilege");
        }
        // A grant by a role that holds no grant option is ignored with a warning, not refused.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("grant update, delete on audit_record to current_user").executeUpdate());
        assertEquals(0L, count("select count(*) from (select 1 where has_table_privilege('audit_record', 'update') "
                + "or has_table_privilege('audit_record', 'delete') or has_table_privilege('audit_record', 'truncate')) p"));
        given().auth().oauth2(TestTokens.cityAdmin()).post("/probe/districts/11545/actions").then().statusCode(200);
        verify().body("intact", equalTo(true));
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
        // The table's owner takes INSERT away from the service's role for a moment.
        asOwner("revoke insert on audit_record from " + serviceRole());
        try {
            given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                    .body("{\"name\":\"unaudited\",\"amount\":1,\"kind\":\"ORDINARY\"}").post("/probe").then().statusCode(500)
                    .contentType("application/problem+json");
        } finally {
            asOwner("grant insert on audit_record to " + serviceRole());
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
    void aChainRebuiltFromTheStartNoLongerReachesASignedCheckpoint() {
        given().auth().oauth2(TestTokens.cityAdmin()).header("X-Request-Id", "checkpointed").post("/probe/districts/11545/actions")
                .then().statusCode(200);
        io.restassured.path.json.JsonPath kept = given().auth().oauth2(TestTokens.cityAdmin()).post("/audit/checkpoints").then()
                .statusCode(201).body("service", equalTo("platform-probe")).body("signature", notNullValue()).extract().jsonPath();
        String checkpoint = kept.prettify();
        long signed = kept.getLong("lastId");
        verify().body("intact", equalTo(true)).body("checkpoints", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        verifyCheckpoint(checkpoint).body("valid", equalTo(true)).body("problem", nullValue());
        given().auth().oauth2(TestTokens.cityAdmin()).get("/audit/checkpoints").then().statusCode(200)
                .body("lastId", hasItem((int) signed));

        // A forged checkpoint (another head, the old signature) is not the service's.
        verifyCheckpoint(checkpoint.replace(kept.getString("headHash"), "00".repeat(32))).body("valid", equalTo(false))
                .body("problem", containsString("signature"));

        // Whoever holds the database's rights rewrites a record and re-chains everything after it, head included: the
        // chain is whole in itself, and only the checkpoint shows it.
        long target = count("select id from audit_record where request_id = 'checkpointed'");
        asOwner("alter table audit_record disable trigger audit_record_no_update",
                "grant update, delete on audit_record to current_user",
                "create table audit_original as select * from audit_record where id >= " + target,
                "create table audit_head_original as select * from audit_chain_head");
        try {
            asOwner("update audit_record set actor = 'someone-else' where id = " + target,
                    """
                    do $$
                    declare
                        prev bytea := (select prev_hash from audit_record where id = %d);
                        r audit_record;
                    begin
                        for r in select * from audit_record where id >= %d order by id loop
                            update audit_record set prev_hash = prev, hash = audit_record_link(prev, r) where id = r.id
                                returning hash into prev;
                        end loop;
                        update audit_chain_head set hash = prev where id = 1;
                    end;
                    $$""".formatted(target, target));
            verifyCheckpoint(checkpoint).body("valid", equalTo(false)).body("problem", containsString("rewritten"));
            verify().body("intact", equalTo(false)).body("firstBrokenId", equalTo((int) signed))
                    .body("problem", containsString("rewritten"));
        } finally {
            asOwner("delete from audit_record where id >= " + target,
                    "insert into audit_record select * from audit_original",
                    "update audit_chain_head set hash = (select hash from audit_head_original), last_id = (select last_id from audit_head_original)",
                    "drop table audit_original", "drop table audit_head_original",
                    "revoke update, delete on audit_record from current_user",
                    "alter table audit_record enable trigger audit_record_no_update");
        }
        verifyCheckpoint(checkpoint).body("valid", equalTo(true));
        verify().body("intact", equalTo(true));
    }

    @Test
    void aKeptCheckpointWithAMalformedFieldIsRefusedByName() {
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json")
                .body("{\"service\":\"platform-probe\",\"lastId\":1,\"headHash\":\"xyz\",\"signedAt\":\"2026-05-03T09:14:00Z\",\"signature\":\"AA==\"}")
                .post("/audit/checkpoints/verify").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("headHash"));
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body("{}")
                .post("/audit/checkpoints/verify").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse verifyCheckpoint(String checkpoint) {
        return given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(checkpoint)
                .post("/audit/checkpoints/verify").then().log().ifValidationFails().statusCode(200);
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

    /** Runs statements as the database's owner, the role Flyway migrates with (the service's own role cannot). */
    private static void asOwner(String... statements) {
        Config config = ConfigProvider.getConfig();
        try (Connection owner = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
             Statement sql = owner.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serviceRole() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException e) {
                return e.getSQLState();
            }
        }
        return null;
    }
}
