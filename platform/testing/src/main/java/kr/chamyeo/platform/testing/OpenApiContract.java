package kr.chamyeo.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rules a service's OpenAPI document must keep so that clients generated from it (OpenAPI Generator, typed
 * TypeScript/Kotlin clients) can trust it. Each rule returns the places that break it, so a failing test names them.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";

    private OpenApiContract() {
    }

    /** The running service's own document. */
    public static JsonNode served() {
        try {
            return new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("/q/openapi is not JSON", e);
        }
    }

    /** Every 4xx and 5xx answer is declared as problem+json of the platform's Problem schema. */
    public static List<String> errorsWithoutProblemJson(JsonNode document) {
        List<String> broken = new ArrayList<>();
        forEachOperation(document, (where, operation) -> operation.path("responses").fields().forEachRemaining(r -> {
            if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                JsonNode schema = r.getValue().path("content").path(PROBLEM).path("schema");
                if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                    broken.add(where + " " + r.getKey());
                }
            }
        }));
        if (!broken.isEmpty() && document.path("components").path("schemas").path("Problem").isMissingNode()) {
            broken.add("components.schemas.Problem missing");
        }
        return broken;
    }

    /** Operations that can refuse a token but do not say so (401/403), or take input and do not declare 400/422. */
    public static List<String> undeclaredProblemStatuses(JsonNode document) {
        List<String> broken = new ArrayList<>();
        forEachOperation(document, (where, operation) -> {
            JsonNode responses = operation.path("responses");
            List<String> expected = new ArrayList<>();
            if (operation.path("security").size() > 0) {
                expected.addAll(List.of("401", "403"));
            }
            if (operation.path("parameters").size() > 0 || operation.has("requestBody")) {
                expected.addAll(List.of("400", "422"));
            }
            if (where.contains("{")) {
                expected.add("404");
            }
            expected.stream().filter(s -> !responses.has(s)).forEach(s -> broken.add(where + " " + s));
        });
        return broken;
    }

    /** Operations without an operationId of the {@code lowerCamelCase} form clients use as method names, or repeated. */
    public static List<String> badOperationIds(JsonNode document) {
        List<String> broken = new ArrayList<>();
        Map<String, String> seen = new java.util.HashMap<>();
        forEachOperation(document, (where, operation) -> {
            String id = operation.path("operationId").asText("");
            if (!id.matches("[a-z][A-Za-z0-9]*")) {
                broken.add(where + " operationId '" + id + "'");
            } else if (seen.putIfAbsent(id, where) != null) {
                broken.add(where + " repeats " + seen.get(id) + "'s operationId " + id);
            }
        });
        return broken;
    }

    interface OperationVisitor {
        void visit(String where, JsonNode operation);
    }

    static void forEachOperation(JsonNode document, OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    visitor.visit(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            });
        }
    }
}
