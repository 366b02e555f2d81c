package kr.chamyeo.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * What every Chamyeo service must offer operators and clients: readiness over its database and Kafka,
 * Prometheus metrics, a titled OpenAPI document that declares its problem+json answers, problem+json for
 * unknown paths, and no database password of its own in production. A service's test class extends this with its own {@code @QuarkusTest} annotations.
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

    /** A generated Java client does not compile beside a model named after a library class (JsonNode, …). */
    @Test
    void noSchemaIsNamedAfterALibraryClass() {
        assertEquals(List.of(), OpenApiContract.libraryTypeSchemas(OpenApiContract.served()));
    }

    @Test
    void publicOperationsSaySo() {
        assertEquals(List.of(), OpenApiContract.operationsWithoutSecurity(OpenApiContract.served()));
    }

    @Test
    void listsAreDeclaredAsArrays() {
        assertEquals(List.of(), OpenApiContract.listsNotDeclaredAsArrays(OpenApiContract.served()));
    }

    /**
     * A password written in application.properties is everyone's password: production must name its own, and a
     * service started without one stops with the variable to set (issue 23). Read from the service's
     * application.properties alone, as a production start without those variables would read it.
     */
    @Test
    void productionHasNoDefaultDatabasePassword() throws IOException {
        URL properties = Path.of("src/main/resources/application.properties").toUri().toURL();
        for (String property : List.of("quarkus.datasource.password", "quarkus.flyway.password")) {
            String variable = property.toUpperCase(Locale.ROOT).replace('.', '_');
            NoSuchElementException refused = assertThrows(NoSuchElementException.class,
                    () -> profile(properties, "prod").getValue(property, String.class), property + " has a production default");
            assertTrue(refused.getMessage().contains(variable) && refused.getMessage().contains(property), refused.getMessage());
            for (String local : List.of("dev", "test")) {
                assertEquals("chamyeo", profile(properties, local).getValue(property, String.class), local + " " + property);
            }
        }
    }

    private static SmallRyeConfig profile(URL properties, String profile) throws IOException {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties)).build();
    }

    @Test
    void unknownApiPathIsProblemJson() {
        given().get(apiRoot() + "/does-not-exist").then().statusCode(404).contentType("application/problem+json");
    }
}
