package kr.chamyeo.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import kr.chamyeo.platform.jwt.TokenPrincipalFactory;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(UpstreamsResource.class)
class GatewaySecurityTest {

    @Inject
    DefaultJWTParser verifier;

    @ConfigProperty(name = "chamyeo.gateway.log-secret")
    String logSecret;

    @Test
    void invalidTokensAreRefusedAtTheDoor() {
        given().auth().oauth2(TestTokens.token("x", "RESIDENT").expired().sign()).get("/api/v1/budget/cycles")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.token("x", "RESIDENT").wronglySigned().sign()).get("/api/v1/budget/cycles")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("x", "RESIDENT").issuer("https://elsewhere").sign()).get("/api/v1/budget/cycles")
                .then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/budget/cycles").then().statusCode(401);
        given().auth().oauth2(TestTokens.officer("11545")).get("/api/v1/budget/cycles").then().statusCode(200);
        given().get("/api/v1/budget/cycles").then().statusCode(200);
    }

    @Test
    void votesAreRateLimitedPerCallerWithRetryAfter() {
        String voter = TestTokens.resident("rate-voter", "11545", "독산1동", 1990, "F");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(voter).contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                    .post("/api/v1/budget/ballots/b1/votes").then().statusCode(200);
        }
        given().auth().oauth2(voter).contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                .post("/api/v1/budget/ballots/b1/votes").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo(429));
        given().auth().oauth2(TestTokens.resident("other-voter", "11545", "독산1동", 1990, "M")).contentType("application/json")
                .body("{\"choices\":[\"p-1\"]}").post("/api/v1/budget/ballots/b1/votes").then().statusCode(200);
        // Reads are a different class and still pass for the limited caller.
        given().auth().oauth2(voter).get("/api/v1/budget/cycles").then().statusCode(200);
    }

    @Test
    void aCallersLimitIsTheSameWhicheverOfTheirTokensTheySend() {
        // A refreshed token (here: one more claim) is another token of the same resident, not a fresh allowance.
        String first = TestTokens.resident("refreshing-voter", "11545", "독산1동", 1990, "F");
        String refreshed = TestTokens.resident("refreshing-voter", "11545", "독산2동", 1990, "F");
        for (String token : List.of(first, refreshed, first)) {
            given().auth().oauth2(token).contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                    .post("/api/v1/budget/ballots/b2/votes").then().statusCode(200);
        }
        given().auth().oauth2(refreshed).contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                .post("/api/v1/budget/ballots/b2/votes").then().statusCode(429);
    }

    /** Answers differ by Origin under CORS, so every one says so to caches: API, cached exports, preflights, the gateway's own. */
    @Test
    void everyAnswerVariesByOrigin() {
        given().header("Origin", "http://localhost:3000").get("/api/v1/budget/cycles").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000").header("Vary", containsString("Origin"));
        given().get("/api/v1/budget/exports/sized").then().statusCode(200).header("Cache-Control", "public, max-age=300")
                .header("Vary", containsString("Origin"));
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/budget/cycles").then().header("Vary", containsString("Origin"));
        given().get("/api/v1/nothing/here").then().statusCode(404).header("Vary", "Origin");
        given().get("/q/openapi").then().statusCode(200).header("Vary", containsString("Origin"));
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/budget/cycles").then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/budget/cycles").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void securityHeadersOnApiAnswers() {
        given().get("/api/v1/budget/cycles").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void oversizedBodyIs413Problem() {
        given().contentType("application/json").body("{\"title\":\"" + "가".repeat(30_000) + "\"}")
                .post("/api/v1/budget/cycles").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void accessLogNamesRequestCallerStatusAndLatencyButNeverTheToken() throws Exception {
        try (LogCapture access = new LogCapture(AccessLog.CATEGORY)) {
            String token = TestTokens.officer("11545");
            given().auth().oauth2(token).header("X-Request-Id", "log-check-1").get("/api/v1/budget/cycles").then().statusCode(200);
            String line = access.await("log-check-1");
            String keyedTag = new CallerTags(logSecret).tag(verifier.parse(token).getSubject());
            assertTrue(line.contains("caller=OFFICER@11545#" + keyedTag + " "), line);
            assertTrue(line.contains("status=200"), line);
            assertTrue(line.contains("latency_ms="), line);
            assertFalse(line.contains(token), "the token must never be logged");
            assertFalse(line.contains("officer-11545"), "the subject is logged only as a hash");
        }
    }

    @Test
    void votingActsAreLoggedWithoutTheCallersTag() {
        try (LogCapture access = new LogCapture(AccessLog.CATEGORY)) {
            given().auth().oauth2(TestTokens.resident("tagless-voter", "11545", "독산1동", 1990, "F"))
                    .header("X-Request-Id", "log-check-vote").contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                    .post("/api/v1/budget/ballots/b3/votes").then().statusCode(200);
            String line = access.await("log-check-vote");
            assertTrue(line.contains(" caller=RESIDENT@11545 "), line);
            assertFalse(line.contains("#"), "whoever holds the log key could still tell who voted when: " + line);
        }
    }

    @Test
    void receiptCodesNeverReachTheGatewaysLogs() {
        String code = "0123456789abcdef0123456789abcdef";
        try (LogCapture access = new LogCapture(AccessLog.CATEGORY); LogCapture proxy = new LogCapture(ServiceProxy.class.getName())) {
            // Voting is down in this test: the failed forward is logged too.
            given().header("X-Request-Id", "log-check-receipt").get("/api/v1/voting/ballots/b1/receipts/" + code)
                    .then().statusCode(502);
            String line = access.await("log-check-receipt");
            assertTrue(line.contains("route=/api/v1/voting/ballots/b1/receipts/" + LoggedPaths.REDACTED + " "), line);
            String warning = proxy.await("upstream voting failed");
            assertFalse(warning.contains(code), warning);
            assertFalse(String.join("\n", access.lines).contains(code));
        }
    }

    /** The formatted lines of one log category while open. */
    private static final class LogCapture extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Logger logger;

        LogCapture(String category) {
            logger = Logger.getLogger(category);
            logger.addHandler(this);
        }

        String await(String part) {
            org.awaitility.Awaitility.await().until(() -> lines.stream().anyMatch(l -> l.contains(part)));
            return lines.stream().filter(l -> l.contains(part)).findFirst().orElseThrow();
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    void tokensAreVerifiedIntoThePlatformsPrincipals() throws Exception {
        var token = verifier.parse(TestTokens.resident("factory-voter", "11545", "독산1동", 1990, "F"));
        assertInstanceOf(TokenPrincipalFactory.TokenPrincipal.class, token, "SmallRye's parser uses the platform's principal factory");
        assertEquals("11545", String.valueOf((Object) token.getClaim("district")));
    }

    @Test
    void accessLogLinesGoOnlyToTheirOwnGatheringWriter() {
        Logger logger = Logger.getLogger(AccessLog.CATEGORY);
        assertFalse(logger.getUseParentHandlers(), "the console handler would write every line again, one write each");
        assertTrue(java.util.Arrays.stream(logger.getHandlers()).anyMatch(AccessLogWriter.class::isInstance));
    }
}
