package kr.chamyeo.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What every Chamyeo service must offer operators and clients: readiness over its database and Kafka,
 * Prometheus metrics, a titled OpenAPI document that declares its problem+json answers, and problem+json for
 * unknown paths. A service's test class extends this with its own {@code @QuarkusTest} annotations.
 */
public abstract class ServiceInfrastructureChecks {

    /** The OpenAPI title the service must publish. */
    protected abstract String openApiTitle();

    /** The service's API root, e.g. {@code /api/v1/budget}. */
    protected abstract String apiRoot();

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesOpenApiWithTitle() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle()))
                .body("info.version", equalTo("1.0.0"));
    }

    /** Generated clients parse every error with one type only if the document says so for every error answer. */
    @Test
    void openApiDeclaresEveryErrorAsProblemJson() {
        var document = OpenApiContract.served();
        assertEquals(List.of(), OpenApiContract.errorsWithoutProblemJson(document));
        assertEquals(List.of(), OpenApiContract.undeclaredProblemStatuses(document));
    }

    /** Generated clients name their methods after operationIds; without them a path change renames the methods. */
    @Test
    void everyOperationHasItsOwnOperationId() {
        assertEquals(List.of(), OpenApiContract.badOperationIds(OpenApiContract.served()));
    }

    @Test
    void publicOperationsSaySo() {
        assertEquals(List.of(), OpenApiContract.operationsWithoutSecurity(OpenApiContract.served()));
    }

    @Test
    void listsAreDeclaredAsArrays() {
        assertEquals(List.of(), OpenApiContract.listsNotDeclaredAsArrays(OpenApiContract.served()));
    }

    @Test
    void unknownApiPathIsProblemJson() {
        given().get(apiRoot() + "/does-not-exist").then().statusCode(404).contentType("application/problem+json");
    }
}
