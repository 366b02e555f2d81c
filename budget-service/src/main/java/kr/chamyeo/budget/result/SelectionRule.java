package kr.chamyeo.budget.result;

/** How a cycle turns votes into adopted projects (선정 방식). */
public enum SelectionRule {
    /** Weighted score ranking, then greedy fill of the total (금천구 방식). */
    RANKED_GREEDY,
    /** Method of Equal Shares with cost utilities, add1 completion, then greedy fill. */
    EQUAL_SHARES;

    public Selection select(Election election) {
        return this == EQUAL_SHARES ? EqualShares.select(election) : RankedGreedy.select(election);
    }
}
