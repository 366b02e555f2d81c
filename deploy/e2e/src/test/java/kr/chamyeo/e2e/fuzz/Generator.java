package kr.chamyeo.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kr.chamyeo.e2e.support.Schemas;

/**
 * Generates requests that a correct service must refuse, from an operation's schema: every one is invalid by
 * construction (bad syntax, bad encoding, a wrong type, a missing required field, an unknown field or enum
 * value, a value outside its declared or obvious bounds, a bad or foreign identity), so any 2xx is a defect.
 * Hostile content (SQL/JSON injection, huge values, other districts' ids) rides in those invalid places.
 */
final class Generator {

    static final String HOME = "11545";
    static final String FOREIGN = "11110";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD_UTF8_MARK = "__INVALID_UTF8__";
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
    static final String[] INJECTIONS = {
        "' OR '1'='1", "1; DROP TABLE outbox_event; --", "\" OR \"\"=\"", "'); DELETE FROM processed_event; --",
        "{\"$gt\": \"\"}", "\",\"status\":\"ADOPTED\",\"x\":\"", "${jndi:ldap://x/y}", "<script>alert(1)</script>",
        "../../../../etc/passwd", "%00", "1 UNION SELECT NULL,NULL--", "'||pg_sleep(5)||'", "\\u0000\\",
        "#{7*7}", "{{7*7}}", "금천구'; --"};
    private static final String[] HOSTILE_PATH = {
        "not-a-uuid", "%27%20OR%20%271%27%3D%271", "..%2F..%2Fetc%2Fpasswd", "%FF%FE", "-1", "0",
        "99999999999999999999999", "null", "%7B%7D", "%EA%B8%88%EC%B2%9C", "A".repeat(600), "1;DROP%20TABLE%20x",
        "00000000-0000-0000-0000-000000000000"};
    private static final String[] ROLES = {"CITY_ADMIN", "OFFICER", "RESIDENT", "COMMITTEE", "PARTNER"};

    private final Schemas schemas;
    private final Map<String, String> tokens;
    private final Map<String, List<String>> knownIds;
    private final Map<String, List<String>> foreignIds;
    private final Random random;

    /**
     * @param tokens     role → a valid token of that role in district 11545, plus "EXPIRED", "FORGED", "FOREIGN_OFFICER"
     * @param knownIds   collection name → ids that exist (any district)
     * @param foreignIds collection name → ids that exist in another district than 11545
     */
    Generator(Schemas schemas, Map<String, String> tokens, Map<String, List<String>> knownIds,
            Map<String, List<String>> foreignIds, long seed) {
        this.schemas = schemas;
        this.tokens = tokens;
        this.knownIds = knownIds;
        this.foreignIds = foreignIds;
        this.random = new Random(seed);
    }

