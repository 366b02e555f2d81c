package kr.chamyeo.budget.pabulib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Pabulib approval election, refusing anything doubtful with the line and the reason: missing or
 * misplaced sections, rows whose column count differs from the header, costs or a budget that are not whole
 * non-negative numbers, duplicated ids, votes for unknown projects, counts that contradict the META section.
 */
public final class PabulibReader {

    private enum Section { NONE, META, PROJECTS, VOTES }

    private PabulibReader() {
    }

    public static PabulibFile read(Reader source) {
        Map<String, String> meta = new LinkedHashMap<>();
        List<PabulibFile.Project> projects = new ArrayList<>();
        List<PabulibFile.Vote> votes = new ArrayList<>();
        // Keys are also the one copy of each id that every vote refers to, and of each repeated cell (age, sex, method):
        // a city's file has a million votes, and a String per approval and per cell took 0.9 GB for 1.35 million.
        Map<String, String> projectIds = new LinkedHashMap<>();
        Map<String, String> cells = new HashMap<>();
        Set<String> voterIds = new HashSet<>();
        Section section = Section.NONE;
        List<String> header = null;
        int lineNo = 0;
        int metaLine = 0;
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String trimmed = line.strip();
                Section next = switch (trimmed.toUpperCase()) {
                    case "META" -> Section.META;
                    case "PROJECTS" -> Section.PROJECTS;
                    case "VOTES" -> Section.VOTES;
                    default -> null;
                };
                if (next != null) {
                    if (next.ordinal() != section.ordinal() + 1) {
                        throw new PabulibFormatException(lineNo, "section " + next + " out of order (expected "
                                + Section.values()[Math.min(section.ordinal() + 1, 3)] + ")");
                    }
                    section = next;
                    header = null;
                    if (next == Section.META) {
                        metaLine = lineNo;
                    }
                    continue;
                }
                if (section == Section.NONE) {
                    throw new PabulibFormatException(lineNo, "file must start with the META section");
                }
                List<String> fields = split(line, lineNo);
                if (header == null) {
                    header = fields.stream().map(String::strip).toList();
                    requireHeader(section, header, lineNo);
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw new PabulibFormatException(lineNo, header.size() + " columns expected (" + String.join(";", header)
                            + "), found " + fields.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), fields.get(i).strip());
                }
                switch (section) {
                    case META -> meta.put(row.get("key"), row.get("value"));
                    case PROJECTS -> projects.add(project(row, projectIds, lineNo));
                    case VOTES -> votes.add(vote(row, projectIds, cells, voterIds, lineNo));
                    default -> throw new IllegalStateException();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (section != Section.VOTES) {
            throw new PabulibFormatException(lineNo + 1, "missing section " + Section.values()[section.ordinal() + 1]);
        }
        checkMeta(meta, projects.size(), votes.size(), metaLine);
        return new PabulibFile(meta, projects, votes);
    }

    private static void requireHeader(Section section, List<String> header, int lineNo) {
        List<String> required = switch (section) {
            case META -> List.of("key", "value");
            case PROJECTS -> List.of("project_id", "cost");
            case VOTES -> List.of("voter_id", "vote");
            default -> List.of();
        };
        for (String column : required) {
            if (!header.contains(column)) {
                throw new PabulibFormatException(lineNo, section + " header must have a '" + column + "' column");
            }
        }
    }

    private static PabulibFile.Project project(Map<String, String> row, Map<String, String> ids, int lineNo) {
        String id = row.get("project_id");
        if (id.isEmpty() || ids.putIfAbsent(id, id) != null) {
            throw new PabulibFormatException(lineNo, id.isEmpty() ? "empty project_id" : "duplicate project_id " + id);
        }
        long cost = wholeNumber(row.get("cost"), "cost", lineNo);
        Boolean selected = null;
        if (row.containsKey("selected")) {
            String flag = row.get("selected");
            if (!flag.equals("0") && !flag.equals("1")) {
                throw new PabulibFormatException(lineNo, "selected must be 0 or 1, not '" + flag + "'");
            }
            selected = flag.equals("1");
        }
        Map<String, String> extra = new LinkedHashMap<>(row);
        extra.keySet().removeAll(List.of("project_id", "cost", "name", "selected"));
        return new PabulibFile.Project(id, cost, row.getOrDefault("name", ""), selected, extra);
    }

