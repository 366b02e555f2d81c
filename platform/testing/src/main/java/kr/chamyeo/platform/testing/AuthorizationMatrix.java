package kr.chamyeo.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Authorization matrix generated from a service's own OpenAPI document: every operation × {no token, expired,
 * bad signature, wrong issuer, each role} is called and checked. The roles an operation allows are the scopes
 * of its bearer security requirement (Quarkus derives them from {@code @RolesAllowed}); an operation without
 * one must be named as public by the test, so a new endpoint that states no rule makes the test fail.
 */
public final class AuthorizationMatrix {

    public static final List<String> ROLES = List.of("RESIDENT", "COMMITTEE", "OFFICER", "CITY_ADMIN", "PARTNER");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String DISTRICT = "11545";

    private AuthorizationMatrix() {
    }

    /** One cell that did not answer as expected. */
    public record Mismatch(String operation, String caller, int status, String expected) {
        @Override
        public String toString() {
            return operation + " as " + caller + " → " + status + " (expected " + expected + ")";
        }
    }

    /**
     * Calls every operation of the document at {@code /q/openapi} and returns the cells that broke the rules
     * (empty when all hold). {@code publicOperations} are "METHOD /path" keys that may be called without a token.
     */
    public static List<Mismatch> check(Set<String> publicOperations) {
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

        List<Mismatch> mismatches = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
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
                Set<String> allowed = new TreeSet<>();
                op.getValue().path("security").forEach(requirement ->
                        requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> allowed.add(r.asText()))));
                String url = path.getKey().replaceAll("\\{[^}]*district[^}]*}", DISTRICT)
                        .replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
                boolean isPublic = publicOperations.contains(key);
                if (allowed.isEmpty() && !isPublic) {
                    mismatches.add(new Mismatch(key, "-", 0, "a @RolesAllowed rule, or listing as public"));
                    continue;
                }
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    String who = caller.getKey();
                    if (!method.equals("GET") && (isPublic || allowed.contains(who))) {
                        // An allowed write would really change data under the service's other tests; the matrix
                        // only proves who is turned away, which changes nothing.
                        continue;
                    }
                    int status = call(method, url, caller.getValue()).statusCode();
                    boolean badToken = who.equals("expired") || who.equals("bad signature") || who.equals("wrong issuer");
                    String expected;
                    boolean ok;
                    if (status >= 500) {
                        expected = "no server error";
                        ok = false;
                    } else if (isPublic) {
                        // A public read ignores a bad token (the gateway refuses it at the door); it never needs one.
                        expected = badToken ? "public: no server error" : "public: neither 401 nor 403";
                        ok = badToken || (status != 401 && status != 403);
                    } else if (badToken) {
                        expected = "401";
                        ok = status == 401;
                    } else if (who.equals("no token")) {
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
        }
        for (String listed : publicOperations) {
            if (!seen.contains(listed)) {
                mismatches.add(new Mismatch(listed, "-", 0, "an operation of that name in the OpenAPI document"));
            }
        }
        return mismatches;
    }

    private static Response call(String method, String url, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(method, url);
    }
}
