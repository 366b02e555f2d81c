package kr.chamyeo.trustee;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** voting-service's REST API as a trustee calls it: JSON in and out, the trustee's bearer token on every call. */
final class VotingApi {

    /** An answer other than 2xx, with the problem+json body the service sent. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String method, String path, String body) {
            super(method + " " + path + " → " + status + ": " + body);
            this.status = status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper;
    private final String root;
    private final Supplier<String> token;

    /** @param root e.g. {@code http://localhost:8080/api/v1/voting} */
    VotingApi(ObjectMapper mapper, String root, Supplier<String> token) {
        this.mapper = mapper;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.token = token;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answer: " + e.getOriginalMessage(), e);
        }
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                    // Verifying a large shuffle takes the service a while.
                    .timeout(Duration.ofMinutes(30))
                    .header("Authorization", "Bearer " + token.get())
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new Refused(response.statusCode(), method, path, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body().length == 0 ? mapper.nullNode() : mapper.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }
}
