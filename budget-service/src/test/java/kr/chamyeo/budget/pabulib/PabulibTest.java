package kr.chamyeo.budget.pabulib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.selection.Selection;
import kr.chamyeo.budget.selection.SelectionRule;

class PabulibTest {

    private static PabulibFile warsaw() throws IOException {
        return PabulibReader.read(Files.newBufferedReader(SharedPabulib.file(SharedPabulib.WARSAW), StandardCharsets.UTF_8));
    }

    @Test
    void greedyOnWarsawPragaPoludnie2020EqualsTheOfficialOutcome() throws IOException {
        PabulibFile file = warsaw();
        assertEquals(134, file.projects().size());
        assertEquals(14_897, file.votes().size());
        List<String> official = file.projects().stream().filter(p -> Boolean.TRUE.equals(p.selected()))
                .map(PabulibFile.Project::id).sorted().toList();
        long started = System.nanoTime();
        Selection selection = Simulation.run(file, SelectionRule.RANKED_GREEDY);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long again = System.nanoTime();
        assertEquals(selection.selected(), Simulation.run(file, SelectionRule.RANKED_GREEDY).selected());
        long warmMillis = (System.nanoTime() - again) / 1_000_000;
        assertEquals(official, selection.selected().stream().sorted().toList());
        assertTrue(selection.spent() <= file.budget());
        System.out.printf("Warsaw Praga-Południe 2020 greedy: %d projects, %d of %d spent, first run %d ms, second %d ms%n",
                selection.selected().size(), selection.spent(), file.budget(), millis, warmMillis);
        assertTrue(millis < 1000, "greedy on 14,897 voters took " + millis + " ms");
    }

    @Test
    void writtenFileReadsBackTheSame() throws IOException {
        PabulibFile file = warsaw();
        String text = PabulibWriter.write(file, List.of("category"), List.of("age"));
        PabulibFile again = PabulibReader.read(new StringReader(text));
        assertEquals(file.projects().size(), again.projects().size());
        assertEquals(file.votes().get(100).approved(), again.votes().get(100).approved());
        assertEquals(file.projects().get(5).name(), again.projects().get(5).name());
        assertEquals(file.projects().get(5).extra().get("category"), again.projects().get(5).extra().get("category"));
    }

    @Test
    void votesReferToTheProjectsOwnIdsAndShareRepeatedCells() throws IOException {
        // A city's file has a million votes: each approval is the project's one id string and each repeated cell (age,
        // method) one string, not a copy per vote (1.2 million votes took 785 MB of heap with copies, 146 MB without).
        PabulibFile file = warsaw();
        Map<String, String> ids = new java.util.HashMap<>();
        file.projects().forEach(p -> ids.put(p.id(), p.id()));
        for (PabulibFile.Vote vote : file.votes()) {
            vote.approved().forEach(id -> assertSame(ids.get(id), id, "voter " + vote.voterId()));
        }
        assertSame(file.votes().get(0).extra().get("voting_method"), file.votes().get(1).extra().get("voting_method"));
        assertEquals(List.of("40", "41", "44", "45", "46", "47", "49", "348", "831"), List.copyOf(file.votes().get(0).approved()),
                "in the file's order");
        assertThrows(UnsupportedOperationException.class, () -> file.votes().get(0).approved().add("1"));
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreWrittenAsText() throws IOException {
        List<String> names = List.of("=HYPERLINK(\"http://evil.example\",\"놀이터\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                "＝1+1", "독산동 놀이터 - 2차", "12345");
        List<PabulibFile.Project> projects = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            projects.add(new PabulibFile.Project(Integer.toString(i + 1), 1000, names.get(i), false, Map.of()));
        }
        PabulibFile file = new PabulibFile(new java.util.LinkedHashMap<>(Map.of("description", "=cmd|' /C calc'!A0",
                "num_projects", "9", "num_votes", "0", "budget", "9000", "vote_type", "approval")), projects, List.of());
        String text = PabulibWriter.write(file, List.of(), List.of());
        PabulibFile again = PabulibReader.read(new StringReader(text));
        assertEquals(List.of("'=HYPERLINK(\"http://evil.example\",\"놀이터\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\t=1", "' =1",
                "'＝1+1", "독산동 놀이터 - 2차", "12345"), again.projects().stream().map(PabulibFile.Project::name).toList());
        assertEquals("'=cmd|' /C calc'!A0", again.meta().get("description"));
        assertEquals("9000", again.meta().get("budget"), "figures are untouched");
        for (String line : text.split("\n")) {
            for (String cell : line.split(";")) {
                String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertTrue(unquoted.isEmpty() || "=+-@\t\r＝＋－＠".indexOf(unquoted.charAt(0)) < 0, "formula cell in: " + line);
            }
        }
    }

    @Test
    void badFilesNameLineAndReason() {
        assertLine("PROJECTS\nproject_id;cost\n", 1, "section PROJECTS out of order (expected META)");
        assertLine("\nhello;world\n", 2, "file must start with the META section");
        assertLine("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;abc\nVOTES\nvoter_id;vote\n",
                7, "cost must be a whole number, not 'abc'");
        assertLine("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\nv1;2\n",
                10, "vote for unknown project '2'");
        assertLine("META\nkey;value\nbudget;100\nvote_type;ordinal\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\nv1;1\n",
                1, "vote_type must be 'approval', not 'ordinal'");
        assertLine("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10;x\n", 7,
                "2 columns expected (project_id;cost), found 3");
        assertLine("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10\n", 8, "missing section VOTES");
        assertLine("META\nkey;value\nbudget;100\nvote_type;approval\nnum_votes;2\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\nv1;1\n",
                1, "num_votes is 2 but the file holds 1");
    }

    private static void assertLine(String text, int line, String reason) {
        PabulibFormatException e = assertThrows(PabulibFormatException.class, () -> PabulibReader.read(new StringReader(text)));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(reason, e.reason());
    }
}
