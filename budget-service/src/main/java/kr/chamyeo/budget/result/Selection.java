package kr.chamyeo.budget.result;

import java.util.List;
import java.util.Map;

/**
 * A rule's outcome: the ranking, the selected keys in the order they were chosen and, per selected key,
 * how it was chosen (for the plain-language explanation of results).
 */
public record Selection(List<Standing> ranking, List<String> selected, Map<String, Step> steps, long spent, long budget,
                        Completion completion) {

    /**
     * How the add1 completion of Equal Shares ended: the virtual total of the outcome kept, and how many times the
     * rounds were run (the plain run, the reruns and the runs that computed how many steps to skip). Null for rules
     * without it.
     */
    public record Completion(long virtualTotal, int runs) {
    }

    public enum Step {
        /** Adopted while walking down the ranking (RANKED_GREEDY, or the greedy fill after Equal Shares). */
        GREEDY,
        /** Paid for by its supporters' equal shares (Method of Equal Shares, including the add1 completion). */
        EQUAL_SHARES,
        /** Bought when its supporters had earned its cost (Sequential Phragmén). */
        PHRAGMEN
    }

    public long leftover() {
        return budget - spent;
    }

    public boolean isSelected(String key) {
        return steps.containsKey(key);
    }
}
