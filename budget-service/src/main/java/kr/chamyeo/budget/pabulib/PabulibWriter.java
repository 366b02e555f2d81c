package kr.chamyeo.budget.pabulib;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link PabulibFile} in the Pabulib text format; fields holding ';', '"' or line breaks are quoted. A
 * .pb file is a semicolon-separated table that people open in spreadsheets, and its titles and descriptions come
 * from residents: a cell a spreadsheet would take for a formula is written as text ({@link #neutralised}).
 */
public final class PabulibWriter {

    /** What a spreadsheet reads as the start of a formula (see {@link #neutralised}). */
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private PabulibWriter() {
    }

    public static String write(PabulibFile file, List<String> projectColumns, List<String> voteColumns) {
        StringBuilder out = new StringBuilder();
        out.append("META\nkey;value\n");
        for (Map.Entry<String, String> e : file.meta().entrySet()) {
            row(out, List.of(e.getKey(), e.getValue()));
        }
        out.append("PROJECTS\n");
        row(out, concat(List.of("project_id", "cost"), projectColumns, List.of("name", "selected")));
        for (PabulibFile.Project p : file.projects()) {
            List<String> cells = new java.util.ArrayList<>(List.of(p.id(), Long.toString(p.cost())));
            projectColumns.forEach(c -> cells.add(p.extra().getOrDefault(c, "")));
            cells.add(p.name());
            cells.add(Boolean.TRUE.equals(p.selected()) ? "1" : "0");
            row(out, cells);
        }
        out.append("VOTES\n");
        row(out, concat(List.of("voter_id"), voteColumns, List.of("vote")));
        for (PabulibFile.Vote v : file.votes()) {
            List<String> cells = new java.util.ArrayList<>(List.of(v.voterId()));
            voteColumns.forEach(c -> cells.add(v.extra().getOrDefault(c, "")));
            cells.add(String.join(",", v.approved()));
            row(out, cells);
        }
        return out.toString();
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(PabulibWriter::cell).collect(Collectors.joining(";"))).append('\n');
    }

    private static String cell(String value) {
        String text = neutralised(value == null ? "" : value);
        if (text.indexOf(';') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
    }

    /**
     * OWASP's rule against formula injection: a cell starting with {@code = + - @}, a tab or a carriage return (which
     * spreadsheets skip before looking for a formula) gets a leading apostrophe, which makes it text. The full-width
     * forms (＝ ＋ － ＠) are included: a Korean input method types them and spreadsheets read them as the ASCII ones.
     * Numbers in the file are never negative, so no figure changes.
     */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
