package kr.chamyeo.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.e2e.support.Schemas;

/** One operation of the combined OpenAPI document, with its parameters' and body's schemas resolved. */
record Operation(String method, String path, List<Param> pathParams, List<Param> queryParams, JsonNode body,
        boolean secured, List<String> roles) {

    record Param(String name, JsonNode schema, boolean required) {
    }

    static List<Operation> all(JsonNode doc, Schemas schemas) {
        List<Operation> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            String method = m.getKey().toUpperCase();
            if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            JsonNode op = m.getValue();
            List<Param> pathParams = new ArrayList<>();
            List<Param> queryParams = new ArrayList<>();
            List<JsonNode> params = new ArrayList<>();
            path.getValue().path("parameters").forEach(params::add);
            op.path("parameters").forEach(params::add);
            for (JsonNode p : params) {
                JsonNode resolved = schemas.resolve(p);
                Param param = new Param(resolved.path("name").asText(), schemas.resolve(resolved.path("schema")),
                        resolved.path("required").asBoolean(false));
                if ("path".equals(resolved.path("in").asText())) {
                    pathParams.add(param);
                } else if ("query".equals(resolved.path("in").asText())) {
                    queryParams.add(param);
                }
            }
            JsonNode content = op.path("requestBody").path("content");
            JsonNode body = content.has("application/json") ? schemas.resolve(content.get("application/json").path("schema")) : null;
            boolean secured = op.has("security") && !op.get("security").isEmpty();
            // The roles @RolesAllowed names, as the platform's OpenAPI filter lists them.
            List<String> roles = new ArrayList<>();
            op.path("x-roles").forEach(r -> roles.add(r.asText()));
            out.add(new Operation(method, path.getKey(), pathParams, queryParams, body, secured, roles));
        }));
        return out;
    }

    boolean writes() {
        return !method.equals("GET");
    }

    /** The collection a path's {@code {id}} belongs to: the segment just before it ({@code /ballots/{id}/close} → ballots). */
    static String collectionOf(String path, String param) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + param + "}")) {
                return segments[i - 1];
            }
        }
        return null;
    }

    /** The collection a list GET returns ({@code /programmes/{id}/applications} → applications). */
    String returnsCollection() {
        String[] segments = path.split("/");
        String last = segments[segments.length - 1];
        return last.startsWith("{") ? null : last;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
