package kr.chamyeo.budget.selection;

/** How a cycle (or a simulation) turns votes into adopted projects (선정 방식). See budget-service/README.md. */
public enum SelectionRule {
    /** Weighted score ranking, then greedy fill of the total (금천구 방식). */
    RANKED_GREEDY,
    /** Method of Equal Shares with cost utilities and the add1 completion (Pabulib's {@code equalshares/add1}). */
    EQUAL_SHARES,
    /** EQUAL_SHARES, then what is left goes down the ranking (equalshares.net's "Add1U"). */
    EQUAL_SHARES_ADD1U,
    /** Sequential Phragmén for participatory budgeting: voters earn money continuously, the first affordable project is bought. */
    SEQUENTIAL_PHRAGMEN;

    /** Selects under the generous bound of a cycle's own result. */
    public Selection select(Election election) {
        return select(election, WorkLimit.CYCLE);
    }

    public Selection select(Election election, WorkLimit work) {
        return switch (this) {
            case RANKED_GREEDY -> RankedGreedy.select(election);
            case EQUAL_SHARES -> EqualShares.select(election, work);
            case EQUAL_SHARES_ADD1U -> EqualShares.selectThenGreedy(election, work);
            case SEQUENTIAL_PHRAGMEN -> SequentialPhragmen.select(election, work);
        };
    }
}
