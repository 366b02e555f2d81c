package kr.chamyeo.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves one OpenAPI document for the whole suite at {@code /q/openapi}, merged from the services' own
 * documents, so partner systems integrate against a single contract. Each service's scalar schemas are written in
 * place first ({@link SchemaNames}); schemas that two services name alike but define differently are then named after
 * their service ({@code VotingBallotView}) with their references rewritten; the gateway's own refusals are declared on
 * every operation ({@link GatewayResponses}).
 */
@Singleton
public class CombinedOpenApi {

    private static final Logger LOG = Logger.getLogger(CombinedOpenApi.class);

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    void routes(@Observes Router router) {
        router.get("/q/openapi").order(-20).blockingHandler(this::serve);
    }

    private void serve(RoutingContext rc) {
        try {
            ObjectNode document = document();
            boolean yaml = "yaml".equalsIgnoreCase(rc.request().getParam("format"))
                    || (rc.request().getParam("format") == null && accepts(rc, "yaml"));
            rc.response().putHeader("Content-Type", yaml ? "application/yaml;charset=UTF-8" : "application/json;charset=UTF-8")
                    .end(yaml ? new YAMLMapper().writeValueAsString(document) : mapper.writeValueAsString(document));
        } catch (Exception e) {
            LOG.error("Could not build the combined OpenAPI document", e);
            rc.response().setStatusCode(502).putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .end(Problems.json(502, "openapi-unavailable", "Bad gateway",
                            "The combined OpenAPI document could not be built", "/q/openapi"));
        }
    }

    private static boolean accepts(RoutingContext rc, String type) {
        String accept = rc.request().getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    synchronized ObjectNode document() {
        if (cached != null && Instant.now().isBefore(cachedAt.plus(config.openapiCache()))) {
            return cached;
        }
        Map<String, CompletableFuture<HttpResponse<String>>> requests = new TreeMap<>();
        for (Map.Entry<String, URI> service : config.services().entrySet()) {
            requests.put(service.getKey(), http.sendAsync(HttpRequest.newBuilder(service.getValue().resolve("/q/openapi?format=json"))
                    .timeout(config.timeout()).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, JsonNode> documents = new TreeMap<>();
        List<String> unavailable = new ArrayList<>();
        requests.forEach((service, request) -> {
            try {
                HttpResponse<String> response = request.join();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("status " + response.statusCode());
                }
                documents.put(service, mapper.readTree(response.body()));
            } catch (Exception e) {
                LOG.warnf("OpenAPI of %s unavailable: %s", service, e.getMessage());
                unavailable.add(service);
            }
        });
        ObjectNode combined = merge(documents);
        if (!unavailable.isEmpty()) {
            combined.putPOJO("x-unavailable-services", unavailable);
        } else {
            cached = combined;
            cachedAt = Instant.now();
        }
        return combined;
    }

    ObjectNode merge(Map<String, JsonNode> documents) {
        ObjectNode combined = mapper.createObjectNode();
        combined.put("openapi", "3.1.0");
        ObjectNode info = combined.putObject("info");
        info.put("title", "Chamyeo API (참여)");
        info.put("version", "1.0.0");
        info.put("description", "Seoul civic participation suite: participatory budgets (주민참여예산), mobile voting (엠보팅), "
                + "village community (마을공동체) and youth governance (청년 거버넌스), behind one gateway. "
                + "Errors are RFC 7807 application/problem+json; protected operations need a bearer JWT.");
        ObjectNode server = combined.putArray("servers").addObject();
        server.put("url", "http://localhost:8080");
        server.put("description", "The local stack's gateway (deploy/local/stack up); in production the city's gateway host");
        ObjectNode paths = combined.putObject("paths");
        ObjectNode components = combined.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        ArrayNode tags = combined.putArray("tags");

        Map<String, Integer> tagUses = new TreeMap<>();
        documents.values().forEach(d -> d.path("tags").forEach(t -> tagUses.merge(t.path("name").asText(), 1, Integer::sum)));
        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            String service = entry.getKey();
            ObjectNode document = (ObjectNode) entry.getValue().deepCopy();
            SchemaNames.tidy(document);
            separateSharedTags(document, service, tagUses);
            JsonNode ownSchemas = document.path("components").path("schemas");
            Map<String, String> renames = new TreeMap<>();
            for (Iterator<String> names = ownSchemas.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (schemas.has(name) && !schemas.get(name).equals(ownSchemas.get(name))) {
                    renames.put(name, upperFirst(service) + name);
                }
            }
            if (!renames.isEmpty()) {
                SchemaNames.rewriteRefs(document, renames);
                ownSchemas = document.path("components").path("schemas");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ownSchemas.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> schema = it.next();
                schemas.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue());
            }
            document.path("components").path("securitySchemes").fields()
                    .forEachRemaining(s -> securitySchemes.set(s.getKey(), s.getValue()));
            document.path("paths").fields().forEachRemaining(p -> paths.set(p.getKey(), p.getValue()));
            document.path("tags").forEach(tag -> {
                if (!containsTag(tags, tag.path("name").asText())) {
                    tags.add(tag);
                }
            });
        }
        GatewayResponses.declare(paths);
        return combined;
    }

    private static boolean containsTag(ArrayNode tags, String name) {
        for (JsonNode tag : tags) {
            if (tag.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A tag that several services use (every service has {@code Audit (감사 기록)} and {@code Events (이벤트)}) would
     * put four services' operations in one group of a generated client: each service's copy is named after it.
     */
    private static void separateSharedTags(ObjectNode document, String service, Map<String, Integer> tagUses) {
        String prefix = upperFirst(service) + " ";
        document.path("tags").forEach(tag -> {
            if (tagUses.getOrDefault(tag.path("name").asText(), 0) > 1) {
                ((ObjectNode) tag).put("name", prefix + tag.path("name").asText());
            }
        });
        document.path("paths").forEach(item -> item.forEach(operation -> {
            if (operation.path("tags") instanceof ArrayNode operationTags) {
                for (int i = 0; i < operationTags.size(); i++) {
                    if (tagUses.getOrDefault(operationTags.get(i).asText(), 0) > 1) {
                        operationTags.set(i, operationTags.textNode(prefix + operationTags.get(i).asText()));
                    }
                }
            }
        }));
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
