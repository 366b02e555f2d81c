package kr.chamyeo.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Per-route body limits (test config: 8M for simulations, 64K elsewhere) and the anonymous upload bucket (6 a minute). */
@QuarkusTest
@QuarkusTestResource(UpstreamsResource.class)
class BodyLimitsTest {

    @Test
    void simulationsTakeLargeFilesOtherRoutesDoNot() {
        String file = "x".repeat(3 * 1024 * 1024);
        String echoed = given().contentType("text/plain").body(file).post("/api/v1/budget/simulations")
                .then().statusCode(200).extract().asString();
        assertEquals(true, echoed.contains(file));
        given().contentType("text/plain").body(file).post("/api/v1/budget/cycles").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("65536 bytes"));
        given().contentType("text/plain").body("x".repeat(9 * 1024 * 1024)).post("/api/v1/budget/simulations")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void anonymousUploadsHaveTheirOwnSmallBucket() {
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            int status = given().contentType("text/plain").body("META").post("/api/v1/budget/simulations/").then().extract().statusCode();
            if (status == 429) {
                refused++;
            }
        }
        // 6 a minute per address; the other test's upload may have drawn one token already: 2 or 3 of 8 refused.
        assertEquals(true, refused >= 2 && refused <= 3, refused + " refused");
    }
}
