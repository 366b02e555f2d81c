package kr.chamyeo.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * The gateway's limits hold whatever the spelling of the path, the framing of the body or the headers a caller writes
 * (issue 23). Test configuration: 3 votes per caller, 64K bodies outside /budget/simulations, one trusted proxy hop.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamsResource.class)
class GatewayLimitsTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aVoteIsCountedAsAVoteHoweverItsPathIsSpelled() {
        String voter = TestTokens.resident("spelling-voter", "11545", "독산1동", 1990, "F");
        // The service routes each of these to the same votes endpoint; each must draw from the vote allowance.
        for (String path : new String[] {"/api/v1/budget/ballots/b7/vote%73", "/api/v1/budget/ballots/b7/votes;v=1",
                "/api/v1/budget/ballots/x/../b7/votes/"}) {
            given().urlEncodingEnabled(false).auth().oauth2(voter).contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                    .post(path).then().statusCode(200);
        }
        given().urlEncodingEnabled(false).auth().oauth2(voter).contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                .post("/api/v1/budget/ballots/b7/vote%73").then().statusCode(429).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("votes"));
    }

    @Test
    void theServiceIsSentThePathThatWasClassified() {
        given().urlEncodingEnabled(false).auth().oauth2(TestTokens.officer("11545")).get("/api/v1/budget/cycle%73?district=11545")
                .then().statusCode(200).body("path", equalTo("/api/v1/budget/cycles?district=11545"));
    }

    @Test
    void onlyTheTrustedProxysForwardedForEntryNamesTheCaller() {
        // The caller writes whatever it likes left of the entry the ingress appended; a new first entry is no new caller.
        for (int i = 0; i < 3; i++) {
            anonymousVote("198.51.100." + i + ", 203.0.113.7").then().statusCode(200);
        }
        anonymousVote("198.51.100.99, 203.0.113.7").then().statusCode(429);
        anonymousVote("203.0.113.8").then().statusCode(200);
        // One IPv6 subscriber holds a /64: every address in it is the same caller.
        for (int i = 1; i <= 3; i++) {
            anonymousVote("2001:db8:1:2::" + i).then().statusCode(200);
        }
        anonymousVote("2001:db8:1:2:ffff::1").then().statusCode(429);
        anonymousVote("2001:db8:1:3::1").then().statusCode(200);
    }

    private static io.restassured.response.Response anonymousVote(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                .post("/api/v1/budget/ballots/b8/votes");
    }

    @Test
    void aChunkedBodyIsHeldToTheLimitByTheBytesReceived() throws IOException {
        // 70 KB in chunks, no Content-Length, and no last chunk: the gateway must refuse on what arrived.
        String answer = raw("POST /api/v1/budget/cycles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", 70 * 1024, false);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        // A chunked body within the limit still goes through whole.
        String small = raw("POST /api/v1/budget/cycles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", 0, true);
        assertTrue(small.startsWith("HTTP/1.1 200"), small);
    }

    @Test
    void aLargeRoutesLimitIsNotReachedThroughDotSegments() throws IOException {
        String answer = raw("POST /api/v1/budget/simulations/../cycles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + 100 * 1024 + "\r\n\r\n", 0, false);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    }

    /** A trustee posts a shuffle of the whole box (tens of MB for a city ballot); a vote stays small. */
    @Test
    void theTrusteesCountingRoutesTakeLargeBodiesAndNothingElseOnTheBallotDoes() {
        byte[] body = new byte[100 * 1024];
        String officer = TestTokens.officer("11545");
        int status = given().urlEncodingEnabled(false).auth().oauth2(officer).contentType("application/json").body(body)
                .post("/api/v1/voting/ballots/6f1e0d3c-8a43-4a0e-9a55-0d8b2b1f4c11/counting/mixes").statusCode();
        assertNotEquals(413, status, "the body reached the (closed) voting upstream");
        for (String path : new String[] {"/api/v1/voting/ballots/6f1e0d3c-8a43-4a0e-9a55-0d8b2b1f4c11/votes",
                "/api/v1/voting/ballots/6f1e/counting/../votes", "/api/v1/voting/ballots//counting/mixes"}) {
            given().urlEncodingEnabled(false).auth().oauth2(officer).contentType("application/json").body(body).post(path).then()
                    .statusCode(413);
        }
    }

    @Test
    void aRequestIdThatCouldForgeLogFieldsIsReplaced() {
        given().header("X-Request-Id", "x status=200 caller=CITY_ADMIN@-").get("/api/v1/budget/cycles").then().statusCode(200)
                .header("X-Request-Id", not(org.hamcrest.Matchers.containsString(" ")))
                .body("requestId", not(org.hamcrest.Matchers.containsString("caller=")));
        given().header("X-Request-Id", "client-a:42.7_b").get("/api/v1/budget/cycles").then().statusCode(200)
                .header("X-Request-Id", "client-a:42.7_b");
    }

    /**
     * Sends {@code head}, then {@code chunkedBytes} of body in 8 KB chunks (ended by the last chunk if {@code end}),
     * and reads the answer until the connection closes or 5 s pass.
     */
    private String raw(String head, int chunkedBytes, boolean end) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] piece = "{\"a\":1}".repeat(1171).substring(0, 8192).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < chunkedBytes; sent += piece.length) {
                out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(piece);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (end) {
                out.write("7\r\n{\"a\":1}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}", answer.indexOf("\r\n\r\n")) > 0) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                // What arrived is the answer.
            }
            assertEquals(true, answer.length() > 0, "no answer");
            return answer.toString();
        }
    }
}
