package kr.chamyeo.voting.result;

import java.text.Collator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kr.chamyeo.voting.result.ResultResource.TurnoutView;
import kr.chamyeo.voting.result.Turnout.Cell;

/** Turnout of a ballot from its roll, by sex, age band, youth and dong, small cells suppressed ({@link Turnout}). */
@ApplicationScoped
public class TurnoutQuery {

    private static final List<String> BANDS = List.of("0-29", "30-39", "40-49", "50-59", "60+", "UNKNOWN");

    @Inject
    EntityManager em;

    /** Turnout as the roll is now, read in the caller's transaction. */
    public TurnoutView of(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select grouping(sex), grouping(age_band), sex, age_band, dong, count(*), "
                + "count(*) filter (where youth) from voting_roll where ballot_id = ?1 "
                + "group by grouping sets ((sex), (age_band), (dong))").setParameter(1, id).getResultList();
        Map<String, Long> bySex = new TreeMap<>();
        Map<String, Long> byBand = new LinkedHashMap<>();
        Map<String, Long> byDong = new TreeMap<>(Collator.getInstance(Locale.KOREAN));
        long youth = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[5]).longValue();
            if (((Number) row[0]).intValue() == 0) {
                bySex.merge(row[2] == null ? "UNKNOWN" : row[2].toString(), n, Long::sum);
            } else if (((Number) row[1]).intValue() == 0) {
                byBand.merge(row[3] == null ? "UNKNOWN" : (String) row[3], n, Long::sum);
                youth += ((Number) row[6]).longValue();
            } else {
                byDong.merge(row[4] == null ? "UNKNOWN" : (String) row[4], n, Long::sum);
            }
        }
        return view(bySex, byBand, youth, byDong);
    }

    /** Turnout of nobody: what live results show before their first snapshot. */
    public static TurnoutView none() {
        return view(Map.of(), Map.of(), 0, Map.of());
    }

    private static TurnoutView view(Map<String, Long> bySex, Map<String, Long> byBand, long youth, Map<String, Long> byDong) {
        Map<String, Long> bands = new LinkedHashMap<>();
        BANDS.forEach(b -> {
            if (byBand.containsKey(b)) {
                bands.put(b, byBand.get(b));
            }
        });
        List<Cell> bandCells = Turnout.partition(bands);
        Cell upTo29 = bandCells.stream().filter(c -> c.value().equals("0-29")).findFirst().orElse(new Cell("0-29", 0L, false));
        Cell thirties = bandCells.stream().filter(c -> c.value().equals("30-39")).findFirst().orElse(new Cell("30-39", 0L, false));
        return new TurnoutView(Turnout.partition(bySex), bandCells, Turnout.youth(youth, upTo29, thirties),
                Turnout.partition(byDong), Turnout.THRESHOLD);
    }
}
