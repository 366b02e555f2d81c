package kr.chamyeo.e2e.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the JSON schemas of an OpenAPI document: resolves {@code $ref}/{@code allOf} and builds a plausible
 * value for a schema from its examples, enums, defaults and bounds (the document's own idea of a valid request).
 */
public final class Schemas {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final JsonNode doc;

    public Schemas(JsonNode doc) {
        this.doc = doc;
    }

    /** The schema with references followed and {@code allOf} parts merged (sibling keywords win). */
    public JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return F.objectNode();
        }
        ObjectNode out = F.objectNode();
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = doc.at(ref.substring(1));
            out.setAll((ObjectNode) resolve(target));
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                merge(out, resolve(part));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getKey().equals("$ref") && !f.getKey().equals("allOf")) {
                out.set(f.getKey(), f.getValue());
            }
        }
        return out;
    }

    private static void merge(ObjectNode into, JsonNode part) {
        part.fields().forEachRemaining(f -> {
            if (f.getKey().equals("properties") && into.has("properties")) {
                ((ObjectNode) into.get("properties")).setAll((ObjectNode) f.getValue());
            } else if (f.getKey().equals("required") && into.has("required")) {
                ((ArrayNode) into.get("required")).addAll((ArrayNode) f.getValue());
            } else {
                into.set(f.getKey(), f.getValue());
            }
        });
    }

    public String type(JsonNode resolved) {
        if (resolved.path("type").isArray()) {
            // OpenAPI 3.1: [T, "null"] for a value that may be null; its type is T.
            for (JsonNode type : resolved.get("type")) {
                if (!type.asText().equals("null")) {
                    return type.asText();
                }
            }
        }
        if (resolved.has("type")) {
            return resolved.get("type").asText();
        }
        if (resolved.has("properties")) {
            return "object";
        }
        if (resolved.has("items")) {
            return "array";
        }
        return "string";
    }

    public Map<String, JsonNode> properties(JsonNode resolved) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        resolved.path("properties").fields().forEachRemaining(f -> out.put(f.getKey(), resolve(f.getValue())));
        return out;
    }

    public List<String> required(JsonNode resolved) {
        List<String> out = new ArrayList<>();
        resolved.path("required").forEach(r -> out.add(r.asText()));
        return out;
    }

    /** A value the schema accepts as far as the document says: required and exemplified properties filled. */
    public JsonNode sample(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("examples") && s.get("examples").isArray() && !s.get("examples").isEmpty()) {
            return s.get("examples").get(0);
        }
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(0);
        }
        if (s.has("default")) {
            return s.get("default");
        }
        switch (type(s)) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                if (depth > 4) {
                    return o;
                }
                List<String> required = required(s);
                properties(s).forEach((name, p) -> {
                    if (required.contains(name) || hasExample(p)) {
                        o.set(name, sample(p, depth + 1));
                    }
                });
                return o;
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                int n = Math.max(1, s.path("minItems").asInt(1));
                for (int i = 0; i < n && depth <= 4; i++) {
                    a.add(sample(s.get("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return F.numberNode(s.has("minimum") ? Math.max(1, s.get("minimum").asLong()) : 1);
            }
            case "number" -> {
                return F.numberNode(1.5);
            }
            case "boolean" -> {
                return F.booleanNode(false);
            }
            default -> {
                return F.textNode(switch (s.path("format").asText()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2021-06-01";
                    case "date-time" -> "2021-06-01T00:00:00Z";
                    default -> "금천구 참여";
                });
            }
        }
    }

    private boolean hasExample(JsonNode resolved) {
        return resolved.has("examples") || resolved.has("example") || resolved.has("$ref") || resolved.has("properties");
    }
}
