package kr.chamyeo.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the tools a partner district's developers and front-end teams run on the documents the apps serve — the
 * gateway's combined one and each service's own — and fails the build on what they call errors: Redocly CLI's
 * recommended rules, Spectral's {@code spectral:oas} ruleset ({@code .spectral.yaml}), Prism as a validating proxy in
 * front of real answers, and OpenAPI Generator's Java ({@code native}) and {@code typescript-fetch} clients, compiled;
 * then a partner's program written against the generated Java client drives the city scenario's main path, and every
 * event it caused is read with the CloudEvents SDK and validated against the AsyncAPI document.
 * The npm tools are pinned by {@code package-lock.json} ({@code npm ci} runs before the tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DOCUMENTS = {"gateway", "budget", "voting", "community", "governance"};
    private static final Duration TOOL_TIME = Duration.ofMinutes(3);

    private final Path module = Path.of("").toAbsolutePath();
    private final Path target = Path.of(System.getProperty("contract.target", "target")).toAbsolutePath();
    private final Path documents = target.resolve("contract/documents");
    // HTTP/1.1: Java's client otherwise offers an h2c upgrade, which Prism's server leaves unanswered.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Path root;
    private Apps apps;

    @BeforeAll
    void startAppsAndSaveTheirDocuments() throws Exception {
        root = Path.of(System.getProperty("contract.root", "../..")).toAbsolutePath().normalize();
        long started = System.nanoTime();
        apps = new Apps(root, target.resolve("contract/apps"));
        apps.start();
        Files.createDirectories(documents);
        for (String document : DOCUMENTS) {
            Files.writeString(documents.resolve(document + ".json"), apps.document(document), StandardCharsets.UTF_8);
        }
        Files.writeString(documents.resolve("asyncapi.yaml"), apps.get("gateway", "/q/asyncapi"), StandardCharsets.UTF_8);
        System.out.printf("[contract] apps up and documents saved in %d s (%s)%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), documents);
    }

    @AfterAll
    void stopApps() {
        if (apps != null) {
            apps.close();
        }
    }

    private Tool node(String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(module.resolve("node_modules/.bin/" + tool).toString()));
        command.addAll(List.of(args));
        return Tool.run(module, TOOL_TIME, Map.of(), command.toArray(String[]::new));
    }

    @Test
    void everyDocumentPassesRedoclyRecommendedRules() {
        List<String> failed = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Tool lint = node("redocly", "lint", documents.resolve(document + ".json").toString(),
                    "--config", module.resolve("redocly.yaml").toString(), "--format=stylish");
            System.out.printf("[contract] redocly %s: %s%n", document, lastLine(lint.output()));
            if (lint.code() != 0) {
                failed.add(document + ":\n" + lint.output());
            }
        }
        assertEquals(List.of(), failed, "Redocly found errors");
    }

    /**
     * A model name ending in a number ({@code Status2}, {@code PlanView1}) is SmallRye's answer to two classes of one
     * simple name: it says nothing and moves when a class is added. Each schema names itself ({@code @Schema(name = …)}).
     */
    @Test
    void noDocumentHasANumberedModelName() throws IOException {
        List<String> numbered = new ArrayList<>();
        for (String document : DOCUMENTS) {
            JSON.readTree(documents.resolve(document + ".json").toFile()).path("components").path("schemas").fieldNames()
                    .forEachRemaining(name -> {
                        if (Character.isDigit(name.charAt(name.length() - 1))) {
                            numbered.add(document + ": " + name);
                        }
                    });
        }
        assertEquals(List.of(), numbered);
    }

    @Test
    void everyDocumentPassesSpectralOas() {
        List<String> failed = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Tool lint = node("spectral", "lint", documents.resolve(document + ".json").toString(),
                    "--ruleset", module.resolve(".spectral.yaml").toString(), "--fail-severity", "error", "--format", "text");
            long errors = lint.output().lines().filter(l -> l.contains(" error ")).count();
            long warnings = lint.output().lines().filter(l -> l.contains(" warning ")).count();
            System.out.printf("[contract] spectral %s: %d errors, %d warnings%n", document, errors, warnings);
            if (lint.code() != 0) {
                failed.add(document + ":\n" + lint.output().lines().filter(l -> l.contains(" error ")).reduce("", (a, b) -> a + b + "\n"));
            }
            // Roles are the operations' x-roles, not scopes of the bearer scheme (which only OAuth2 and OpenID Connect have).
            lint.output().lines().filter(l -> l.contains("oas3-operation-security-defined"))
                    .forEach(l -> failed.add(document + ": " + l.trim()));
        }
        assertEquals(List.of(), failed, "Spectral found errors");
    }

    /**
     * Prism in proxy mode between a client and the gateway: each real answer is validated against the combined
     * document, and a violation comes back in the {@code sl-violations} header.
     */
    @Test
    void realAnswersMatchTheCombinedDocumentThroughPrism() throws Exception {
        int port = Apps.freePort();
        Process prism = new ProcessBuilder(module.resolve("node_modules/.bin/prism").toString(), "proxy",
                documents.resolve("gateway.json").toString(), apps.base("gateway"), "--port", String.valueOf(port),
                "--host", "127.0.0.1").redirectErrorStream(true)
                .redirectOutput(target.resolve("contract/prism.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(prism::destroyForcibly));
        try {
            String proxy = "http://127.0.0.1:" + port;
            waitFor(proxy + "/api/v1/governance/districts");
            String officer = apps.token("token", "--role", "OFFICER", "--district", "11545");
            String today = LocalDate.now().toString();
            String cycle = """
                    {"district":"11545","fiscalYear":2021,"kind":"RESIDENT","title":"2021년 금천구 주민참여예산",
                     "totalAmount":1000000000,"ordinaryCap":100000000,"eventCap":20000000,"residentWeight":50,
                     "committeeWeight":50,"rule":"RANKED_GREEDY",
                     "subcommittees":[{"code":"welfare","name":"복지환경분과","ceiling":500000000},
                                      {"code":"safety","name":"안전건설분과","ceiling":500000000}],
                     "phases":{"intakeFrom":"%1$s","intakeTo":"%1$s","reviewTo":"%1$s","assemblyFrom":"%1$s","assemblyTo":"%1$s"}}
                    """.formatted(today);
            List<String> violations = new ArrayList<>();
            HttpResponse<String> created = call(proxy, "POST", "/api/v1/budget/cycles", officer, cycle, violations);
            assertEquals(201, created.statusCode(), created.body());
            long id = JSON.readTree(created.body()).path("id").asLong();
            String[] reads = {
                    "/api/v1/budget/cycles/" + id,
                    "/api/v1/budget/cycles?district=11545",
                    "/api/v1/budget/cycles/" + id + "/proposals",
                    "/api/v1/governance/districts",
                    "/api/v1/governance/districts/11545",
                    "/api/v1/voting/ballots",
                    "/api/v1/voting/elections",
                    "/api/v1/community/spaces?district=11545",
                    "/api/v1/community/plans?district=11545",
            };
            for (String read : reads) {
                HttpResponse<String> answer = call(proxy, "GET", read, null, null, violations);
                assertEquals(200, answer.statusCode(), read + ": " + answer.body());
            }
            // A malformed id and an unknown enum value: 400 problem+json naming the parameter, as the documents declare.
            HttpResponse<String> malformed = call(proxy, "GET", "/api/v1/voting/ballots/not-a-uuid", null, null, violations);
            assertEquals(400, malformed.statusCode(), malformed.body());
            assertEquals("id", JSON.readTree(malformed.body()).path("errors").path(0).path("field").asText());
            HttpResponse<String> badKind = call(proxy, "GET", "/api/v1/budget/cycles?district=11545&kind=NOPE", null, null, violations);
            assertEquals(400, badKind.statusCode(), badKind.body());
            assertEquals("kind", JSON.readTree(badKind.body()).path("errors").path(0).path("field").asText());
            System.out.printf("[contract] prism proxy: %d calls, %d response violations%n", reads.length + 3, violations.size());
            assertEquals(List.of(), violations, "answers that break the combined document");
        } finally {
            prism.destroy();
        }
    }

    /** Sends one request through Prism and collects the violations of the answer (not of the request). */
    private HttpResponse<String> call(String proxy, String method, String path, String token, String body,
            List<String> violations) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String header = response.headers().firstValue("sl-violations").orElse("[]");
        for (JsonNode violation : JSON.readTree(header)) {
            if ("response".equals(violation.path("location").path(0).asText())) {
                violations.add(method + " " + path + " → " + response.statusCode() + ": " + violation);
            }
        }
        return response;
    }

    private void waitFor(String url) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("Prism did not start; see " + target.resolve("contract/prism.log"));
    }

    /**
     * The events' AsyncAPI document the gateway serves: read by the AsyncAPI parser with its rules, every example valid
     * against its payload schema ({@code validate-asyncapi.mjs}), and every event type the services' code publishes
     * through the outbox present in it.
     */
    @Test
    void eventsDocumentIsValidAsyncApiAndNamesEveryPublishedEvent() throws IOException {
        Tool check = Tool.run(module, TOOL_TIME, Map.of(), "node", module.resolve("validate-asyncapi.mjs").toString(),
                documents.resolve("asyncapi.yaml").toString());
        System.out.printf("[contract] asyncapi: %s%n", lastLine(check.output()));
        check.orFail("AsyncAPI validation");
        List<String> documented = List.of(check.output().lines().filter(l -> l.startsWith("messages: ")).findFirst()
                .orElseThrow().substring("messages: ".length()).split(" "));
        java.util.regex.Pattern publish = java.util.regex.Pattern.compile("publish(?:All)?\\(\\s*[^,()]+,\\s*\"(\\w+)\"");
        java.util.Set<String> published = new java.util.TreeSet<>();
        for (String service : Apps.SERVICES) {
            try (Stream<Path> files = Files.walk(root.resolve(service + "-service/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    publish.matcher(Files.readString(file)).results().forEach(m -> published.add(m.group(1)));
                }
            }
        }
        assertTrue(published.size() >= 10, "event types found in the services' code: " + published);
        assertEquals(List.of(), published.stream().filter(t -> !documented.contains(t)).toList(),
                "published by the services but missing from asyncapi.yaml");
    }

    @Test
    void generatedJavaClientCompiles() throws Exception {
        javaClient();
    }

    /**
     * The city scenario's main path as a partner's program written against the generated Java client
     * ({@code src/scenario/java}, compiled here against it): a trustee panel formed, a cycle with proposals reviewed and
     * forwarded, the 총회's two ballots opened by events, residents and committee members voting, the ballots closed and
     * counted by the trustees, and the adopted projects read back — each answer checked against the figures it must have.
     */
    @Test
    void generatedJavaClientDrivesTheCityScenario() throws Exception {
        String summary = scenario();
        System.out.println("[contract] scenario through the generated Java client: " + summary);
    }

    /**
     * The events the scenario made the services publish, consumed from the in-process broker with the CloudEvents SDK,
     * each valid against its message's payload schema in the AsyncAPI document.
     */
    @Test
    void everyPublishedEventMatchesItsAsyncApiSchema() throws Exception {
        scenario();
        PublishedEvents.Report report = new PublishedEvents(Files.readString(documents.resolve("asyncapi.yaml")))
                .check(apps.broker().adminProperties());
        System.out.printf("[contract] events: %d read with the CloudEvents SDK, by type %s, %d violations%n",
                report.events(), report.types(), report.violations().size());
        assertTrue(report.types().keySet().containsAll(List.of("CycleCreated", "BallotRequested", "BallotOpened",
                "BallotClosed", "ProjectsAdopted")), "the scenario's events: " + report.types());
        assertEquals(List.of(), report.violations(), "events that break the AsyncAPI document");
    }

    private String scenarioSummary;
    private Exception scenarioFailure;

    /** Runs the scenario once for the tests that need it (JUnit's method order is not theirs to rely on). */
    private synchronized String scenario() throws Exception {
        if (scenarioSummary != null) {
            return scenarioSummary;
        }
        if (scenarioFailure != null) {
            throw scenarioFailure;
        }
        try {
            scenarioSummary = runScenario();
            return scenarioSummary;
        } catch (Exception | AssertionError e) {
            scenarioFailure = e instanceof Exception ex ? ex : new IllegalStateException(e.getMessage(), e);
            throw e;
        }
    }

    private String runScenario() throws Exception {
        Path client = javaClient();
        Path classes = Files.createDirectories(target.resolve("contract/clients/scenario-classes"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(module.resolve("src/scenario/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        compile(sources, classes, client + File.pathSeparator + System.getProperty("java.class.path"));
        List<String> trustees = List.of(apps.token("tokens", "--count", "2", "--role", "TRUSTEE", "--prefix", "contract-trustee-")
                .split("\n"));
        List<String> residents = List.of(apps.token("tokens", "--count", "10", "--role", "RESIDENT", "--district", "11545",
                "--prefix", "contract-resident-").split("\n"));
        List<String> committee = List.of(apps.token("tokens", "--count", "2", "--role", "COMMITTEE", "--district", "11545",
                "--prefix", "contract-committee-").split("\n"));
        Map<String, Object> settings = Map.of("gateway", apps.base("gateway"),
                "officer", apps.token("token", "--role", "OFFICER", "--district", "11545"),
                "cityAdmin", apps.token("token", "--role", "CITY_ADMIN"),
                "trustees", List.of("contract-trustee-0", "contract-trustee-1"),
                "residents", residents, "committee", committee);
        try (Trustees running = new Trustees(apps.base("voting") + "/api/v1/voting", trustees, target.resolve("contract/trustees"));
                java.net.URLClassLoader loader = new java.net.URLClassLoader(
                        new java.net.URL[] {client.toUri().toURL(), classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            java.util.function.Function<Map<String, Object>, String> partner = (java.util.function.Function<Map<String, Object>, String>)
                    loader.loadClass("kr.seoul.partner.CityScenario").getConstructor().newInstance();
            return partner.apply(settings);
        }
    }

    private Path javaClientClasses;

    /** The Java ({@code native}) client generated from the combined document and compiled with javac. */
    private synchronized Path javaClient() throws Exception {
        if (javaClientClasses != null) {
            return javaClientClasses;
        }
        Path out = target.resolve("contract/clients/java");
        generate("java", out, Map.of("library", "native", "useJakartaEe", true, "openApiNullable", false,
                "apiPackage", "kr.seoul.partner.chamyeo.api", "modelPackage", "kr.seoul.partner.chamyeo.model",
                "invokerPackage", "kr.seoul.partner.chamyeo"));
        List<String> sources;
        try (Stream<Path> files = Files.walk(out.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path classes = Files.createDirectories(out.resolve("classes"));
        compile(sources, classes, System.getProperty("java.class.path"));
        System.out.printf("[contract] generated Java client: %d sources compiled%n", sources.size());
        javaClientClasses = classes;
        return classes;
    }

    private static void compile(List<String> sources, Path classes, String classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn",
                "-encoding", "UTF-8", "-cp", classpath));
        boolean compiled = javac.getTask(diagnostics, null, null, options, null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjectsFromStrings(sources)).call();
        assertTrue(compiled, diagnostics.toString());
    }

    @Test
    void generatedTypeScriptClientCompiles() throws Exception {
        Path out = target.resolve("contract/clients/typescript");
        generate("typescript-fetch", out, Map.of("supportsES6", true));
        Tool tsc = node("tsc", "--noEmit", "--strict", "--target", "ES2020", "--module", "ES2020",
                "--moduleResolution", "node", "--lib", "ES2020,DOM", "--skipLibCheck",
                out.resolve("index.ts").toString());
        System.out.printf("[contract] generated TypeScript client: tsc exit %d%n", tsc.code());
        tsc.orFail("tsc on the typescript-fetch client");
    }

    private void generate(String generator, Path out, Map<String, Object> properties) throws IOException {
        deleteTree(out);
        CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName(generator)
                .setInputSpec(documents.resolve("gateway.json").toString()).setOutputDir(out.toString())
                .setValidateSpec(true);
        properties.forEach(configurator::addAdditionalProperty);
        ClientOptInput input = configurator.toClientOptInput();
        DefaultGenerator codegen = new DefaultGenerator();
        codegen.setGeneratorPropertyDefault("apiTests", "false");
        codegen.setGeneratorPropertyDefault("modelTests", "false");
        codegen.setGeneratorPropertyDefault("apiDocs", "false");
        codegen.setGeneratorPropertyDefault("modelDocs", "false");
        List<File> files = codegen.opts(input).generate();
        assertTrue(files.size() > 100, generator + " generated " + files.size() + " files");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static String lastLine(String output) {
        return output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
    }
}
