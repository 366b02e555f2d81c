import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import kr.chamyeo.budget.pabulib.PabulibFile;
import kr.chamyeo.budget.pabulib.PabulibReader;
import kr.chamyeo.budget.pabulib.Simulation;
import kr.chamyeo.budget.selection.Election;
import kr.chamyeo.budget.selection.Selection;
import kr.chamyeo.budget.selection.SelectionRule;
import kr.chamyeo.budget.selection.WorkLimit;

/**
 * Times budget-service's reading of Pabulib files and every selection rule on them, in process (no HTTP), with the
 * bounds of an anonymous simulation (10 s of CPU, 25 s, 5,000 runs): prints one line per file and rule. The second of two runs is
 * reported (the first warms the JIT).
 *
 * Usage: java -cp CLASSPATH [-Drules=EQUAL_SHARES,…] [-Dunbounded=true] SimulationBench.java FILE.pb...
 */
public class SimulationBench {

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // -Dunbounded=true measures what a rule needs in full (a cycle's bounds) instead of stopping at a simulation's.
        boolean unbounded = Boolean.getBoolean("unbounded");
        for (String name : args) {
            Path path = Path.of(name);
            PabulibFile file = null;
            long parseMillis = 0;
            for (int round = 0; round < 2; round++) {
                long started = System.nanoTime();
                try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    file = PabulibReader.read(reader);
                }
                parseMillis = (System.nanoTime() - started) / 1_000_000;
            }
            System.out.printf("%s: %.1f MB, %d projects, %d voters, budget %,d; read in %d ms%n", path.getFileName(),
                    Files.size(path) / 1e6, file.projects().size(), file.votes().size(), file.budget(), parseMillis);
            Election election = Simulation.election(file);
            for (String ruleName : System.getProperty("rules", "RANKED_GREEDY,EQUAL_SHARES,EQUAL_SHARES_ADD1U,SEQUENTIAL_PHRAGMEN")
                    .split(",")) {
                SelectionRule rule = SelectionRule.valueOf(ruleName.strip());
                String line = null;
                long wall = 0;
                long cpu = 0;
                for (int round = 0; round < 2 && line == null; round++) {
                    long cpuStarted = threads.getCurrentThreadCpuTime();
                    long started = System.nanoTime();
                    Selection selection = null;
                    try {
                        selection = rule.select(election, unbounded ? WorkLimit.CYCLE
                                : WorkLimit.of(Duration.ofSeconds(10), Duration.ofSeconds(25), 5_000));
                    } catch (WorkLimit.Exceeded e) {
                        line = "stopped at its bound (" + e.bound() + "): " + e.getMessage();
                    }
                    wall = (System.nanoTime() - started) / 1_000_000;
                    cpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
                    if (selection != null && round == 1) {
                        line = String.format("%d projects for %,d%s", selection.selected().size(), selection.spent(),
                            selection.completion() == null ? "" : String.format(", add1 kept %,d per voter after %d runs",
                                    selection.completion().virtualTotal() / Math.max(1, file.votes().size()),
                                    selection.completion().runs()));
                    }
                }
                System.out.printf("  %-20s %6d ms (%6d ms CPU)  %s%n", rule, wall, cpu, line);
            }
        }
    }
}
