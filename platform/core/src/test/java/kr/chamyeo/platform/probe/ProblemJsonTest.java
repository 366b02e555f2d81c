package kr.chamyeo.platform.probe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.OpenApiContract;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ProblemJsonTest {

    private static final String GOOD = "{\"name\":\"놀이터\",\"amount\":1000,\"kind\":\"ORDINARY\"}";

    @Test
    void acceptsGoodInputInKorean() {
        given().contentType("application/json; charset=utf-8").body(GOOD).post("/probe")
                .then().statusCode(200).body("name", equalTo("놀이터"));
    }

    @Test
    void metricsCarryLatencyHistogramsAndOutboxLag() {
        given().contentType("application/json").body(GOOD).post("/probe").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket"))
                .body(containsString("chamyeo_outbox_pending"));
    }

    /** The probe's resources declare no error answers: the shared configuration's filter declares them all. */
    @Test
    void openApiDeclaresTheProblemAnswersTheResourcesLeaveOut() {
        JsonNode document = OpenApiContract.served();
        assertEquals(List.of(), OpenApiContract.errorsWithoutProblemJson(document));
        assertEquals(List.of(), OpenApiContract.undeclaredProblemStatuses(document));
        JsonNode secret = document.path("paths").path("/probe/districts/{district}/secret").path("post").path("responses");
        assertEquals(List.of("401", "403", "404"), List.of("401", "403", "404").stream().filter(secret::has).toList());
        assertEquals(401, secret.path("401").path("content").path("application/problem+json").path("example").path("status").asInt());
    }

    /** JAX-RS itself answers 404 for a value that does not convert; the documents (and a client) expect 400. */
    @Test
    void malformedPathOrQueryValueIs400NamingTheParameter() {
        given().get("/probe/items/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("malformed-request")).body("instance", equalTo("/probe/items/not-a-uuid"))
                .body("errors[0].field", equalTo("id")).body("errors[0].message", containsString("UUID"));
        String id = "3f2b8c1e-5d4a-4e7b-9c6d-1a2b3c4d5e6f";
        given().get("/probe/items/" + id + "?kind=NOPE")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", equalTo("must be one of [ORDINARY, EVENT]"));
        given().get("/probe/items/" + id + "?kind=EVENT&year=이천이십일")
                .then().statusCode(400).body("errors[0].field", equalTo("year"))
                .body("errors[0].message", equalTo("must be an integer"));
        given().get("/probe/items/" + id + "?kind=EVENT&year=2021").then().statusCode(200).body("id", equalTo(id));
        // A path no resource has stays 404.
        given().get("/probe/nothing/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIs400() {
        given().contentType("application/json").body("{\"name\": ").post("/probe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("type", containsString("malformed-request"))
                .body("instance", equalTo("/probe")).body("title", notNullValue());
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType("application/json").body("{\"name\":\"a\",\"amount\":\"lots\",\"kind\":\"ORDINARY\"}").post("/probe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        given().contentType("application/json").body("{\"name\":\"a\",\"amount\":1,\"kind\":\"HUGE\"}").post("/probe")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("ORDINARY"));
    }

    @Test
    void missingFieldsAre422WithEveryField() {
        given().contentType("application/json").body("{\"parts\":[{\"label\":\"\"}]}").post("/probe")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("amount"))
                .body("errors.field", hasItem("kind")).body("errors.field", hasItem("parts[0].label"));
    }

    @Test
    void missingBodyIs422() {
        given().contentType("application/json").post("/probe")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void unknownFieldIsRefused() {
        given().contentType("application/json").body("{\"name\":\"a\",\"amount\":1,\"kind\":\"EVENT\",\"admin\":true}").post("/probe")
                .then().statusCode(400).body("errors[0].field", equalTo("admin"));
    }

    @Test
    void trailingTextAfterTheBodyIs400() {
        given().contentType("application/json").body(GOOD + "garbage").post("/probe")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void blankOrStringlyTypedNumbersAre400() {
        given().contentType("application/json").body("{\"name\":\"a\",\"amount\":\"\\u0000\",\"kind\":\"EVENT\"}").post("/probe")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        given().contentType("application/json").body("{\"name\":\"a\",\"amount\":\"12\",\"kind\":\"EVENT\"}").post("/probe")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
    }

    @Test
    void overflowingNumberIs400() {
        given().contentType("application/json").body("{\"name\":\"a\",\"amount\":99999999999999999999999,\"kind\":\"EVENT\"}")
                .post("/probe").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        given().contentType("application/json").body(body).post("/probe")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"name\":\"" + "가".repeat(40_000) + "\",\"amount\":1,\"kind\":\"EVENT\"}";
        given().contentType("application/json").body(huge).post("/probe")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType("text/plain").body(GOOD).post("/probe")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void badDistrictCodeIs422() {
        given().contentType("application/json").body("{\"name\":\"a\",\"amount\":1,\"kind\":\"EVENT\",\"district\":\"99999\"}")
                .post("/probe").then().statusCode(422).body("errors[0].field", equalTo("district"));
    }

    @Test
    void unknownPathIs404Problem() {
        given().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void protectedWithoutTokenIs401() {
        given().post("/probe/districts/11545/actions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredOrForeignTokensAre401() {
        given().auth().oauth2(TestTokens.token("o", "OFFICER").district("11545").expired().sign())
                .post("/probe/districts/11545/actions").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("o", "OFFICER").district("11545").wronglySigned().sign())
                .post("/probe/districts/11545/actions").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("o", "OFFICER").district("11545").issuer("https://evil").sign())
                .post("/probe/districts/11545/actions").then().statusCode(401);
    }

    @Test
    void otherDistrictOrRoleIs403() {
        given().auth().oauth2(TestTokens.officer("11110")).post("/probe/districts/11545/actions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.resident("r1", "11545", "독산1동", 1990, "F")).post("/probe/districts/11545/actions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.officer("11545")).post("/probe/districts/11545/actions").then().statusCode(200);
        given().auth().oauth2(TestTokens.cityAdmin()).post("/probe/districts/11545/actions").then().statusCode(200);
    }
}
