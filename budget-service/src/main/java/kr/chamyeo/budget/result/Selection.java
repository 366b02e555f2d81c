package kr.chamyeo.budget.result;

import java.util.List;
import java.util.Map;

/**
 * A rule's outcome: the ranking, the selected keys in the order they were chosen and, per selected key,
 * how it was chosen (for the plain-language explanation of results).
 */
public record Selection(List<Standing> ranking, List<String> selected, Map<String, Step> steps, long spent, long budget) {

    public enum Step {
        /** Adopted while walking down the ranking (RANKED_GREEDY, or the greedy fill after Equal Shares). */
        GREEDY,
        /** Paid for by its supporters' equal shares (Method of Equal Shares, including the add1 completion). */
        EQUAL_SHARES
    }

    public long leftover() {
        return budget - spent;
    }

    public boolean isSelected(String key) {
        return steps.containsKey(key);
    }
}
