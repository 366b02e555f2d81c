package kr.chamyeo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.e2e.support.Api;
import kr.chamyeo.e2e.support.Contract;
import kr.chamyeo.e2e.support.OpenApi;
import kr.chamyeo.e2e.support.Stack;
import kr.chamyeo.e2e.support.StackExtension;
import kr.chamyeo.e2e.support.Tokens;

/**
 * Issue 22, through the real gateway in front of the real budget-service: Pabulib files of real size simulate (3.7 MB,
 * the size the gateway's old 1 MB limit refused, and 30 MB, the size of Warsaw's largest), the real Warsaw
 * Praga-Południe 2020 file gives its official outcome, and the hostile files of the issue are answered 4xx
 * within 2 s and leave no thread of budget-service busy (its CPU, read from /proc, is back to idle within seconds).
 *
 * <p>The large files are synthetic, shaped like Warsaw's district budgets, written by the simulation benchmark's own
 * generator ({@code deploy/bench/simulation/GenerateElection.java}, fixed seed) into target/. Their greedy outcome is
 * computed here from the file, independently of the service.
 */
@ExtendWith(StackExtension.class)
class SimulationFilesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private static final Path ROOT = Path.of(System.getProperty("e2e.root", "../..")).toAbsolutePath().normalize();
    private static final Path TARGET = Path.of(System.getProperty("e2e.target", "target")).toAbsolutePath().normalize();

    private record Answer(int status, String contentType, JsonNode json, long millis) {
    }

    private static Answer simulate(Api api, String token, HttpRequest.BodyPublisher body, String rule) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.stack().gateway()
                        + "/api/v1/budget/simulations?rule=" + rule)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain; charset=UTF-8").header("Accept", "application/json").POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Contract.check("POST", r.uri().toString(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), OpenApi.JSON.readTree(r.body()),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** A synthetic Warsaw-shaped election written by the benchmark's generator (deterministic for its seed). */
    private static Path generate(int projects, int voters) throws Exception {
        Path out = TARGET.resolve("simulation-files/synthetic-" + projects + "p-" + voters + "v.pb");
        if (!Files.exists(out)) {
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    ROOT.resolve("deploy/bench/simulation/GenerateElection.java").toString(), out.toString(),
                    String.valueOf(projects), String.valueOf(voters), "2026").inheritIO().start();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, "GenerateElection failed");
        }
        return out;
    }

    /**
     * RANKED_GREEDY with the file's voters as the only electorate, written from the rule's definition in
     * budget-service/README.md: more votes first (the score is the vote share), then the lower cost, then file order;
     * down that ranking every project that still fits is adopted. Returns the adopted ids in order and the budget.
     */
    private static Greedy greedy(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        Map<String, Long> cost = new HashMap<>();
        Map<String, Integer> votes = new HashMap<>();
        long budget = 0;
        int voters = 0;
        String section = "";
        boolean header = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("META") || line.equals("PROJECTS") || line.equals("VOTES")) {
                    section = line;
                    header = true;
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(";");
                switch (section) {
                    case "META" -> budget = f[0].equals("budget") ? Long.parseLong(f[1]) : budget;
                    case "PROJECTS" -> {
                        ids.add(f[0]);
                        cost.put(f[0], Long.parseLong(f[1]));
                    }
                    default -> {
                        voters++;
                        for (String id : f[1].split(",")) {
                            votes.merge(id, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        List<String> ranking = new ArrayList<>(ids);
        ranking.sort(Comparator.<String>comparingInt(id -> -votes.getOrDefault(id, 0)).thenComparingLong(cost::get)
                .thenComparingInt(ids::indexOf));
        List<String> adopted = new ArrayList<>();
        long left = budget;
        for (String id : ranking) {
            if (cost.get(id) <= left) {
                adopted.add(id);
                left -= cost.get(id);
            }
        }
        return new Greedy(ids.size(), voters, budget, adopted, budget - left);
    }

    private record Greedy(int projects, int voters, long budget, List<String> adopted, long spent) {
    }

    private static void assertGreedy(Path file, Answer answer, long minBytes) throws IOException {
        assertTrue(Files.size(file) >= minBytes, file + " has " + Files.size(file) + " bytes");
        assertEquals(200, answer.status(), () -> file + ": " + answer);
        Greedy expected = greedy(file);
        assertEquals(expected.projects(), answer.json().path("projects").asInt());
        assertEquals(expected.voters(), answer.json().path("voters").asInt());
        assertEquals(expected.budget(), answer.json().path("budget").asLong());
        List<String> selected = new ArrayList<>();
        answer.json().path("selected").forEach(s -> selected.add(s.path("projectId").asText()));
        assertEquals(expected.adopted(), selected);
        assertEquals(expected.spent(), answer.json().path("totalSpent").asLong());
        System.out.printf("[simulation] %s (%,d bytes, %d projects, %,d voters) RANKED_GREEDY through the gateway: %d "
                        + "adopted, %d ms (read %d ms, rule %d ms, EJR/PJR check %d ms)%n", file.getFileName(), Files.size(file),
                expected.projects(), expected.voters(), selected.size(), answer.millis(),
                answer.json().path("parseMillis").asLong(), answer.json().path("selectionMillis").asLong(),
                answer.json().path("analysisMillis").asLong());
    }

    @Test
    void realSizeFilesSimulateThroughTheGateway(Api api) throws Exception {
        String token = api.tokens().resident(Tokens.GEUMCHEON, 22);
        // 3.7 MB: the size the gateway refused with 413 (a city of 90,000 voters with ages and sexes in the file).
        Path city = generate(300, 178_000);
        assertGreedy(city, simulate(api, token, HttpRequest.BodyPublishers.ofFile(city), "RANKED_GREEDY"), 3_600_000);
        // The real Warsaw Praga-Południe 2020 file (0.9 MB, 14,897 voters, decided by greedy): the official outcome, 26
        // projects. (Its Equal Shares outcome, 61 projects, is budget-service's own test: cold and on loaded machines it
        // takes seconds of the gateway's 30.)
        Path warsaw = sharedPabulib().resolve("poland_warszawa_2020_praga-poludnie.pb");
        Answer official = simulate(api, token, HttpRequest.BodyPublishers.ofFile(warsaw), "RANKED_GREEDY");
        assertEquals(200, official.status(), official::toString);
        assertEquals(26, official.json().path("selected").size());
        assertTrue(official.json().path("matchesFileSelection").asBoolean(), official::toString);
    }

    @Test
    void thirtyMegabyteFileSimulatesThroughTheGatewayAndEqualSharesOnItStopsAtItsBound(Api api) throws Exception {
        String token = api.tokens().resident(Tokens.GEUMCHEON, 24);
        long pid = budgetPid(api);
        // Warsaw-shaped, as large as Pabulib's largest files: 600 projects, 1,350,000 voters, 30 MB (written in ~4 s).
        Path large = generate(600, 1_350_000);
        Answer greedy = simulate(api, token, HttpRequest.BodyPublishers.ofFile(large), "RANKED_GREEDY");
        assertGreedy(large, greedy, 30_000_000);
        assertTrue(greedy.json().path("totalSpent").asLong() <= greedy.json().path("budget").asLong(), greedy::toString);
        // The proportionality analysis is in the answer; on a million distinct ballots the EJR/PJR search stops at its
        // work bound and says so instead of answering late.
        JsonNode analysis = greedy.json().path("proportionality");
        for (String check : List.of("ejr", "ejrUpToOne", "pjr")) {
            assertTrue(List.of("SATISFIED", "VIOLATED", "NOT_CHECKED").contains(analysis.path(check).path("status").asText()),
                    check + ": " + analysis.path(check));
        }
        assertEquals(1_350_000, analysis.path("electorates").path(0).path("voters").asInt(), analysis::toString);
        assertTrue(analysis.path("account").path("summaryKo").asText().startsWith("순위 방식")
                && analysis.path("account").path("summaryKo").asText().contains(greedy.json().path("selected").size() + "개 사업"),
                analysis.path("account")::toString);
        // Equal Shares on a million voters is beyond an anonymous request (README: each add1 run prices every project over
        // the ballots): the service stops computing at its bound and answers 422 naming it — before the gateway's 30 s
        // (the deadline counts from the request's arrival), and without running out of its heap.
        Answer equalShares = simulate(api, token, HttpRequest.BodyPublishers.ofFile(large), "EQUAL_SHARES");
        assertEquals(422, equalShares.status(), equalShares::toString);
        assertTrue(equalShares.contentType().startsWith("application/problem+json"), equalShares::toString);
        assertTrue(List.of("cpu", "time").contains(equalShares.json().path("bound").asText()), equalShares::toString);
        assertTrue(equalShares.millis() < 30_000, "answered after " + equalShares.millis() + " ms");
        assertEquals(200, api.stack().status(api.stack().direct("budget") + "/q/health/ready"), "budget-service still ready");
        System.out.printf("[simulation] %s EQUAL_SHARES through the gateway: 422 bound %s in %d ms; budget-service's peak "
                        + "resident memory %s%n", large.getFileName(), equalShares.json().path("bound").asText(), equalShares.millis(),
                peakMemory(pid));
    }

    private static long budgetPid(Api api) throws IOException {
        return Long.parseLong(Files.readString(api.stack().logs().getParent().resolve("pids/budget.pid")).strip());
    }

    /** VmHWM of /proc/PID/status: the most resident memory the process has used (its -Xmx is the stack's JAVA_OPTS). */
    private static String peakMemory(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.substring(6).strip()).findFirst().orElse("unknown");
    }

    @Test
    void hostileFilesAreRefusedQuicklyAndLeaveNoThreadBusy(Api api) throws Exception {
        long pid = budgetPid(api);
        // The attack of issue 22: 200 bytes, a budget of 2·10¹⁵ and two projects (the add1 completion stepped ~10¹⁴ times).
        String huge = "META\nkey;value\nbudget;2000000000000000\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
                + "A;600000000000000\nB;600000000000000\nVOTES\nvoter_id;vote\n1;A\n2;B\n";
        // A million-digit number (BigDecimal parses it in quadratic time: ~10 s).
        String digits = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;" + "9".repeat(1_000_000)
                + "\nVOTES\nvoter_id;vote\n1;A\n";
        // Anonymous, as an attacker (the gateway's bucket for anonymous uploads allows 6 a minute; these are 2).
        for (String[] hostile : new String[][] {{huge, "budget must be at most 999999999999999, not 2000000000000000"},
                {digits, "cost must be at most 999999999999999, not a 1000000-character number"}}) {
            Answer answer = simulate(api, null, HttpRequest.BodyPublishers.ofString(hostile[0]), "EQUAL_SHARES");
            assertEquals(422, answer.status(), answer::toString);
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer::toString);
            assertEquals(hostile[1], answer.json().path("reason").asText());
            assertTrue(answer.millis() < 2000, "answered after " + answer.millis() + " ms");
        }
        // The largest budget a file may declare, with the same two projects: computed, in a handful of add1 runs, at once.
        String largest = huge.replace("budget;2000000000000000", "budget;999999999999999");
        Answer computed = simulate(api, api.tokens().resident(Tokens.GEUMCHEON, 23),
                HttpRequest.BodyPublishers.ofString(largest), "EQUAL_SHARES");
        assertEquals(200, computed.status(), computed::toString);
        assertEquals(0, computed.json().path("selected").size());
        assertTrue(computed.json().path("add1").path("runs").asInt() < 10, computed::toString);
        assertTrue(computed.millis() < 2000, "answered after " + computed.millis() + " ms");
        // No thread left computing: within 10 s there is a second in which budget-service's threads used less than a
        // fifth of a core together (a worker stuck in the completion alone would use a whole core, every second).
        Cpu cpu = new Cpu(pid);
        double busiest = Double.MAX_VALUE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (busiest >= 0.2 && System.nanoTime() < deadline) {
            busiest = cpu.coresUsedOverOneSecond();
        }
        System.out.printf("[simulation] budget-service (pid %d) after the hostile files: %.2f of a core%n", pid, busiest);
        assertTrue(busiest < 0.2, "budget-service still uses " + busiest + " of a core 10 s after the hostile files");
    }

    /** CPU time of a process from /proc/PID/stat (utime + stime, in clock ticks). */
    private record Cpu(long pid) {
        double coresUsedOverOneSecond() throws IOException, InterruptedException {
            long before = ticks();
            long started = System.nanoTime();
            Thread.sleep(1000);
            long after = ticks();
            return (after - before) / (double) TICKS_PER_SECOND / ((System.nanoTime() - started) / 1e9);
        }

        long ticks() throws IOException {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name (which may hold spaces, inside parentheses): state is field 3, utime 14, stime 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
    }

    /** USER_HZ, the unit of /proc's CPU times: 100 on Linux on every common architecture. */
    private static final long TICKS_PER_SECOND = 100;

    private static Path sharedPabulib() {
        for (Path dir = ROOT; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/pabulib"))) {
                return dir.resolve("shared/pabulib");
            }
        }
        throw new IllegalStateException("no shared/pabulib above " + ROOT + ": the real Pabulib files sit beside the repository");
    }
}
