package kr.chamyeo.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Authorization matrix generated from a service's own OpenAPI document: every operation × {no token, expired,
 * bad signature, wrong issuer, each role} is called and checked. The roles an operation allows are its
 * {@code x-roles} (the platform's OpenAPI filter moves them there from {@code @RolesAllowed}); an operation without
 * them must be named as public by the test, so a new endpoint that states no rule makes the test fail.
 *
 * <p>{@link #forOperations} adds the district column. Every protected operation that a district-carrying role
 * (OFFICER, COMMITTEE, PARTNER, RESIDENT) may call needs a rule: either a {@link Sample} — a real request at a
 * resource of district {@value #DISTRICT} that the service's test made itself — or a stated reason why a
 * district does not apply. With a sample the matrix calls, for each district-bound role the operation allows,
 * as that role of {@value #DISTRICT} (must succeed, 2xx), of {@value #OTHER_DISTRICT} and with no district claim
 * (both must be 403, or 404 where the sample declares that the service hides the resource, and a write must
 * leave the resource's read-back unchanged); a CITY_ADMIN of {@value #OTHER_DISTRICT} must succeed everywhere.
 * A new operation without a district rule fails the test just as one without a role rule does. A public read that
 * shows personal data to the district's officers only may carry a filtering sample: callers of other districts and
 * callers without a token must never see its marker, the district's officers must.
 */
public final class AuthorizationMatrix {

    public static final List<String> ROLES = List.of("RESIDENT", "COMMITTEE", "OFFICER", "CITY_ADMIN", "PARTNER");
    /** Roles whose tokens carry a district; they act only inside it (RESIDENT where the resource is the district's). */
    public static final List<String> DISTRICT_ROLES = List.of("OFFICER", "COMMITTEE", "PARTNER", "RESIDENT");
    /** The district that owns every sample resource (금천구). */
    public static final String DISTRICT = "11545";
    /** The district of the intruding callers (강남구). */
    public static final String OTHER_DISTRICT = "11680";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> BAD_TOKENS = Set.of("expired", "bad signature", "wrong issuer");

    private AuthorizationMatrix() {
    }

    /** One cell that did not answer as expected. */
    public record Mismatch(String operation, String caller, int status, String expected) {
        @Override
        public String toString() {
            return operation + " as " + caller + " → " + status + " (expected " + expected + ")";
        }
    }

    /** What the matrix found, with the size of the table it called. */
    public record Result(String service, List<Mismatch> mismatches, int operations, int cells, int districtCells,
                         int sampledOperations, int districtFreeOperations, long millis) {

        /** One line for the build log: operations, cells, district cells. */
        public String summary() {
            return "Authorization matrix of " + service + ": " + operations + " operations, " + cells + " cells, "
                    + districtCells + " district cells (" + sampledOperations + " operations with a district sample, "
                    + districtFreeOperations + " declared district-free), " + mismatches.size() + " mismatches, "
                    + millis / 1000.0 + " s";
        }

        /** The summary and every mismatch, one a line, for an assertion message. */
        public String report() {
            StringBuilder text = new StringBuilder(summary());
            mismatches.forEach(m -> text.append('\n').append(m));
            return text.toString();
        }
    }

    /**
     * A request at one resource of district {@value #DISTRICT}: the path with parameters filled in (a query string
     * may follow), a valid body for writes, and how to read the resource back to prove an other-district write
     * changed nothing.
     */
    public record Target(String path, Object body, Supplier<?> readBack) {

        public static Target of(String path) {
            return new Target(Objects.requireNonNull(path), null, null);
        }

        /** A valid request body (a Map or record serialised as JSON, or JSON text). */
        public Target body(Object value) {
            return new Target(path, value, readBack);
        }

        /**
         * The state an other-district write must not change, read before and after it (e.g. a GET as CITY_ADMIN
         * returning the resource as text). Without it the matrix reads the same path as CITY_ADMIN if the document
         * has a GET for the operation's path.
         */
        public Target readBack(Supplier<?> state) {
            return new Target(path, body, state);
        }
    }

    /**
     * How the matrix gets requests at district {@value #DISTRICT}'s resources. {@code targets} is called for every
     * call that may succeed (so a write can get a fresh resource each time) and once per role for the
     * other-district calls.
     */
    public static final class Sample {
        private final Function<String, Target> targets;
        private String hiddenBecause;
        private String filteredBecause;
        private String marker;
        private boolean residentsBound;
        private int sameDistrictStatus;
        private String sameDistrictBecause;
        private final Map<String, String> unbound = new LinkedHashMap<>();
        private List<String> seenBy = List.of("OFFICER");

        private Sample(Function<String, Target> targets) {
            this.targets = Objects.requireNonNull(targets);
        }

        public static Sample of(Supplier<Target> targets) {
            return new Sample(role -> targets.get());
        }

        /** A request that depends on the calling role (e.g. only officers name an absorbed proposal's channel). */
        public static Sample perRole(Function<String, Target> targets) {
            return new Sample(targets);
        }

        /** The service answers other districts 404 instead of 403 on purpose, so as not to reveal the resource. */
        public Sample hidesOtherDistrict(String because) {
            this.hiddenBecause = requireReason(because);
            return this;
        }

        /**
         * The service answers other districts with their own slice of the data instead of refusing them (e.g. an
         * officer reads the history records of their own district only): such a call may succeed, but its answer must
         * not contain {@code marker}, a text found only in the district's data of the sample.
         */
        public Sample filtersOtherDistrict(String because, String marker) {
            this.filteredBecause = requireReason(because);
            this.marker = requireReason(marker);
            return this;
        }

        /**
         * The district's own callers get {@code status} instead of a 2xx, for the stated reason, when a successful call
         * cannot be set up in the test's own data (e.g. it needs seed data another test loads and counts). The cell
         * still proves they pass the district check, which other districts fail with 403.
         */
        public Sample sameDistrictAnswers(int status, String because) {
            this.sameDistrictStatus = status;
            this.sameDistrictBecause = requireReason(because);
            return this;
        }

        /**
         * On a public operation with {@link #filtersOtherDistrict}: the roles of the district that see the marked data
         * (default OFFICER); everyone else — other districts' callers and callers without a token — must not.
         */
        public Sample seenBy(String... roles) {
            this.seenBy = List.of(roles);
            return this;
        }

        /** Residents of other districts are refused too (the resource belongs to the district's residents). */
        public Sample bindsResidents() {
            this.residentsBound = true;
            return this;
        }

        /**
         * {@code role} is allowed but is not bound by district on this operation, for the stated reason (e.g. a partner
         * system decides only on the spaces it manages itself, whatever its district).
         */
        public Sample except(String role, String because) {
            unbound.put(role, requireReason(because));
            return this;
        }
    }

    /**
     * Starts the matrix with district rules. {@code publicOperations} are "METHOD /path" keys that may be called
     * without a token; add a {@link #sample} or a {@link #districtFree} reason for every operation a district role
     * may call, then {@link Rules#run()}.
     */
    public static Rules forOperations(Set<String> publicOperations) {
        return new Rules(publicOperations, true);
    }

    /** The district rules of one service's matrix. */
    public static final class Rules {
        private final Set<String> publicOperations;
        private final boolean districtRulesRequired;
        private final Map<String, Sample> samples = new LinkedHashMap<>();
        private final Map<String, String> districtFree = new LinkedHashMap<>();

        private Rules(Set<String> publicOperations, boolean districtRulesRequired) {
            this.publicOperations = Set.copyOf(publicOperations);
            this.districtRulesRequired = districtRulesRequired;
        }

        public Rules sample(String operation, Sample sample) {
            if (samples.put(operation, sample) != null || districtFree.containsKey(operation)) {
                throw new IllegalArgumentException("Two district rules for " + operation);
            }
            return this;
        }

        public Rules sample(String operation, Supplier<Target> targets) {
            return sample(operation, Sample.of(targets));
        }

        /** District does not apply to {@code operation}, for the stated reason (e.g. "a resident's own bookings"). */
        public Rules districtFree(String operation, String because) {
            if (districtFree.put(operation, requireReason(because)) != null || samples.containsKey(operation)) {
                throw new IllegalArgumentException("Two district rules for " + operation);
            }
            return this;
        }

        /** Calls the whole table and prints its summary line. */
        public Result run() {
            Result result = new Run(this).execute();
            System.out.println(result.summary());
            return result;
        }
    }

    /**
     * Calls every operation of the document at {@code /q/openapi} and returns the cells that broke the rules
     * (empty when all hold), without the district column. {@code publicOperations} are "METHOD /path" keys that
     * may be called without a token.
     */
    public static List<Mismatch> check(Set<String> publicOperations) {
        return new Run(new Rules(publicOperations, false)).execute().mismatches();
    }

    private static final class Run {
        private final Rules rules;
        private final List<Mismatch> mismatches = new ArrayList<>();
        private final AtomicInteger subjects = new AtomicInteger();
        private final String admin = TestTokens.token("matrix-admin", "CITY_ADMIN").sign();
        private int operations;
        private int cells;
        private int districtCells;
        private int sampled;
        private int declared;

        Run(Rules rules) {
            this.rules = rules;
        }

        Result execute() {
            long started = System.currentTimeMillis();
            JsonNode document;
            try {
                document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
            } catch (Exception e) {
                throw new IllegalStateException("OpenAPI document unreadable", e);
            }
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("no token", null);
            callers.put("expired", TestTokens.token("matrix-expired", "CITY_ADMIN").expired().sign());
            callers.put("bad signature", TestTokens.token("matrix-forged", "CITY_ADMIN").wronglySigned().sign());
            callers.put("wrong issuer", TestTokens.token("matrix-foreign", "CITY_ADMIN").issuer("https://elsewhere.example").sign());
            for (String role : ROLES) {
                callers.put(role, TestTokens.token("matrix-" + role.toLowerCase(), role).district(DISTRICT).dong("독산1동")
                        .birthYear(1990).sex("F").sign());
            }

            Set<String> seen = new TreeSet<>();
            Set<String> readable = new TreeSet<>();
            document.path("paths").fields().forEachRemaining(p -> {
                if (p.getValue().has("get")) {
                    readable.add(p.getKey());
                }
            });
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/q/")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    String method = op.getKey().toUpperCase();
                    String key = method + " " + path.getKey();
                    seen.add(key);
                    operations++;
                    Set<String> allowed = new TreeSet<>();
                    op.getValue().path("x-roles").forEach(r -> allowed.add(r.asText()));
                    boolean isPublic = rules.publicOperations.contains(key);
                    if (allowed.isEmpty() && !isPublic) {
                        mismatches.add(new Mismatch(key, "-", 0, "a @RolesAllowed rule, or listing as public"));
                        continue;
                    }
                    roleCells(method, key, path.getKey(), allowed, isPublic, callers);
                    if (rules.districtRulesRequired && isPublic && rules.samples.containsKey(key)) {
                        publicDistrictCells(method, key, rules.samples.get(key));
                    } else if (rules.districtRulesRequired && !isPublic) {
                        districtCells(method, key, path.getKey(), allowed, readable.contains(path.getKey()));
                    }
                }
            }
            for (String listed : rules.publicOperations) {
                if (!seen.contains(listed)) {
                    mismatches.add(new Mismatch(listed, "-", 0, "an operation of that name in the OpenAPI document"));
                }
            }
            Set<String> ruled = new TreeSet<>(rules.samples.keySet());
            ruled.addAll(rules.districtFree.keySet());
            for (String listed : ruled) {
                if (!seen.contains(listed)) {
                    mismatches.add(new Mismatch(listed, "-", 0, "an operation of that name in the OpenAPI document (district rule)"));
                } else if (rules.publicOperations.contains(listed) && rules.districtFree.containsKey(listed)) {
                    mismatches.add(new Mismatch(listed, "-", 0, "no district rule for a public operation"));
                }
            }
            String service = document.path("info").path("title").asText("service");
            return new Result(service, List.copyOf(mismatches), operations, cells, districtCells, sampled, declared,
                    System.currentTimeMillis() - started);
        }

        /** Who is turned away, on a resource that does not exist (an allowed write is never performed here). */
        private void roleCells(String method, String key, String template, Set<String> allowed, boolean isPublic,
                               Map<String, String> callers) {
            String url = template.replaceAll("\\{[^}]*district[^}]*}", DISTRICT)
                    .replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                String who = caller.getKey();
                if (!method.equals("GET") && (isPublic || allowed.contains(who))) {
                    // An allowed write would really change data under the service's other tests; the matrix
                    // only proves who is turned away, which changes nothing.
                    continue;
                }
                int status = call(method, url, null, caller.getValue()).statusCode();
                cells++;
                boolean badToken = BAD_TOKENS.contains(who);
                String expected;
                boolean ok;
                if (status >= 500) {
                    expected = "no server error";
                    ok = false;
                } else if (isPublic) {
                    // A public read ignores a bad token (the gateway refuses it at the door); it never needs one.
                    expected = badToken ? "public: no server error" : "public: neither 401 nor 403";
                    ok = badToken || (status != 401 && status != 403);
                } else if (badToken || who.equals("no token")) {
                    expected = "401";
                    ok = status == 401;
                } else if (allowed.contains(who)) {
                    expected = "allowed role: not 401";
                    ok = status != 401;
                } else {
                    expected = "403 (allowed: " + allowed + ")";
                    ok = status == 403;
                }
                if (!ok) {
                    mismatches.add(new Mismatch(key, who, status, expected));
                }
            }
        }

        /** Same district must succeed, another district (or none) must be refused and change nothing. */
        private void districtCells(String method, String key, String template, Set<String> allowed, boolean readable) {
            List<String> districtRoles = DISTRICT_ROLES.stream().filter(allowed::contains).toList();
            Sample sample = rules.samples.get(key);
            if (sample == null && template.endsWith("/audit") && method.equals("GET")) {
                // The platform's audit trail: an officer reads only their own district's records.
                sample = Sample.of(() -> Target.of(template + "?district=" + DISTRICT));
            }
            if (rules.districtFree.containsKey(key)) {
                declared++;
                return;
            }
            if (sample == null) {
                if (!districtRoles.isEmpty()) {
                    mismatches.add(new Mismatch(key, districtRoles.toString(), 0,
                            "a district sample, or a declaration why district does not apply"));
                }
                return;
            }
            sampled++;
            Sample rule = sample;
            List<String> bound = districtRoles.stream()
                    .filter(role -> !rule.unbound.containsKey(role) && (!role.equals("RESIDENT") || rule.residentsBound)).toList();
            for (String role : rule.unbound.keySet()) {
                if (!allowed.contains(role)) {
                    mismatches.add(new Mismatch(key, role, 0, "an exception for a role the operation allows"));
                }
            }
            boolean write = !method.equals("GET");
            for (String role : bound) {
                Target intruded = target(sample, role, key);
                if (intruded == null) {
                    return;
                }
                Supplier<?> readBack = intruded.readBack();
                if (readBack == null && write && readable) {
                    String path = intruded.path().replaceAll("\\?.*", "");
                    readBack = () -> call("GET", path, null, admin).asString();
                }
                if (readBack == null && write) {
                    mismatches.add(new Mismatch(key, "-", 0, "a read-back in the district sample of a write"));
                    return;
                }
                for (String district : new String[] {OTHER_DISTRICT, null}) {
                    Object before = write ? readBack.get() : null;
                    String who = role + (district == null ? " without district" : " of " + district);
                    Response response = call(method, intruded.path(), intruded.body(), token(role, district));
                    int status = response.statusCode();
                    districtCells++;
                    boolean refused = status == 403 || (status == 404 && sample.hiddenBecause != null);
                    boolean filtered = sample.filteredBecause != null && status >= 200 && status < 300
                            && !response.asString().contains(sample.marker);
                    if (!refused && !filtered) {
                        mismatches.add(new Mismatch(key, who, status, sample.hiddenBecause != null
                                ? "403 or 404 (hidden: " + sample.hiddenBecause + ")"
                                : sample.filteredBecause != null
                                ? "403, or an answer without '" + sample.marker + "' (filtered: " + sample.filteredBecause + ")"
                                : "403"));
                    }
                    if (write) {
                        Object after = readBack.get();
                        if (!Objects.equals(before, after)) {
                            mismatches.add(new Mismatch(key, who, status, "nothing changed, but the read-back changed from "
                                    + abbreviate(before) + " to " + abbreviate(after)));
                        }
                    }
                }
            }
            List<String> succeeding = new ArrayList<>(bound);
            if (allowed.contains("CITY_ADMIN")) {
                succeeding.add("CITY_ADMIN");
            }
            for (String role : succeeding) {
                Target target = target(sample, role, key);
                if (target == null) {
                    return;
                }
                // A city administrator acts everywhere, so theirs comes from another district than the resource.
                String district = role.equals("CITY_ADMIN") ? OTHER_DISTRICT : DISTRICT;
                Response response = call(method, target.path(), target.body(), token(role, district));
                districtCells++;
                int status = response.statusCode();
                if (sample.filteredBecause != null && !role.equals("CITY_ADMIN") && !response.asString().contains(sample.marker)) {
                    mismatches.add(new Mismatch(key, role + " of " + district, status,
                            "an answer showing '" + sample.marker + "' to the district's own callers (else the marker proves nothing)"));
                }
                if (sample.sameDistrictBecause != null ? status != sample.sameDistrictStatus : status < 200 || status >= 300) {
                    mismatches.add(new Mismatch(key, role + " of " + district, status, (sample.sameDistrictBecause != null
                            ? sample.sameDistrictStatus + " (" + sample.sameDistrictBecause + ")" : "2xx")
                            + " on a resource of district " + DISTRICT + ": " + abbreviate(response.asString())));
                }
            }
        }

        /**
         * A public read that shows a district's personal data (e.g. proposers' contacts) to that district's officers only:
         * they see the marker, nobody else does.
         */
        private void publicDistrictCells(String method, String key, Sample sample) {
            if (sample.filteredBecause == null) {
                mismatches.add(new Mismatch(key, "-", 0, "on a public operation, a district sample that filters (filtersOtherDistrict)"));
                return;
            }
            sampled++;
            Target target = target(sample, null, key);
            if (target == null) {
                return;
            }
            List<String> outsiders = new ArrayList<>();
            outsiders.add(null);
            outsiders.addAll(DISTRICT_ROLES);
            for (String role : outsiders) {
                Response response = call(method, target.path(), target.body(), role == null ? null : token(role, OTHER_DISTRICT));
                districtCells++;
                int status = response.statusCode();
                if (status >= 500 || (status < 400 && response.asString().contains(sample.marker))) {
                    mismatches.add(new Mismatch(key, role == null ? "no token" : role + " of " + OTHER_DISTRICT, status,
                            "an answer without '" + sample.marker + "' (" + sample.filteredBecause + ")"));
                }
            }
            for (String role : sample.seenBy) {
                Response response = call(method, target.path(), target.body(), token(role, DISTRICT));
                districtCells++;
                if (response.statusCode() < 200 || response.statusCode() >= 300 || !response.asString().contains(sample.marker)) {
                    mismatches.add(new Mismatch(key, role + " of " + DISTRICT, response.statusCode(),
                            "2xx showing '" + sample.marker + "' to the district's own " + role));
                }
            }
        }

        private Target target(Sample sample, String role, String key) {
            try {
                return Objects.requireNonNull(sample.targets.apply(role), "no target");
            } catch (RuntimeException | AssertionError e) {
                mismatches.add(new Mismatch(key, "-", 0, "a district sample that can be built: " + e));
                return null;
            }
        }

        /** A fresh subject per call, so that "once per person" rules (one vote, one application) do not interfere. */
        private String token(String role, String district) {
            TestTokens.Builder token = TestTokens.token("matrix-" + role.toLowerCase() + "-" + subjects.incrementAndGet(), role);
            if (district != null) {
                token.district(district).dong(district.equals(DISTRICT) ? "독산1동" : "역삼1동");
            }
            return token.birthYear(1990).sex("F").sign();
        }
    }

    private static Response call(String method, String url, Object body, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType("application/json").body(body == null ? "{}" : body);
        }
        return request.request(method, url);
    }

    private static String requireReason(String because) {
        if (because == null || because.isBlank()) {
            throw new IllegalArgumentException("A district declaration needs its reason");
        }
        return because;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
