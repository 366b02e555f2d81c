package kr.chamyeo.platform.testing;

import static io.restassured.RestAssured.given;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;

import org.eclipse.microprofile.config.ConfigProvider;

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

    /**
     * Operations that can refuse a token but do not say so (401/403), take input and do not declare 400/422, take a
     * body and do not declare 413/415 (too large, wrong media type), or leave out the 406 any of them answers to an
     * {@code Accept} header that excludes its media type.
     */
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
            if (operation.has("requestBody")) {
                expected.addAll(List.of("413", "415"));
            }
            if (where.contains("{")) {
                expected.add("404");
            }
            expected.add("406");
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

    /**
     * Array members of the schemas the operations use whose items have no type ({@code items: {}}), such as a page
     * declared as the raw {@code Page} class: generated clients then hold lists of untyped maps.
     */
    public static List<String> untypedArrays(JsonNode document) {
        String text = document.toString();
        List<String> broken = new ArrayList<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (!text.contains("\"#/components/schemas/" + schema.getKey() + "\"")) {
                return; // not used by any operation or schema
            }
            schema.getValue().path("properties").fields().forEachRemaining(property -> {
                JsonNode items = property.getValue().path("items");
                if (isType(property.getValue(), "array") && !items.has("$ref")
                        && !items.has("type") && !items.has("oneOf") && !items.has("anyOf")) {
                    broken.add(schema.getKey() + "." + property.getKey());
                }
            });
        });
        return broken;
    }

    /**
     * Schemas named after a library class the service returned as is (Jackson's {@code JsonNode}, {@code ObjectNode},
     * …): the generated Java client then has a model class of that name beside the library's own, and does not compile
     * ({@code reference to JsonNode is ambiguous}). Such a field needs its real type or a schema of its own.
     */
    public static List<String> libraryTypeSchemas(JsonNode document) {
        List<String> broken = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (LIBRARY_TYPES.contains(name)) {
                broken.add(name);
            }
        });
        return broken;
    }

    /** Instant, LocalDate and UUID are named too, but as string formats the generators map to their own types. */
    private static final Set<String> LIBRARY_TYPES = Set.of("JsonNode", "ObjectNode", "ArrayNode", "TextNode", "ECPoint");

    /** {@code type: T} or, for a value that may be null, {@code type: [T, "null"]}. */
    static boolean isType(JsonNode schema, String type) {
        JsonNode declared = schema.path("type");
        if (declared.isArray()) {
            for (JsonNode t : declared) {
                if (t.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
    }

    /** Operations that say nothing about security: public ones must say {@code security: []}. */
    public static List<String> operationsWithoutSecurity(JsonNode document) {
        List<String> broken = new ArrayList<>();
        forEachOperation(document, (where, operation) -> {
            if (!operation.path("security").isArray()) {
                broken.add(where);
            }
        });
        return broken;
    }

    /**
     * GET methods of the running service's resources that return a Java list, set or array but whose document declares
     * their 200 answer as something other than an array (an explicit {@code @Schema(implementation = X.class)} without
     * {@code type = ARRAY} does that): generated clients then fail to read the answer. Call inside a {@code @QuarkusTest}.
     */
    public static List<String> listsNotDeclaredAsArrays(JsonNode document) {
        String root = ConfigProvider.getConfig().getOptionalValue("quarkus.rest.path", String.class).orElse("/");
        List<String> broken = new ArrayList<>();
        Set<Class<?>> resources = new java.util.HashSet<>();
        for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (annotation(bean.getBeanClass(), "jakarta.ws.rs.Path") != null) {
                resources.add(bean.getBeanClass());
            }
        }
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                boolean many = Collection.class.isAssignableFrom(method.getReturnType()) || method.getReturnType().isArray();
                if (!many || annotation(method, "jakarta.ws.rs.GET") == null) {
                    continue;
                }
                String path = join(root, pathOf(resource), pathOf(method));
                JsonNode schema = document.path("paths").path(path).path("get").path("responses").path("200")
                        .path("content").path("application/json").path("schema");
                if (!"array".equals(schema.path("type").asText())) {
                    broken.add("GET " + path + " (" + resource.getSimpleName() + "." + method.getName() + ") is "
                            + (schema.has("$ref") ? schema.path("$ref").asText() : schema.toString()));
                }
            }
        }
        java.util.Collections.sort(broken);
        return broken;
    }

    private static Annotation annotation(java.lang.reflect.AnnotatedElement element, String type) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private static String pathOf(java.lang.reflect.AnnotatedElement element) {
        Annotation path = annotation(element, "jakarta.ws.rs.Path");
        if (path == null) {
            return "";
        }
        try {
            return (String) path.annotationType().getMethod("value").invoke(path);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document's form of a JAX-RS path: one slash between parts, templates without their regular expressions. */
    private static String join(String... parts) {
        String joined = String.join("/", parts).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
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
