package kr.chamyeo.voting.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Turnout cells with small-cell suppression: a cell with fewer than {@link #THRESHOLD} voters is not shown,
 * so nobody can be singled out as having voted. When only one cell of a breakdown would be hidden, the next
 * smallest is hidden too — otherwise the total minus the visible cells would give it away.
 */
public final class Turnout {

    public static final int THRESHOLD = 5;

    @Schema(description = "투표율 셀; voters is null when suppressed (fewer than 5 voters)")
    public record Cell(@Schema(example = "F") String value, Long voters, boolean suppressed) {
    }

    private Turnout() {
    }

    /** Cells of one breakdown that partitions all voters, in the given order. */
    public static List<Cell> partition(Map<String, Long> counts) {
        Map<String, Boolean> hidden = new LinkedHashMap<>();
        counts.forEach((value, n) -> hidden.put(value, n < THRESHOLD));
        long hiddenCount = hidden.values().stream().filter(h -> h).count();
        if (hiddenCount == 1) {
            counts.entrySet().stream().filter(e -> !hidden.get(e.getKey()))
                    .min(Comparator.comparingLong(Map.Entry::getValue))
                    .ifPresent(e -> hidden.put(e.getKey(), true));
        }
        List<Cell> cells = new ArrayList<>(counts.size());
        counts.forEach((value, n) -> cells.add(hidden.get(value) ? new Cell(value, null, true) : new Cell(value, n, false)));
        return cells;
    }

    /**
     * The youth (19–39) figure overlaps the age bands: it is hidden when small, and also when the bands it
     * overlaps (≤29 and 30s) minus it would reveal a small number of voters under 19.
     */
    public static Cell youth(long youth, Cell upTo29, Cell thirties) {
        boolean hide = youth < THRESHOLD;
        if (!hide && upTo29 != null && thirties != null && !upTo29.suppressed() && !thirties.suppressed()) {
            long under19 = upTo29.voters() + thirties.voters() - youth;
            hide = under19 > 0 && under19 < THRESHOLD;
        }
        return hide ? new Cell("19-39", null, true) : new Cell("19-39", youth, false);
    }

    /** The youth figure (청년) counts voters aged 19 to 39. */
    public static boolean isYouth(int age) {
        return age >= 19 && age <= 39;
    }

    /** The age band of the public statistics: ≤29, 30s, 40s, 50s, 60+. */
    public static String band(Integer age) {
        if (age == null) {
            return "UNKNOWN";
        }
        if (age <= 29) {
            return "0-29";
        }
        if (age >= 60) {
            return "60+";
        }
        return (age / 10 * 10) + "-" + (age / 10 * 10 + 9);
    }
}
