package kr.chamyeo.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(UpstreamsResource.class)
class GatewayTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void forwardsToTheServiceWithPathQueryAndBody() {
        given().contentType("application/json").body("{\"title\":\"어린이 놀이터\"}")
                .post("/api/v1/budget/cycles/7/proposals?draft=true")
                .then().statusCode(200)
                .body("path", equalTo("/api/v1/budget/cycles/7/proposals?draft=true"))
                .body("method", equalTo("POST"))
                .body("body.title", equalTo("어린이 놀이터"));
    }

    @Test
    void forwardsTheAnswersHeadersButNotTheConnectionsOwnAndKeepsNothingCachedUnlessTheServiceSaysSo() {
        given().get("/api/v1/budget/cycles").then().statusCode(200)
                .header("Location", "/api/v1/budget/cycles/7")
                .header("Keep-Alive", org.hamcrest.Matchers.nullValue())
                .header("Connection", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsStringIgnoringCase("keep-alive")))
                .header("Date", notNullValue())
                .header("Cache-Control", "no-store");
        given().get("/api/v1/budget/exports/sized").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300");
        given().get("/api/v1/nothing/here").then().statusCode(404).header("Cache-Control", "no-store");
    }

    @Test
    void streamsLargeAnswersAndUploadsWhole() {
        String expected = "투표 결과 한 줄\n".repeat(15_000);
        for (String path : new String[] {"/api/v1/budget/exports/sized", "/api/v1/budget/exports/chunked"}) {
            String body = given().get(path).then().statusCode(200).extract().asString();
            assertThat(path, body.length(), equalTo(expected.length()));
            assertThat(path, body.equals(expected), equalTo(true));
        }
        String upload = "x".repeat(60_000);
        given().contentType("text/plain").body(upload).post("/api/v1/budget/exports/upload")
                .then().statusCode(200).body(equalTo("uploaded 60000"));
    }

    @Test
    void aCallerWhoLeavesMidAnswerFreesTheUpstream() throws Exception {
        UpstreamsResource.slowExportDropped = new CompletableFuture<>();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream().write("GET /api/v1/budget/exports/slow HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String start = new String(socket.getInputStream().readNBytes(2048), StandardCharsets.UTF_8);
            assertThat(start, start.startsWith("HTTP/1.1 200"), equalTo(true));
        }
        // The whole answer takes 4 s; the upstream must see its connection dropped well before that.
        assertThat(UpstreamsResource.slowExportDropped.get(3, TimeUnit.SECONDS), equalTo(true));
    }

    @Test
    void generatesRequestIdAndKeepsAGivenOne() {
        String generated = given().get("/api/v1/budget/cycles").then().statusCode(200)
                .body("requestId", not(equalTo("null"))).extract().header("X-Request-Id");
        UUID id = UUID.fromString(generated);
        assertThat(id.version(), equalTo(4));
        assertThat(id.variant(), equalTo(2));
        assertThat(given().get("/api/v1/budget/cycles").then().extract().header("X-Request-Id"), not(equalTo(generated)));
        var answer = given().header("X-Request-Id", "req-123").get("/api/v1/budget/cycles").then().statusCode(200)
                .body("requestId", equalTo("req-123")).extract();
        // The upstream names an id of its own; the caller sees only the gateway's.
        assertThat(answer.headers().getValues("X-Request-Id"), equalTo(java.util.List.of("req-123")));
    }

    @Test
    void metricsNameTheRouteNotTheId() {
        given().get("/api/v1/budget/cycles/41").then().statusCode(200);
        given().get("/api/v1/budget/cycles/42").then().statusCode(200);
        given().contentType("application/json").body("{\"choices\":[\"o1\"]}").post("/api/v1/voting/ballots/b-77/votes").then().statusCode(502);
        given().get("/api/v1/nothing/here/9").then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/budget/*\"}"));
        assertThat(metrics, containsString("method=\"POST\",outcome=\"SERVER_ERROR\",status=\"502\",uri=\"/api/v1/voting/ballots/{id}/votes\""));
        assertThat(metrics, containsString("method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\""));
        assertThat(metrics, not(containsString("/api/v1/budget/cycles/4")));
        assertThat(metrics, not(containsString("b-77")));
        assertThat(metrics, not(containsString("/nothing/here")));
    }

    @Test
    void downServiceIs502Problem() {
        given().get("/api/v1/voting/ballots").then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502)).body("instance", equalTo("/api/v1/voting/ballots"));
    }

    @Test
    void slowServiceIs504Problem() {
        given().get("/api/v1/governance/forums").then().statusCode(504)
                .contentType("application/problem+json").body("status", equalTo(504));
    }

    @Test
    void unknownServiceIs404Problem() {
        given().get("/api/v1/nothing/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void combinedOpenApiHasEveryReachableServiceAndRenamesClashingSchemas() {
        given().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Chamyeo API (참여)"))
                .body("paths", hasKey("/api/v1/budget/cycles"))
                .body("paths", hasKey("/api/v1/community/plans"))
                .body("components.schemas", hasKey("Cycle"))
                .body("components.schemas", hasKey("CommunityCycle"))
                .body("components.schemas.Problem", notNullValue())
                .body("paths.'/api/v1/community/plans'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/CommunityCycle"))
                .body("components.securitySchemes", hasKey("bearer"))
                .body("x-unavailable-services", org.hamcrest.Matchers.hasItems("voting", "governance"));
    }

    /** The gateway's own answers (a spent rate limit, a token that is not valid, an unreachable or slow service) are declared on every operation. */
    @Test
    void combinedOpenApiDeclaresTheGatewaysOwnAnswersOnEveryOperation() {
        for (String path : new String[] {"'/api/v1/budget/cycles'", "'/api/v1/community/plans'"}) {
            for (String status : new String[] {"401", "429", "502", "504"}) {
                given().get("/q/openapi").then().statusCode(200)
                        .body("paths." + path + ".get.responses.'" + status + "'.content.'application/problem+json'.schema.'$ref'",
                                equalTo("#/components/schemas/Problem"))
                        .body("paths." + path + ".get.responses.'" + status + "'.content.'application/problem+json'.example.status",
                                equalTo(Integer.parseInt(status)));
            }
        }
    }

    @Test
    void servesTheEventsAsyncApiDocumentBesideTheOpenApiOne() {
        given().get("/q/asyncapi").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/yaml"))
                .body(org.hamcrest.Matchers.containsString("asyncapi: 3.1.0"))
                .body(org.hamcrest.Matchers.containsString("address: voting.ballots"))
                .body(org.hamcrest.Matchers.containsString("주민자치회"));
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
