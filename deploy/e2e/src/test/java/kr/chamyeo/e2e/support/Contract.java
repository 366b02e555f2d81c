package kr.chamyeo.e2e.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every answer the end-to-end tests get is checked against the gateway's combined OpenAPI document, as a partner's
 * generated client would read it: the operation declares the status, the status declares the content type, and the
 * body is valid against that response's schema (JSON Schema 2020-12, OpenAPI 3.1's dialect, formats asserted). The
 * violations are collected here and {@link StackExtension} fails each test class that met any.
 * <p>
 * Only operations of the document are checked (a path it does not have, e.g. {@code /api/v1/nowhere}, has no
 * contract); the fault drills, whose outages the gateway answers for services it cannot reach, are not.
 */
public final class Contract {

    private static final String BASE = "https://chamyeo.local/openapi.json";
    private static final Map<String, Contract> BY_GATEWAY = new ConcurrentHashMap<>();
    private static final List<Violation> VIOLATIONS = Collections.synchronizedList(new ArrayList<>());
    private static volatile boolean checking = true;
    private static volatile Contract current;

    private record Route(String template, Pattern pattern, int variables) {
    }

    /**
     * One answer that breaks the document. {@code kind} is what answers of one mistake share (the operation, the
     * status and the rule, without ids, indices or bodies), so a class's report reads as a few kinds with their counts.
     */
    record Violation(String kind, String example) {
    }

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final JsonSchemaFactory schemas;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger schemaCount = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();

    private Contract(JsonNode document) {
        this.document = document;
        document.path("paths").fieldNames().forEachRemaining(path -> routes.add(new Route(path,
                Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")),
                (int) path.chars().filter(c -> c == '{').count())));
        // A literal segment wins over a variable one: /elections/mine before /elections/{id}.
        routes.sort(Comparator.comparingInt(Route::variables));
        String json = document.toString();
        schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, json))));
    }

    /** The contract of the stack's gateway (its combined document, read once). */
    static void use(Stack stack) {
        current = BY_GATEWAY.computeIfAbsent(stack.gateway(), g -> new Contract(OpenApi.fetch(stack)));
    }

    /** Whether answers are checked: not during the fault drills. */
    static void checking(boolean on) {
        checking = on;
    }

    /** The violations met since the last call, and how many answers were checked. */
    static List<Violation> drain() {
        synchronized (VIOLATIONS) {
            List<Violation> out = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return out;
        }
    }

    static int checked() {
        Contract c = current;
        return c == null ? 0 : c.checked.get();
    }

    /** Checks one answer to a request for {@code url}; {@code contentType} and {@code body} may be null. */
    public static void check(String method, String url, int status, String contentType, String body) {
        Contract contract = current;
        if (contract == null || !checking || status < 100) {
            return;
        }
        int start = url.indexOf('/', url.indexOf("://") + 3);
        String target = start < 0 ? "/" : url.substring(start);
        String path = target.split("[?#]", 2)[0];
        String verb = method.toLowerCase(Locale.ROOT);
        Route route = contract.routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (route == null || !contract.document.path("paths").path(route.template()).has(verb)) {
            return; // not an operation of the document
        }
        String violation = contract.violation(verb, route, status, contentType, body);
        if (violation != null) {
            String rule = violation.startsWith("a body") ? violation.split(": ", 2)[0]
                    : violation.replaceAll("/\\d+(?=[/:; ]|$)", "/*");
            VIOLATIONS.add(new Violation(method + " " + route.template() + " → " + status + ": " + rule,
                    method + " " + target + " → " + status + ": " + violation));
        }
    }

    private String violation(String method, Route route, int status, String contentType, String body) {
        checked.incrementAndGet();
        JsonNode responses = document.path("paths").path(route.template()).path(method).path("responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            code = responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX" : "default";
        }
        if (!responses.has(code)) {
            return "status not declared by " + method.toUpperCase(Locale.ROOT) + " " + route.template()
                    + " (declared: " + names(responses) + ")";
        }
        JsonNode content = responses.path(code).path("content");
        boolean empty = body == null || body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            return empty ? null : "a body where the document declares none: " + abbreviate(body);
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(media)) {
            return "content type '" + media + "' not declared (declared: " + names(content) + ")";
        }
        if (!media.endsWith("json")) {
            return null;
        }
        JsonNode value;
        try {
            value = OpenApi.JSON.readTree(empty ? "null" : body);
        } catch (IOException e) {
            return "a body that is not JSON: " + abbreviate(body);
        }
        String key = route.template() + " " + method + " " + code + " " + media;
        JsonNode declared = content.path(media).path("schema");
        JsonSchema schema = compiled.computeIfAbsent(key, k -> schemas.getSchema(
                SchemaLocation.of("https://chamyeo.local/responses/" + schemaCount.incrementAndGet()), absolute(declared.deepCopy()), config));
        List<String> errors = schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().limit(5).toList();
        return errors.isEmpty() ? null : String.join("; ", errors);
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** The schema with its references made absolute, so they resolve in the whole document wherever it is compiled. */
    private static JsonNode absolute(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                object.put("$ref", BASE + ref.asText());
            }
            object.elements().forEachRemaining(Contract::absolute);
        } else if (node.isArray()) {
            node.forEach(Contract::absolute);
        }
        return node;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
