package kr.chamyeo.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** The stack's Keycloak as a user and its administrator meet it: the token endpoint and the admin REST API. */
public final class Keycloak {

    /** The demo users' password (deploy/keycloak/demo-users.json). */
    public static final String DEMO_PASSWORD = "chamyeo";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Stack stack;

    public Keycloak(Stack stack) {
        this.stack = stack;
    }

    /** A demo user's access token from the chamyeo realm (the local realm allows its public client the password grant). */
    public String login(String username) {
        return login("chamyeo", "chamyeo-web", username, DEMO_PASSWORD);
    }

    /** An access token by the password grant; fails with Keycloak's answer if it refuses. */
    public String login(String realm, String client, String username, String password) {
        Http.Reply r = form(stack.keycloak() + "/realms/" + realm + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", client, "username", username, "password", password,
                        "scope", "openid"));
        if (r.status() != 200) {
            throw new IllegalStateException("Keycloak refused " + username + " in realm " + realm + ": " + r);
        }
        return r.json().path("access_token").asText();
    }

    /** The master realm's administrator ({@code stack up}: admin / CHAMYEO_KEYCLOAK_ADMIN_PASSWORD, default admin). */
    public String admin() {
        return login("master", "admin-cli", "admin", System.getenv().getOrDefault("CHAMYEO_KEYCLOAK_ADMIN_PASSWORD", "admin"));
    }

    /** Creates a realm from its representation (POST /admin/realms), as an administrator would import one. */
    public void createRealm(JsonNode realm) {
        Http.Reply r = Http.post(stack.keycloak() + "/admin/realms", admin(), realm);
        if (r.status() != 201 && r.status() != 409) {
            throw new IllegalStateException("could not create realm " + realm.path("realm").asText() + ": " + r);
        }
    }

    /** A JWT's header or payload (part 0 or 1), decoded without any check. */
    public static JsonNode part(String jwt, int part) {
        try {
            return OpenApi.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT: " + e.getMessage(), e);
        }
    }

    private static Http.Reply form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            return new Http.Reply(-1, null, e.toString(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
