package kr.chamyeo.budget.pabulib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.selection.Selection;
import kr.chamyeo.budget.selection.SelectionRule;

/**
 * EQUAL_SHARES against the published outcomes (the {@code selected} column) of every real approval election Pabulib
 * lists as decided by the Method of Equal Shares with the add1 completion. The files are read from shared/pabulib
 * (pabulib.org, or the pabulib/pabulib_files repository); a run without them says so instead of passing silently.
 */
class EqualSharesElectionsTest {

    private static PabulibFile read(String name) throws IOException {
        assumeTrue(SharedPabulib.has(name), name + " is not in shared/pabulib (nor -Dchamyeo.pabulib.dir): download it from "
                + "pabulib.org to run this test");
        return PabulibReader.read(Files.newBufferedReader(SharedPabulib.file(name), StandardCharsets.UTF_8));
    }

    private static List<String> official(PabulibFile file) {
        return file.projects().stream().filter(p -> Boolean.TRUE.equals(p.selected())).map(PabulibFile.Project::id).sorted().toList();
    }

    private static Selection reproduce(PabulibFile file, int projects, int voters, int selected, long spent) {
        assertEquals(projects, file.projects().size());
        assertEquals(voters, file.votes().size());
        long started = System.nanoTime();
        Selection selection = Simulation.run(file, SelectionRule.EQUAL_SHARES);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%s %s: %d projects for %d of %d, add1 kept %d per voter, %d runs, %d ms%n", file.meta().get("unit"),
                file.meta().get("instance"), selection.selected().size(), selection.spent(), file.budget(),
                selection.completion().virtualTotal() / voters, selection.completion().runs(), millis);
        assertEquals(official(file), selection.selected().stream().sorted().toList());
        assertEquals(selected, selection.selected().size());
        assertEquals(spent, selection.spent());
        return selection;
    }

    @Test
    void wieliczka2023GreenBudget() throws IOException {
        // 64 projects, 6,586 voters, 1,000,000 zł. The first exhaustive outcome (302 zł per voter: 31 projects for
        // 984,579) is not the city's: the completion goes on while within the budget, to 315 zł per voter, 30 projects
        // for 995,079 — the published outcome (the comparison step kept Equal Shares' outcome over greedy's).
        Selection selection = reproduce(read(SharedPabulib.WIELICZKA), 64, 6_586, 30, 995_079);
        assertEquals(315, selection.completion().virtualTotal() / 6_586);
    }

    @Test
    void swiecie2023() throws IOException {
        // 22 projects, 2,553 voters, 1,070,000 zł: 17 projects for 1,040,337 (662 zł per voter at the end).
        Selection selection = reproduce(read(SharedPabulib.SWIECIE), 22, 2_553, 17, 1_040_337);
        assertEquals(662, selection.completion().virtualTotal() / 2_553);
    }

    @Test
    void assen2024() throws IOException {
        // 14 projects, 84 young voters, 100,000 €: plain MES buys 7 for 60,700; add1 reaches 2,033 € per voter with
        // 9 projects for 76,700, the published outcome. Add1U's greedy fill would add project 7 as well (88,700).
        PabulibFile file = read(SharedPabulib.ASSEN);
        Selection selection = reproduce(file, 14, 84, 9, 76_700);
        assertEquals(2_033, selection.completion().virtualTotal() / 84);
        Selection add1u = Simulation.run(file, SelectionRule.EQUAL_SHARES_ADD1U);
        assertEquals(88_700, add1u.spent());
        assertTrue(add1u.isSelected("7"));
        assertEquals(Selection.Step.GREEDY, add1u.steps().get("7"));
    }
}
