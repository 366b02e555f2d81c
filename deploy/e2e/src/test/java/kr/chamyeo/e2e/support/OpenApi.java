package kr.chamyeo.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** OpenAPI documents: the gateway's combined one of all four services, and each service's own. */
public final class OpenApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    private OpenApi() {
    }

    public static JsonNode fetch(Stack stack) {
        return fetch(stack.gateway());
    }

    /** One OpenAPI document: the gateway's combined one, or a service's own at its direct base URL. */
    public static JsonNode fetch(String base) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                            .header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
