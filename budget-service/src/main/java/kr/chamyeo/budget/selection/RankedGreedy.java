package kr.chamyeo.budget.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RANKED_GREEDY, what Geumcheon-gu does (주민 모바일투표 50% + 위원 투표 50% 합산): walk down the ranking of
 * {@link Standing#rank} and adopt every project that still fits in what is left of the total. A project that
 * does not fit is skipped, and cheaper projects further down can still be adopted.
 */
public final class RankedGreedy {

    private RankedGreedy() {
    }

    public static Selection select(Election election) {
        List<Standing> ranking = Standing.rank(election);
        List<String> selected = new ArrayList<>();
        Map<String, Selection.Step> steps = new LinkedHashMap<>();
        long spent = fill(ranking, election.budget(), 0, selected, steps);
        return new Selection(ranking, selected, steps, spent, election.budget(), null);
    }

    /** Adds, in ranking order, every not yet selected project that fits; returns the new amount spent. */
    static long fill(List<Standing> ranking, long budget, long spent, List<String> selected, Map<String, Selection.Step> steps) {
        for (Standing s : ranking) {
            String key = s.candidate().key();
            if (!steps.containsKey(key) && s.candidate().cost() <= budget - spent) {
                spent += s.candidate().cost();
                selected.add(key);
                steps.put(key, Selection.Step.GREEDY);
            }
        }
        return spent;
    }
}
