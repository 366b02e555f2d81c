package kr.chamyeo.budget.selection;

import java.util.List;
import java.util.Map;

/**
 * A rule's outcome: the ranking, the selected keys in the order they were chosen and, per selected key,
 * how it was chosen (for the plain-language explanation of results).
 */
public record Selection(List<Standing> ranking, List<String> selected, Map<String, Step> steps, long spent, long budget,
                        Completion completion, List<Round> rounds) {

    /** A selection without a round-by-round account (RANKED_GREEDY: the ranking is its own account). */
    public Selection(List<Standing> ranking, List<String> selected, Map<String, Step> steps, long spent, long budget,
                     Completion completion) {
        this(ranking, selected, steps, spent, budget, completion, List.of());
    }

    /**
     * One purchase of Equal Shares or Sequential Phragmén, or (round 0, step null) a competing project the rule left
     * unbought. Amounts in the election's money at the kept outcome's virtual total (for Phragmén: what the supporters
     * had earned), as doubles because they only inform people; every decision was made exactly.
     *
     * @param supporters how many voters approve the project
     * @param held       what its supporters held together before paying (unbought: when the rule stopped)
     * @param maxPayment α, the most any one supporter paid (Phragmén: the load every supporter reached)
     * @param rho        price per unit of benefit α ÷ cost (Phragmén: the moment t it was bought)
     * @param paid       what each electorate's voters paid for it, in the order of the election's electorates
     */
    public record Round(int round, String key, Step step, long cost, long supporters, double held, double maxPayment,
                        double rho, double[] paid) {
    }

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