    private static PabulibFile.Vote vote(Map<String, String> row, Map<String, String> projectIds, Map<String, String> cells,
            Set<String> voterIds, int lineNo) {
        String voter = row.get("voter_id");
        if (voter.isEmpty() || !voterIds.add(voter)) {
            throw new PabulibFormatException(lineNo, voter.isEmpty() ? "empty voter_id" : "duplicate voter_id " + voter);
        }
        String vote = row.get("vote");
        String[] approved = vote.isEmpty() ? new String[0] : vote.split(",");
        for (int i = 0; i < approved.length; i++) {
            String project = projectIds.get(approved[i].strip());
            if (project == null) {
                throw new PabulibFormatException(lineNo, "vote for unknown project '" + approved[i].strip() + "'");
            }
            for (int j = 0; j < i; j++) {
                if (approved[j] == project) {
                    throw new PabulibFormatException(lineNo, "project " + project + " approved twice by voter " + voter);
                }
            }
            approved[i] = project;
        }
        Map<String, String> extra = new HashMap<>();
        row.forEach((column, value) -> {
            if (!column.equals("voter_id") && !column.equals("vote")) {
                extra.put(column, value.length() <= 32 ? cells.computeIfAbsent(value, v -> v) : value);
            }
        });
        return new PabulibFile.Vote(voter, new Approvals(approved), Map.copyOf(extra));
    }

    private static void checkMeta(Map<String, String> meta, int projects, int votes, int metaLine) {
        String type = meta.get("vote_type");
        if (type == null || !type.equalsIgnoreCase("approval")) {
            throw new PabulibFormatException(metaLine, "vote_type must be 'approval', not '" + type + "'");
        }
        if (!meta.containsKey("budget")) {
            throw new PabulibFormatException(metaLine, "META has no budget");
        }
        meta.put("budget", Long.toString(wholeNumber(meta.get("budget"), "budget", metaLine)));
        count(meta, "num_projects", projects, metaLine);
        count(meta, "num_votes", votes, metaLine);
    }

    private static void count(Map<String, String> meta, String key, int actual, int metaLine) {
        String declared = meta.get(key);
        if (declared != null && !declared.strip().equals(Integer.toString(actual))) {
            throw new PabulibFormatException(metaLine, key + " is " + declared + " but the file holds " + actual);
        }
    }

    /**
     * Longest cost or budget accepted, in characters: 15 digits (under 10¹⁵, far above any public budget) plus room for
     * a ".0". The length is checked before parsing: BigDecimal parses a long digit string in quadratic time, so a
     * 1 MB number would cost seconds of CPU, and sums of costs must stay far from overflowing a long.
     */
    static final int MAX_NUMBER_LENGTH = 20;
    static final long MAX_AMOUNT = 999_999_999_999_999L;

    /** Accepts "1150000" and "1150000.0" (some Pabulib files write costs as decimals), nothing fractional. */
    private static long wholeNumber(String text, String field, int lineNo) {
        String stripped = text.strip();
        if (stripped.length() > MAX_NUMBER_LENGTH) {
            throw new PabulibFormatException(lineNo, field + " must be at most " + MAX_AMOUNT + ", not a " + stripped.length()
                    + "-character number");
        }
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(stripped);
        } catch (NumberFormatException e) {
            throw new PabulibFormatException(lineNo, field + " must be a whole number, not '" + text + "'");
        }
        if (value.signum() < 0) {
            throw new PabulibFormatException(lineNo, field + " must not be negative, not " + text);
        }
        long whole;
        try {
            whole = value.longValueExact();
        } catch (ArithmeticException e) {
            throw new PabulibFormatException(lineNo, value.compareTo(java.math.BigDecimal.valueOf(MAX_AMOUNT)) > 0
                    ? field + " must be at most " + MAX_AMOUNT + ", not " + stripped
                    : field + " must be a whole number, not '" + text + "'");
        }
        if (whole > MAX_AMOUNT) {
            throw new PabulibFormatException(lineNo, field + " must be at most " + MAX_AMOUNT + ", not " + stripped);
        }
        return whole;
    }

    /** Splits on ';' honouring double quotes ("" inside quotes is a literal quote). */
    static List<String> split(String line, int lineNo) {
        if (line.indexOf('"') < 0) {
            return Arrays.asList(line.split(";", -1));
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new PabulibFormatException(lineNo, "unclosed quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