    List<HostileRequest> generate(Operation op, int count) {
        List<HostileRequest> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i++) {
            HostileRequest r = op.body() != null ? bodyCase(op, i) : noBodyCase(op, i);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private HostileRequest bodyCase(Operation op, int i) {
        JsonNode base = schemas.sample(op.body(), 0);
        // Mostly a role the operation allows (so the body itself is judged), now and then any role.
        List<String> allowed = op.roles().stream().filter(tokens::containsKey).toList();
        String role = allowed.isEmpty() || i % 5 == 0 ? ROLES[i % ROLES.length] : allowed.get((i / 5) % allowed.size());
        String token = tokens.get(role);
        int kind = i % 21;
        if (!op.secured() && (kind == 12 || kind == 17)) {
            // A public operation: no identity to forge or misuse, so break the body instead.
            kind = 2;
        }
        return switch (kind) {
            case 0 -> {
                byte[] body = malformed(base);
                yield req("malformed-json:" + new String(body, 0, Math.min(body.length, 12), StandardCharsets.UTF_8), op, pathFor(op), body, token);
            }
            case 1 -> req("invalid-utf8", op, pathFor(op), invalidUtf8(base), token);
            case 2, 3 -> mutateField(op, base, "wrong-type", token);
            case 4 -> mutateField(op, base, "missing-required", token);
            case 5 -> mutateField(op, base, "null-required", token);
            case 6 -> extraField(op, base, token);
            case 7 -> mutateField(op, base, "huge-string", token);
            case 8 -> mutateField(op, base, "huge-number", token);
            case 9 -> mutateField(op, base, "negative-amount", token);
            case 10 -> mutateField(op, base, "injection", token);
            case 11 -> mutateField(op, base, "unknown-enum", token);
            case 12 -> otherDistrict(op, base);
            case 13 -> wrongShape(op, base, token);
            case 14 -> wrongContentType(op, base, token);
            case 15 -> req("oversized", op, pathFor(op), oversized(), token);
            case 16 -> req("deep-nesting", op, pathFor(op), deepNesting(base), token);
            case 17 -> badToken(op, base);
            case 18 -> badPath(op, base, token);
            case 19 -> mutateField(op, base, "too-many-items", token);
            default -> mutateField(op, base, "out-of-range", token);
        };
    }

    private HostileRequest noBodyCase(Operation op, int i) {
        String role = ROLES[i % ROLES.length];
        if (op.pathParams().isEmpty()) {
            // Nothing to break but the caller's identity (e.g. an import of bundled data).
            String which = pick(new String[] {"EXPIRED", "FORGED", "NONE", "GARBAGE", "ALG_NONE"});
            return new HostileRequest("bad-token:" + which, op.method(), op.path(), null, null, tokens.get(which));
        }
        return switch (i % 6) {
            case 0 -> badPath(op, null, tokens.get(role));
            case 1 -> {
                // A real resource, but a token that proves nothing.
                String which = pick(new String[] {"EXPIRED", "FORGED", "NONE", "GARBAGE", "ALG_NONE"});
                yield new HostileRequest("bad-token", op.method(), uri(op, realOrRandomIds(op)), null, null,
                        tokens.get(which));
            }
            case 2 -> {
                List<String> foreign = idsFor(op, foreignIds);
                if (foreign == null) {
                    yield new HostileRequest("unknown-id", op.method(), uri(op, missingIds(op)), null, null,
                            tokens.get("CITY_ADMIN"));
                }
                String[] staff = {"OFFICER", "COMMITTEE", "PARTNER"};
                yield new HostileRequest("other-district-id", op.method(), uri(op, ids(op, foreign)), null, null,
                        tokens.get(staff[random.nextInt(staff.length)]));
            }
            case 3 -> new HostileRequest("junk-body", op.method(), uri(op, missingIds(op)),
                    malformed(F.objectNode().put("x", 1)), "application/json", tokens.get(role));
            case 4 -> new HostileRequest("wrong-content-type", op.method(), uri(op, missingIds(op)),
                    "<x/>".getBytes(StandardCharsets.UTF_8), "application/xml", tokens.get(role));
            default -> new HostileRequest("unknown-id", op.method(), uri(op, missingIds(op)), null, null,
                    tokens.get(role));
        };
    }

    // ---- body mutations

    private HostileRequest mutateField(Operation op, JsonNode base, String kind, String token) {
        List<FieldRef> fields = fields(op.body(), (ObjectNode) (base.isObject() ? base : F.objectNode()), "", 0);
        List<FieldRef> candidates = new ArrayList<>();
        for (FieldRef f : fields) {
            if (applicable(kind, f)) {
                candidates.add(f);
            }
        }
        if (candidates.isEmpty()) {
            // The schema has no such place: fall back to a mutation every body has.
            return kind.equals("wrong-type") ? wrongShape(op, base, token) : mutateField(op, base, "wrong-type", token);
        }
        FieldRef f = candidates.get(random.nextInt(candidates.size()));
        JsonNode copy = base.deepCopy();
        ObjectNode parent = (ObjectNode) copy.at(f.parentPointer());
        switch (kind) {
            case "wrong-type" -> parent.set(f.name(), wrongType(f.schema()));
            case "missing-required" -> parent.remove(f.name());
            case "null-required" -> parent.putNull(f.name());
            case "huge-string" -> {
                int max = f.schema().path("maxLength").asInt(0);
                parent.put(f.name(), max > 0 && random.nextBoolean() ? "가".repeat(max + 1) : "가나다".repeat(40_000));
            }
            case "huge-number" -> parent.set(f.name(), hugeNumber(f.schema()));
            case "negative-amount" -> parent.put(f.name(), random.nextBoolean() ? -1L : Long.MIN_VALUE);
            case "out-of-range" -> {
                JsonNode s = f.schema();
                JsonNode exMin = s.get("exclusiveMinimum");
                boolean hasLow = s.has("minimum") || (exMin != null && exMin.isNumber());
                boolean low = hasLow && (!s.has("maximum") || random.nextBoolean());
                long v;
                if (low) {
                    v = exMin != null && exMin.isNumber() ? exMin.asLong()
                            : s.get("minimum").asLong() - (exMin != null && exMin.asBoolean() ? 0 : 1);
                } else {
                    JsonNode exMax = s.get("exclusiveMaximum");
                    v = exMax != null && exMax.isNumber() ? exMax.asLong()
                            : s.get("maximum").asLong() + (exMax != null && exMax.asBoolean() ? 0 : 1);
                }
                parent.put(f.name(), v);
            }
            case "injection" -> parent.put(f.name(), injectionFor(f.schema()));
            case "unknown-enum" -> parent.put(f.name(), pick(new String[] {"NOT_A_VALUE", "ADOPTED'--", "전부", ""}));
            case "too-many-items" -> {
                ArrayNode many = F.arrayNode();
                JsonNode item = schemas.sample(f.schema().path("items"), 1);
                int n = f.schema().path("maxItems").asInt() + 1;
                for (int k = 0; k < n; k++) {
                    many.add(item.deepCopy());
                }
                parent.set(f.name(), many);
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return req(kind + ":" + f.path(), op, pathFor(op), bytes(copy), token);
    }

    private boolean applicable(String kind, FieldRef f) {
        JsonNode s = f.schema();
        String type = schemas.type(s);
        return switch (kind) {
            case "wrong-type" -> true;
            case "missing-required", "null-required" -> f.required() && !s.has("default");
            case "huge-string" -> type.equals("string") && !s.has("enum");
            case "huge-number" -> type.equals("integer") || type.equals("number");
            case "negative-amount" -> type.equals("integer")
                    && ((s.has("minimum") && s.get("minimum").asLong() >= 0) || s.has("exclusiveMinimum")
                        || f.name().matches("(?i).*(amount|cost|budget|total|price|seats|reserves|granted|spent|quota|limit|size|count|hours|population).*"));
            case "out-of-range" -> (type.equals("integer")) && (s.has("minimum") || s.has("maximum")
                    || (s.get("exclusiveMinimum") != null && s.get("exclusiveMinimum").isNumber()));
            case "injection" -> injectable(f);
            case "unknown-enum" -> s.has("enum");
            case "too-many-items" -> type.equals("array") && s.has("maxItems") && s.get("maxItems").asInt() <= 5000;
            default -> false;
        };
    }

    /** Places where text is constrained, so injected text must be refused rather than stored. */
    private boolean injectable(FieldRef f) {
        JsonNode s = f.schema();
        String type = schemas.type(s);
        return s.has("enum") || type.equals("integer") || type.equals("number") || type.equals("boolean")
                || List.of("uuid", "date", "date-time").contains(s.path("format").asText())
                || (type.equals("string") && s.has("pattern") && !s.get("pattern").asText().equals("\\S"))
                || f.name().toLowerCase().contains("district");
    }

    private String injectionFor(JsonNode schema) {
        String pattern = schema.path("pattern").asText(null);
        for (int tries = 0; tries < 30; tries++) {
            String candidate = pick(INJECTIONS);
            if (pattern == null || !matchesAnywhere(pattern, candidate)) {
                return candidate;
            }
        }
        return "\u0000'; --";
    }

    private static boolean matchesAnywhere(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private JsonNode wrongType(JsonNode schema) {
        return switch (schemas.type(schema)) {
            case "string" -> random.nextBoolean() ? F.objectNode().put("$ne", 1) : F.arrayNode().add("x");
            case "integer", "number" -> random.nextBoolean() ? F.textNode("12abc") : F.objectNode();
            case "boolean" -> random.nextBoolean() ? F.textNode("maybe") : F.arrayNode();
            case "array" -> random.nextBoolean() ? F.objectNode().put("0", "x") : F.numberNode(7);
            default -> random.nextBoolean() ? F.arrayNode().add(F.objectNode()) : F.numberNode(42);
        };
    }

    private JsonNode hugeNumber(JsonNode schema) {
        String[] literals = schemas.type(schema).equals("number")
                ? new String[] {"1e400", "-1e400", "1" + "0".repeat(400)}
                : "int32".equals(schema.path("format").asText())
                    ? new String[] {"2147483648", "-2147483649", "99999999999999999999999"}
                    : new String[] {"9223372036854775808", "-9223372036854775809", "1" + "0".repeat(40)};
        try {
            return JSON.readTree(pick(literals));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HostileRequest extraField(Operation op, JsonNode base, String token) {
        if (!base.isObject()) {
            return wrongShape(op, base, token);
        }
        ObjectNode copy = (ObjectNode) base.deepCopy();
        String[] names = {"isAdmin", "__proto__", "status", "district_override", "createdBy", "id", "votes", "adopted"};
        String name = pick(names);
        if (schemas.properties(op.body()).containsKey(name)) {
            name = "unexpected_" + name;
        }
        copy.set(name, pick(new JsonNode[] {F.booleanNode(true), F.textNode("ADOPTED"), F.objectNode().put("polluted", true),
            F.textNode(UUID.randomUUID().toString())}));
        return req("extra-field:" + name, op, pathFor(op), bytes(copy), token);
    }

    private HostileRequest otherDistrict(Operation op, JsonNode base) {
        String[] staff = {"OFFICER", "COMMITTEE", "PARTNER"};
        String token = tokens.get(staff[random.nextInt(staff.length)]);
        List<String> foreign = idsFor(op, foreignIds);
        if (foreign != null && random.nextBoolean()) {
            return req("other-district-id", op, uri(op, ids(op, foreign)), bytes(base), token);
        }
        if (base.isObject()) {
            JsonNode copy = base.deepCopy();
            if (replaceDistricts(copy)) {
                return req("other-district-field", op, pathFor(op), bytes(copy), token);
            }
        }
        if (foreign != null) {
            return req("other-district-id", op, uri(op, ids(op, foreign)), bytes(base), token);
        }
        return badToken(op, base);
    }

    private static boolean replaceDistricts(JsonNode node) {
        boolean replaced = false;
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (name.toLowerCase().contains("district") && v.isTextual()) {
                    o.put(name, FOREIGN);
                    replaced = true;
                } else if (name.toLowerCase().contains("district") && v.isArray()) {
                    o.set(name, F.arrayNode().add(FOREIGN));
                    replaced = true;
                } else {
                    replaced |= replaceDistricts(v);
                }
            }
        }
        return replaced;
    }

    private HostileRequest wrongShape(Operation op, JsonNode base, String token) {
        String[] shapes = {"[" + new String(bytes(base), StandardCharsets.UTF_8) + "]", "\"금천구\"", "42", "null", "",
            "true", "[]"};
        String body = pick(shapes);
        return req("wrong-shape:" + (body.isEmpty() ? "empty" : body.substring(0, Math.min(8, body.length()))), op,
                pathFor(op), body.getBytes(StandardCharsets.UTF_8), token);
    }

    private HostileRequest wrongContentType(Operation op, JsonNode base, String token) {
        String[][] types = {{"text/plain", new String(bytes(base), StandardCharsets.UTF_8)},
            {"application/xml", "<ballot><title>x</title></ballot>"},
            {"application/x-www-form-urlencoded", "title=x&district=11545"},
            {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"}};
        String[] t = types[random.nextInt(types.length)];
        return new HostileRequest("wrong-content-type:" + t[0], op.method(), pathFor(op), t[1].getBytes(StandardCharsets.UTF_8),
                t[0], token);
    }

    private HostileRequest badToken(Operation op, JsonNode base) {
        String which = pick(new String[] {"EXPIRED", "FORGED", "NONE", "GARBAGE", "ALG_NONE"});
        return req("bad-token:" + which, op, uri(op, realOrRandomIds(op)), bytes(base), tokens.get(which));
    }

    private HostileRequest badPath(Operation op, JsonNode base, String token) {
        if (op.pathParams().isEmpty()) {
            if (base == null) {
                return null;
            }
            // No path to break: break the query string instead, and the body with it.
            String q = "?district=" + URLEncoder.encode(pick(INJECTIONS), StandardCharsets.UTF_8) + "&page=-1&size=99999999999";
            return req("bad-query", op, op.path() + q, malformed(base), token);
        }
        // One parameter is hostile; the others are real where known, so the hostile one is what gets judged.
        // Free-text parameters (an external subject, a code) are opaque keys any text may name, so only
        // parameters with a format or type are broken.
        List<Integer> breakable = new ArrayList<>();
        for (int k = 0; k < op.pathParams().size(); k++) {
            JsonNode ps = op.pathParams().get(k).schema();
            if (ps.has("format") || ps.has("pattern") || !"string".equals(schemas.type(ps))) {
                breakable.add(k);
            }
        }
        if (breakable.isEmpty()) {
            return base == null ? null : mutateField(op, base, "wrong-type", token);
        }
        List<String> values = new ArrayList<>(ids(op, null));
        int hostile = breakable.get(random.nextInt(breakable.size()));
        Operation.Param p = op.pathParams().get(hostile);
        String value;
        do {
            value = "integer".equals(schemas.type(p.schema()))
                    ? pick(new String[] {"-1", "2147483648", "abc", "1e3", "%27%20OR%201%3D1", "0x10"})
                    : pick(HOSTILE_PATH);
        } while (value.equals(values.get(hostile)));
        values.set(hostile, value);
        return new HostileRequest("bad-path", op.method(), uri(op, values), base == null ? null : bytes(base),
                base == null ? null : "application/json", token);
    }

    // ---- bodies

    private byte[] malformed(JsonNode base) {
        String full = new String(bytes(base), StandardCharsets.UTF_8);
        String[] broken = {"{", "{\"a\":", "{\"x\":1}}", "[1,2", "{'title':'x'}", "{\"a\":NaN}", "{/*c*/}", "\u0000",
            "{\"a\":\"\u0001\"}", "tru", "{\"a\" 1}", "{,}", "{\"a\":1,}",
            full.length() > 2 ? full.substring(0, 1 + random.nextInt(full.length() - 2)) : "{",
            full.contains(":") ? full.replace(":", "=") : "{=}"};
        return pick(broken).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8(JsonNode base) {
        JsonNode copy = base.deepCopy();
        if (!placeMark(copy)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            out.writeBytes(bytes(base));
            return out.toByteArray();
        }
        byte[] text = bytes(copy);
        byte[] mark = BAD_UTF8_MARK.getBytes(StandardCharsets.UTF_8);
        byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length; i++) {
            if (regionMatches(text, i, mark)) {
                out.writeBytes(bad);
                i += mark.length - 1;
            } else {
                out.write(text[i]);
            }
        }
        return out.toByteArray();
    }

    private static boolean placeMark(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (node.get(name).isTextual()) {
                    ((ObjectNode) node).put(name, "금천" + BAD_UTF8_MARK);
                    return true;
                }
            }
            for (String name : names) {
                if (placeMark(node.get(name))) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (placeMark(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] text, int at, byte[] mark) {
        if (at + mark.length > text.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if (text[at + i] != mark[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] oversized() {
        return ("{\"title\":\"" + "가".repeat(700_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deepNesting(JsonNode base) {
        int depth = 20_000;
        return ("{\"nested\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- paths and ids

    private HostileRequest req(String kind, Operation op, String uri, byte[] body, String token) {
        return new HostileRequest(kind, op.method(), uri, body, "application/json", token);
    }

    private String pathFor(Operation op) {
        return uri(op, realOrRandomIds(op));
    }

    private List<String> realOrRandomIds(Operation op) {
        return random.nextBoolean() ? ids(op, null) : randomIds(op);
    }

    private List<String> randomIds(Operation op) {
        List<String> values = new ArrayList<>();
        for (Operation.Param p : op.pathParams()) {
            values.add(plausible(p));
        }
        return values;
    }

    /** Ids that cannot exist: a fresh UUID, a number far beyond any sequence, a name nobody gave. */
    private List<String> missingIds(Operation op) {
        List<String> values = new ArrayList<>();
        for (Operation.Param p : op.pathParams()) {
            if ("uuid".equals(p.schema().path("format").asText())) {
                values.add(UUID.randomUUID().toString());
            } else if ("integer".equals(schemas.type(p.schema()))) {
                values.add(String.valueOf(900_000_000 + random.nextInt(99_999_999)));
            } else {
                values.add("no-such-" + Integer.toHexString(random.nextInt()));
            }
        }
        return values;
    }

    /** Existing ids where known (from {@code pool} or any district), else plausible values. */
    private List<String> ids(Operation op, List<String> pool) {
        List<String> values = new ArrayList<>();
        for (Operation.Param p : op.pathParams()) {
            List<String> candidates = pool != null && values.isEmpty() ? pool : knownIds.get(Operation.collectionOf(op.path(), p.name()));
            boolean idLike = "uuid".equals(p.schema().path("format").asText()) || "integer".equals(schemas.type(p.schema()));
            values.add(candidates != null && !candidates.isEmpty() && idLike
                    ? candidates.get(random.nextInt(candidates.size())) : plausible(p));
        }
        return values;
    }

    private List<String> idsFor(Operation op, Map<String, List<String>> pool) {
        for (Operation.Param p : op.pathParams()) {
            List<String> ids = pool.get(Operation.collectionOf(op.path(), p.name()));
            if (ids != null && !ids.isEmpty()) {
                return ids;
            }
        }
        return null;
    }

    private String plausible(Operation.Param p) {
        JsonNode v = schemas.sample(p.schema(), 0);
        return v.isTextual() ? v.asText() : v.toString();
    }

    static String uri(Operation op, List<String> values) {
        String path = op.path();
        for (int i = 0; i < op.pathParams().size(); i++) {
            String v = values.get(i);
            String encoded = v.contains("%") ? v : URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
            path = path.replace("{" + op.pathParams().get(i).name() + "}", encoded);
        }
        return path;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---- schema walking

    record FieldRef(String parentPointer, String name, String path, JsonNode schema, boolean required) {
    }

    private List<FieldRef> fields(JsonNode schema, ObjectNode value, String pointer, int depth) {
        List<FieldRef> out = new ArrayList<>();
        JsonNode s = schemas.resolve(schema);
        List<String> required = schemas.required(s);
        for (Map.Entry<String, JsonNode> p : schemas.properties(s).entrySet()) {
            String name = p.getKey();
            if (!value.has(name)) {
                // Optional and left out of the sample: mutate it in by adding it.
                value.set(name, schemas.sample(p.getValue(), depth + 1));
            }
            out.add(new FieldRef(pointer.isEmpty() ? "" : pointer, name, pointer.replace('/', '.') + "." + name,
                    p.getValue(), required.contains(name)));
            JsonNode child = value.get(name);
            if (depth < 3 && child.isObject() && schemas.type(p.getValue()).equals("object")) {
                out.addAll(fields(p.getValue(), (ObjectNode) child, pointer + "/" + name, depth + 1));
            }
            if (depth < 3 && child.isArray() && !child.isEmpty() && child.get(0).isObject()) {
                out.addAll(fields(p.getValue().path("items"), (ObjectNode) child.get(0), pointer + "/" + name + "/0", depth + 1));
            }
        }
        return out;
    }
}
