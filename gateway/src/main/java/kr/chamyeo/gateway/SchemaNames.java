package kr.chamyeo.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Model names a partner can use, made from one service's document before it joins the combined one: scalar schemas
 * ({@code UUID}, {@code LocalDate}, {@code OffsetDateTime}) are written in place, so they neither clash between services
 * nor sit beside {@code $ref}. Numbered names ({@code Status2}, {@code PlanView1}: SmallRye's answer to two classes of
 * one simple name) are not renamed here: each schema names itself at the source ({@code @Schema(name = …)}), and
 * deploy/contract fails on a document that has one.
 */
final class SchemaNames {

    private static final String PREFIX = "#/components/schemas/";
    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");

    private SchemaNames() {
    }

    /** Inlines the scalar schemas of {@code document} (changed in place). */
    static void tidy(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        if (schemas instanceof ObjectNode components) {
            inlineScalars(document, components);
        }
    }

    private static void inlineScalars(ObjectNode document, ObjectNode components) {
        Map<String, ObjectNode> scalars = new HashMap<>();
        components.fields().forEachRemaining(s -> {
            JsonNode schema = s.getValue();
            if (SCALARS.contains(schema.path("type").asText()) && !schema.has("enum") && !schema.has("properties")
                    && !schema.has("allOf") && !schema.has("anyOf") && !schema.has("oneOf")) {
                scalars.put(s.getKey(), (ObjectNode) schema);
            }
        });
        if (scalars.isEmpty()) {
            return;
        }
        inline(document, scalars);
        scalars.keySet().forEach(components::remove);
    }

    private static void inline(JsonNode node, Map<String, ObjectNode> scalars) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)
                    && scalars.containsKey(ref.asText().substring(PREFIX.length()))) {
                ObjectNode siblings = object.deepCopy();
                siblings.remove("$ref");
                object.remove("$ref");
                object.setAll(scalars.get(ref.asText().substring(PREFIX.length())).deepCopy());
                object.setAll(siblings); // what the property says of itself wins over the type's own description
            }
            object.elements().forEachRemaining(child -> inline(child, scalars));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> inline(child, scalars));
        }
    }

    static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
                String name = ref.asText().substring(PREFIX.length());
                if (renames.containsKey(name)) {
                    object.put("$ref", PREFIX + renames.get(name));
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }
}
