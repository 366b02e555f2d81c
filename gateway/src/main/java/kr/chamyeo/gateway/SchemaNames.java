package kr.chamyeo.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Model names a partner can use, made from one service's document before it joins the combined one. SmallRye names a
 * schema after its Java class's simple name and numbers the second class of the same name ({@code Status},
 * {@code Status1} … {@code Status6}, {@code PlanView1}); generated clients then carry names that say nothing and change
 * when a class is added. Here every member of such a family is named after where it is used instead —
 * {@code Status6} used by {@code BookingView} becomes {@code BookingStatus}, {@code PlanView} answered under
 * {@code /councils} becomes {@code CouncilPlanView} — and scalar schemas ({@code UUID}, {@code LocalDate},
 * {@code OffsetDateTime}) are written in place, so they neither clash between services nor sit beside {@code $ref}.
 */
final class SchemaNames {

    private static final String PREFIX = "#/components/schemas/";
    private static final Pattern NUMBERED = Pattern.compile("(.*\\D)(\\d+)");
    private static final Pattern SUFFIX = Pattern.compile("(View|Request|Summary|Input|Response|Submission|Progress)$");
    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");

    private SchemaNames() {
    }

    /** Inlines the scalar schemas and renames numbered families of {@code document} (changed in place). */
    static void tidy(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        if (!(schemas instanceof ObjectNode components)) {
            return;
        }
        inlineScalars(document, components);
        Map<String, String> renames = contextNames(document, components);
        if (!renames.isEmpty()) {
            rewriteRefs(document, renames);
            ObjectNode renamed = components.objectNode();
            components.fields().forEachRemaining(s -> renamed.set(renames.getOrDefault(s.getKey(), s.getKey()), s.getValue()));
            components.removeAll();
            components.setAll(renamed);
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

    /** New names for the members of numbered families ({@code X} and {@code X1}, {@code X2}…). */
    static Map<String, String> contextNames(JsonNode document, JsonNode components) {
        Set<String> members = new TreeSet<>();
        components.fieldNames().forEachRemaining(name -> {
            Matcher numbered = NUMBERED.matcher(name);
            if (numbered.matches() && components.has(numbered.group(1))) {
                members.add(name);
                members.add(numbered.group(1));
            }
        });
        if (members.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> contexts = new HashMap<>();
        components.fields().forEachRemaining(s -> collect(s.getValue(), "schema:" + s.getKey(), contexts));
        document.path("paths").fields().forEachRemaining(p -> collect(p.getValue(), "path:" + p.getKey(), contexts));

        Set<String> taken = new HashSet<>();
        components.fieldNames().forEachRemaining(name -> {
            if (!members.contains(name)) {
                taken.add(name);
            }
        });
        Map<String, String> renames = new TreeMap<>();
        Set<String> pending = new TreeSet<>(members);
        while (!pending.isEmpty()) {
            // Users first: a member used by another pending member is named after that one's new name.
            List<String> ready = pending.stream().filter(m -> contexts.getOrDefault(m, List.of()).stream()
                    .noneMatch(c -> c.startsWith("schema:") && !c.equals("schema:" + m) && pending.contains(c.substring(7))))
                    .toList();
            List<String> round = ready.isEmpty() ? List.copyOf(pending) : ready;
            for (String member : round) {
                String name = nameFor(member, contexts.getOrDefault(member, List.of()), renames, taken);
                renames.put(member, name);
                taken.add(name);
                pending.remove(member);
            }
        }
        renames.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return renames;
    }

    private static String nameFor(String member, List<String> contexts, Map<String, String> renames, Set<String> taken) {
        Matcher numbered = NUMBERED.matcher(member);
        String base = numbered.matches() ? numbered.group(1) : member;
        Map<String, Integer> votes = new TreeMap<>();
        for (String context : contexts) {
            String stem = context.startsWith("schema:") ? schemaStem(renames.getOrDefault(context.substring(7), context.substring(7)))
                    : pathStem(context.substring(5));
            if (!stem.isEmpty()) {
                votes.merge(stem, 1, Integer::sum);
            }
        }
        List<String> stems = new ArrayList<>(votes.keySet());
        stems.sort((a, b) -> votes.get(b) - votes.get(a)); // stable: equal votes stay alphabetical
        for (String stem : stems) {
            String name = base.startsWith(stem) ? base : stem + base;
            if (!taken.contains(name)) {
                return name;
            }
        }
        return taken.contains(base) ? member : base;
    }

    private static String schemaStem(String schema) {
        Matcher numbered = NUMBERED.matcher(schema);
        String stem = SUFFIX.matcher(numbered.matches() ? numbered.group(1) : schema).replaceFirst("");
        return stem.startsWith("New") && stem.length() > 3 && Character.isUpperCase(stem.charAt(3)) ? stem.substring(3) : stem;
    }

    /** {@code /api/v1/community/space-programmes/{id}} → {@code SpaceProgramme}. */
    static String pathStem(String path) {
        String[] segments = path.split("/");
        if (segments.length < 5 || segments[4].startsWith("{")) {
            return "";
        }
        StringBuilder stem = new StringBuilder();
        for (String word : segments[4].split("-")) {
            if (!word.isEmpty()) {
                stem.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        String s = stem.toString();
        if (s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        return s.endsWith("s") && !s.endsWith("ss") ? s.substring(0, s.length() - 1) : s;
    }

    private static void collect(JsonNode node, String context, Map<String, List<String>> contexts) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
                contexts.computeIfAbsent(ref.asText().substring(PREFIX.length()), k -> new ArrayList<>()).add(context);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                collect(children.next(), context, contexts);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> collect(child, context, contexts));
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
