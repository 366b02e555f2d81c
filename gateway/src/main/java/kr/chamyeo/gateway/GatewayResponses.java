package kr.chamyeo.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answers the gateway itself gives on any operation, declared on every operation of the combined document (the
 * services' own documents cannot know them): 429 when a caller's rate limit is spent ({@link CallerGuard},
 * {@link BodyLimits}), and 401 when a request carries a token that is not valid — public operations included, which
 * need no token but are refused one that is forged, expired or not a bearer token ({@link CallerGuard}); 502 and 504
 * when the service behind the path is unreachable or too slow ({@link ServiceProxy}).
 */
final class GatewayResponses {

    private static final String SCHEMA = "#/components/schemas/Problem";

    private GatewayResponses() {
    }

    static void declare(ObjectNode paths) {
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            if (responses instanceof ObjectNode declared) {
                add(declared, path.getKey(), 401, "A bearer token was sent but is not valid (forged, expired or not a "
                        + "bearer token); public operations need none", "unauthorized", "Unauthorized",
                        "The bearer token is invalid, expired or from an untrusted issuer");
                add(declared, path.getKey(), 429, "The caller's rate limit is spent; Retry-After says when to retry",
                        "rate-limited", "Too many requests", "Rate limit for writes exceeded; retry after 12 s");
                add(declared, path.getKey(), 502, "The service behind this path could not be reached or broke off its answer",
                        "upstream-unavailable", "Bad gateway", "The voting service is unreachable");
                add(declared, path.getKey(), 504, "The service behind this path did not answer in time (30 s)",
                        "upstream-timeout", "Gateway timeout", "The voting service did not answer in time");
            }
        }));
    }

    private static void add(ObjectNode responses, String path, int status, String description, String slug, String title,
            String detail) {
        if (responses.has(String.valueOf(status))) {
            return;
        }
        ObjectNode response = responses.putObject(String.valueOf(status));
        response.put("description", description);
        ObjectNode media = response.putObject("content").putObject(Problems.MEDIA_TYPE);
        media.putObject("schema").put("$ref", SCHEMA);
        ObjectNode example = media.putObject("example");
        example.put("type", "https://chamyeo.seoul.kr/problems/" + slug);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path);
    }
}
