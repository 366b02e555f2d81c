package kr.chamyeo.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole suite as separate processes, started and stopped with the same launcher a developer uses
 * ({@code deploy/local/stack}), on offset ports and its own empty {@code *_e2e} databases so it can run next
 * to a developer's stack. The app jars are copied out of the source tree first: rebuilding a module while
 * the tests run must not pull the jars from under the running processes.
 *
 * <p>System properties: {@code e2e.portOffset} (100), {@code e2e.gatewayPort} (8180), {@code e2e.stackDir}
 * (target/stack), {@code e2e.dbSuffix} (_e2e; those databases are emptied first), {@code e2e.pgCluster} and
 * {@code e2e.dbPort} (e2e, 5433: a PostgreSQL 15 cluster of its own, created by the launcher's set-up as root, so
 * that the fault drill's database restart disturbs no other database on the machine), {@code e2e.appsDir}
 * (target/apps: where the app jars are copied to), {@code e2e.keepStack=true} (reuse a running stack and leave it up afterwards, for
 * iterating on one test).
 */
public final class Stack {

    public static final String[] APPS = {"budget", "voting", "community", "governance", "gateway"};

    private final Path root;
    private final Path target;
    private final Path dir;
    private final int offset;
    private final int gatewayPort;
    private final boolean keep;
    private final String dbSuffix;
    private final Path apps;
    private final String pgCluster;
    private final int dbPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Stack() {
        root = Path.of(System.getProperty("e2e.root", "../..")).toAbsolutePath().normalize();
        target = Path.of(System.getProperty("e2e.target", "target")).toAbsolutePath().normalize();
        dir = Path.of(System.getProperty("e2e.stackDir", target.resolve("stack").toString())).toAbsolutePath();
        offset = Integer.getInteger("e2e.portOffset", 100);
        gatewayPort = Integer.getInteger("e2e.gatewayPort", 8180);
        keep = Boolean.getBoolean("e2e.keepStack");
        dbSuffix = System.getProperty("e2e.dbSuffix", "_e2e");
        apps = Path.of(System.getProperty("e2e.appsDir", target.resolve("apps").toString())).toAbsolutePath();
        pgCluster = System.getProperty("e2e.pgCluster", "e2e");
        dbPort = Integer.getInteger("e2e.dbPort", 5433);
    }

    public String gateway() {
        return "http://localhost:" + gatewayPort;
    }

    /** A service's own base URL, bypassing the gateway (direct-to-service comparisons). */
    public String direct(String app) {
        return "http://localhost:" + port(app);
    }

    public int port(String app) {
        return switch (app) {
            case "budget" -> 8081 + offset;
            case "voting" -> 8082 + offset;
            case "community" -> 8083 + offset;
            case "governance" -> 8084 + offset;
            case "gateway" -> gatewayPort;
            default -> throw new IllegalArgumentException(app);
        };
    }

    /** The stack's Keycloak realm ({@code stack up} starts Keycloak on 8090 plus the offset). */
    public String keycloakRealm() {
        return keycloak() + "/realms/chamyeo";
    }

    public String keycloak() {
        return "http://localhost:" + (8090 + offset);
    }

    /** The checkout whose launcher and realm files the stack runs. */
    public Path root() {
        return root;
    }

    public String kafkaBootstrap() {
        return "localhost:" + (9092 + offset);
    }

    /** JDBC URL of one service's own database in this stack (its PostgreSQL cluster and database suffix). */
    public String database(String app) {
        return "jdbc:postgresql://localhost:" + dbPort + "/chamyeo_" + app + dbSuffix;
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path keys() {
        return dir.resolve("keys");
    }

    void start() {
        if (keep && allReady()) {
            System.out.println("[e2e] reusing the running stack in " + dir);
            return;
        }
        long started = System.nanoTime();
        run(Duration.ofMinutes(1), "down");
        copyApps();
        Map<String, String> env = Map.of("CHAMYEO_DB_RESET", "1");
        Result up = run(Duration.ofMinutes(8), env, "up");
        if (up.code != 0) {
            // On a crowded machine an app can miss its start-up database timeout; `up` again starts only what is down.
            System.out.println("[e2e] stack up failed once, trying again:\n" + up.output);
            up = run(Duration.ofMinutes(8), "up");
        }
        if (up.code != 0) {
            throw new IllegalStateException("stack up failed (" + up.code + "):\n" + up.output + "\n" + logTails());
        }
        System.out.printf("[e2e] stack up in %d s (gateway %s, logs %s)%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), gateway(), dir.resolve("logs"));
    }

    void stop() {
        if (keep) {
            System.out.println("[e2e] leaving the stack up (e2e.keepStack=true): " + dir);
            return;
        }
        run(Duration.ofMinutes(2), "down");
    }

    /** {@code stack kill NAME}: kill -9, as a crash would. */
    public void kill(String name) {
        check(run(Duration.ofSeconds(30), "kill", name), "kill " + name);
    }

    /** {@code stack restart NAME}: starts it again (waits for readiness except for the broker). */
    public void restart(String name) {
        check(run(Duration.ofMinutes(4), "restart", name), "restart " + name);
    }

    public boolean ready(String app) {
        return status(direct(app) + "/q/health/ready") == 200;
    }

    public boolean allReady() {
        for (String app : APPS) {
            if (!ready(app)) {
                return false;
            }
        }
        return true;
    }

    public int status(String url) {
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

    public String readiness(String app) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(direct(app) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Runs PostgreSQL's own cluster control ({@code pg_ctlcluster 15 <cluster> stop|start|restart}); needs root. */
    public void postgres(String action) {
        Result r = exec(Duration.ofMinutes(2), Map.of(), List.of("pg_ctlcluster", "15", pgCluster, action));
        check(r, "pg_ctlcluster 15 " + pgCluster + " " + action);
    }

    public String logTails() {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"keycloak", "kafka", "budget", "voting", "community", "governance", "gateway"}) {
            Path log = dir.resolve("logs").resolve(name + ".log");
            if (Files.exists(log)) {
                try {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    out.append("--- ").append(name).append(".log (tail)\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())))
                            .append('\n');
                } catch (IOException | UncheckedIOException e) {
                    out.append("--- ").append(name).append(".log unreadable: ").append(e).append('\n');
                }
            }
        }
        return out.toString();
    }

    private void copyApps() {
        for (String app : APPS) {
            String module = app.equals("gateway") ? "gateway" : app + "-service";
            Path from = root.resolve(module).resolve("target/quarkus-app");
            Path to = apps.resolve(module).resolve("target/quarkus-app");
            if (!Files.exists(from.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(from + " is missing: package the apps first (./mvnw -B verify from the root does)");
            }
            copyTree(from, to);
        }
    }

    private static void copyTree(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    old.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(Result r, String what) {
        if (r.code != 0) {
            throw new IllegalStateException(what + " failed (" + r.code + "): " + r.output);
        }
    }

    public Result run(Duration timeout, String... args) {
        return run(timeout, Map.of(), args);
    }

    private Result run(Duration timeout, Map<String, String> extra, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("deploy/local/stack").toString());
        command.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("CHAMYEO_STACK_DIR", dir.toString());
        env.put("CHAMYEO_DB_SUFFIX", dbSuffix);
        env.put("CHAMYEO_PG_CLUSTER", pgCluster);
        env.put("CHAMYEO_DB_PORT", String.valueOf(dbPort));
        env.put("CHAMYEO_PORT_OFFSET", String.valueOf(offset));
        env.put("CHAMYEO_GATEWAY_PORT", String.valueOf(gatewayPort));
        env.put("CHAMYEO_APPS_DIR", apps.toString());
        // Real sign-in: Keycloak with the versioned realm; the suite's own tokens are signed with the development key
        // that realm publishes too (Tokens).
        env.put("CHAMYEO_OIDC", "keycloak");
        // The fuzz and the fault drills send thousands of requests per token; the gateway's per-caller rate
        // limits (tested in the gateway's own tests) would otherwise answer most of them before any service.
        for (String routeClass : new String[] {"VOTES", "WRITES", "READS"}) {
            env.put("CHAMYEO_GATEWAY_RATE_LIMITS_" + routeClass + "_CAPACITY", "10000000");
        }
        return exec(timeout, env, command);
    }

    private Result exec(Duration timeout, Map<String, String> env, List<String> command) {
        try {
            Path out = Files.createTempFile("stack", ".out");
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeout + ": " + Files.readString(out));
            }
            String text = Files.readString(out);
            Files.deleteIfExists(out);
            return new Result(p.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(int code, String output) {
    }
}
