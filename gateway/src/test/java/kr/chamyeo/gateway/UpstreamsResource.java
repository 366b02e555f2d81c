package kr.chamyeo.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Real HTTP servers standing in for the services the gateway fronts: budget and community answer, voting
 * is not running at all (connection refused), governance answers too slowly.
 */
public class UpstreamsResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer budget;
    private HttpServer community;
    private HttpServer governance;

    @Override
    public Map<String, String> start() {
        try {
            budget = server(exchange -> {
                if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                    reply(exchange, 200, "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/v1/budget/cycles\":{\"get\":{\"responses\":"
                            + "{\"200\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Cycle\"}}}}}}}},"
                            + "\"components\":{\"schemas\":{\"Cycle\":{\"type\":\"object\",\"description\":\"budget cycle\"},"
                            + "\"Problem\":{\"type\":\"object\"}},\"securitySchemes\":{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\"}}}}");
                    return;
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (exchange.getRequestURI().getPath().equals("/api/v1/budget/exports/slow")) {
                    slowExport(exchange);
                    return;
                }
                if (exchange.getRequestURI().getPath().startsWith("/api/v1/budget/exports/")) {
                    export(exchange, body);
                    return;
                }
                exchange.getResponseHeaders().add("Location", "/api/v1/budget/cycles/7");
                exchange.getResponseHeaders().add("Keep-Alive", "timeout=60");
                exchange.getResponseHeaders().add("Connection", "keep-alive");
                exchange.getResponseHeaders().add("X-Request-Id", "the-upstream's-own");
                reply(exchange, 200, "{\"path\":\"" + exchange.getRequestURI() + "\",\"method\":\"" + exchange.getRequestMethod()
                        + "\",\"requestId\":\"" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                        + "\",\"body\":" + (body.isEmpty() ? "null" : body) + "}");
            });
            community = server(exchange -> reply(exchange, 200,
                    "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/v1/community/plans\":{\"get\":{\"responses\":"
                            + "{\"200\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Cycle\"}}}}}}}},"
                            + "\"components\":{\"schemas\":{\"Cycle\":{\"type\":\"object\",\"description\":\"plan year\"},"
                            + "\"Problem\":{\"type\":\"object\"}}}}"));
            governance = server(exchange -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 200, "{}");
            });
            return Map.ofEntries(
                    Map.entry("chamyeo.gateway.services.budget", "http://localhost:" + budget.getAddress().getPort()),
                    Map.entry("chamyeo.gateway.services.community", "http://localhost:" + community.getAddress().getPort()),
                    Map.entry("chamyeo.gateway.services.voting", "http://localhost:" + closedPort()),
                    Map.entry("chamyeo.gateway.services.governance", "http://localhost:" + governance.getAddress().getPort()),
                    Map.entry("chamyeo.gateway.timeout", "1s"),
                    Map.entry("chamyeo.gateway.openapi-cache", "0s"),
                    Map.entry("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString()),
                    Map.entry("mp.jwt.verify.issuer", TestTokens.ISSUER),
                    Map.entry("chamyeo.gateway.rate-limits.votes.capacity", "3"),
                    // As behind one ingress controller: the client is the last X-Forwarded-For entry.
                    Map.entry("chamyeo.gateway.rate-limits.forwarded-for-hops", "1"),
                    Map.entry("quarkus.http.limits.max-body-size", "8M"),
                    Map.entry("chamyeo.gateway.body-limits.standard", "64K"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        for (HttpServer server : new HttpServer[] {budget, community, governance}) {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static HttpServer server(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", handler::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Large answers the gateway must stream rather than hold: 300 KB of 투표 lines with a length, or chunked without
     * one; a POST echoes the length of a large uploaded body.
     */
    private static void export(HttpExchange exchange, String upload) throws IOException {
        byte[] bytes = (upload.isEmpty() ? "투표 결과 한 줄\n".repeat(15_000) : "uploaded " + upload.length()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
        exchange.getResponseHeaders().add("Cache-Control", "public, max-age=300");
        boolean chunked = exchange.getRequestURI().getPath().endsWith("/chunked");
        exchange.sendResponseHeaders(200, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int from = 0; from < bytes.length; from += 8192) {
                out.write(bytes, from, Math.min(8192, bytes.length - from));
            }
        }
    }

    /** Completed with true when the gateway dropped a slow export midway, false when all of it was read. */
    static volatile CompletableFuture<Boolean> slowExportDropped = new CompletableFuture<>();

    /** A chunked answer of 200 pieces of 1 KB, one every 20 ms. */
    private static void slowExport(HttpExchange exchange) throws IOException {
        CompletableFuture<Boolean> dropped = slowExportDropped;
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        byte[] piece = "투".repeat(341).concat("\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 200; i++) {
                out.write(piece);
                out.flush();
                Thread.sleep(20);
            }
            dropped.complete(false);
        } catch (IOException e) {
            dropped.complete(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
