package kr.chamyeo.contract;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kr.chamyeo.platform.kafka.KafkaBroker;

/**
 * The four services and the gateway as separate processes, as a partner meets them, on free ports with their own
 * empty {@code *_contract} databases, and the platform's Kafka broker in this JVM (the services authenticate to it as
 * in production, so ballots are requested, opened and counted by events). The development key of {@code deploy/stack}
 * signs the tokens.
 */
final class Apps implements AutoCloseable {

    static final String[] SERVICES = {"budget", "voting", "community", "governance"};

    private final Path root;
    private final Path dir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private KafkaBroker broker;

    Apps(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    /** Empties the databases, starts the broker and every app, and waits until each app is ready. */
    Apps start() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Tool.run(root, Duration.ofMinutes(2), Map.of("CHAMYEO_DB_SUFFIXES", "_contract",
                "CHAMYEO_DB_RESET_SUFFIXES", "_contract"), "bash", "deploy/local/setup-postgres.sh").orFail("database set-up");
        Path publicKey = Path.of(token("keys").trim());
        broker = KafkaBroker.ephemeral().start();
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        ports.put("gateway", freePort());
        for (String service : SERVICES) {
            Map<String, String> env = new LinkedHashMap<>(common(service, publicKey));
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/chamyeo_" + service + "_contract");
            // Production has no default password (issue 23): the local set-up's, as deploy/local/stack passes it.
            env.put("QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("CHAMYEO_DB_PASSWORD", "chamyeo"));
            env.put("QUARKUS_FLYWAY_PASSWORD", System.getenv().getOrDefault("CHAMYEO_DB_PASSWORD", "chamyeo"));
            env.put("CHAMYEO_VOTING_ROLL_SECRET", "contract-check-roll-secret-not-for-production");
            launch(service, root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar"), env);
        }
        Map<String, String> env = new LinkedHashMap<>(common("gateway", publicKey));
        for (String service : SERVICES) {
            env.put("CHAMYEO_GATEWAY_SERVICES_" + service.toUpperCase(), base(service));
        }
        env.put("CHAMYEO_GATEWAY_LOG_SECRET", "contract-check-gateway-log-secret-not-for-production");
        launch("gateway", root.resolve("gateway/target/quarkus-app/quarkus-run.jar"), env);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (String app : ports.keySet()) {
            while (status(base(app) + "/q/health/ready") != 200) {
                if (System.nanoTime() > deadline || processes.stream().anyMatch(p -> !p.isAlive())) {
                    throw new IllegalStateException(app + " did not start; logs in " + dir.resolve("logs"));
                }
                Thread.sleep(250);
            }
        }
        return this;
    }

    private Map<String, String> common(String app, Path publicKey) {
        return Map.of("QUARKUS_HTTP_PORT", String.valueOf(ports.get(app)),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString(),
                "MP_JWT_VERIFY_ISSUER", "https://chamyeo.local/dev");
    }

    private void launch(String app, Path jar, Map<String, String> env) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the apps first (./mvnw -B package -DskipTests)");
        }
        // The JIT's first tier only and a small heap: five short-lived JVMs share two cores with the build.
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("logs/" + app + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // also when the test JVM is stopped
    }

    /** A development token ({@code deploy/stack}'s DevTokens), e.g. {@code token("token", "--role", "OFFICER")}. */
    String token(String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-cp", System.getProperty("java.class.path"),
                "kr.chamyeo.stack.DevTokens", args[0], dir.resolve("keys").toString()));
        command.addAll(List.of(args).subList(1, args.length));
        return Tool.run(dir, Duration.ofMinutes(1), Map.of(), command.toArray(String[]::new)).orFail("DevTokens").output().trim();
    }

    KafkaBroker broker() {
        return broker;
    }

    String base(String app) {
        return "http://localhost:" + ports.get(app);
    }

    /** The OpenAPI document an app serves at {@code /q/openapi} (the gateway's is the combined one). */
    String document(String app) throws IOException, InterruptedException {
        return get(app, "/q/openapi?format=json");
    }

    String get(String app, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base(app) + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(app + " " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * A GET's status, -1 when nothing answers. deploy/e2e's Stack.status is the same ten lines: the two test modules
     * share no test code (a jar of test helpers for one readiness poll would cost more than it saves).
     */
    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }
}
