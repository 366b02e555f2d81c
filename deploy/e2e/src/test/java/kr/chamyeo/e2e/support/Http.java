package kr.chamyeo.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A small JSON client for the fault drills and the scenario: every answer, including no answer, as a value. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private Http() {
    }

    public record Reply(int status, String contentType, String text, long millis) {
        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? MissingNode.getInstance() : OpenApi.JSON.readTree(text);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        public boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + (text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    public static Reply get(String url, String token) {
        return call("GET", url, token, null);
    }

    public static Reply post(String url, String token, Object body) {
        return call("POST", url, token, body);
    }

    public static Reply call(String method, String url, String token, Object body) {
        long started = System.nanoTime();
        try {
            String json = body == null ? null : body instanceof String s ? s : OpenApi.JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = r.headers().firstValue("Content-Type").orElse(null);
            Contract.check(method, url, r.statusCode(), contentType, r.body());
            return new Reply(r.statusCode(), contentType, r.body(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            return new Reply(-1, null, e.toString(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
