package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.List;

/**
 * What a valid selection is, as a client-encrypted ballot proves it (PROTOCOL.md §4.3): between {@code min} and
 * {@code max} of {@code options} options and, for a BUDGET ballot, chosen costs summing to at most
 * {@code budgetLimit}. SINGLE is min = max = 1.
 *
 * @param costs       per option, whole 원 ≥ 0; null unless BUDGET
 * @param budgetLimit null unless BUDGET
 */
public record SelectionRule(int options, int min, int max, List<Long> costs, Long budgetLimit) {

    public SelectionRule {
        if (options < 1 || min < 0 || min > max || max > options) {
            throw new IllegalArgumentException("a rule needs 0 ≤ min ≤ max ≤ options, options ≥ 1");
        }
        if ((costs == null) != (budgetLimit == null)
                || (costs != null && (costs.size() != options || budgetLimit < 1
                        || costs.stream().anyMatch(cost -> cost == null || cost < 0)))) {
            throw new IllegalArgumentException("a budget rule needs a cost ≥ 0 per option and a limit ≥ 1");
        }
        costs = costs == null ? null : List.copyOf(costs);
    }

    public static SelectionRule single(int options) {
        return new SelectionRule(options, 1, 1, null, null);
    }

    public boolean isBudget() {
        return budgetLimit != null;
    }

    /**
     * The budget unit u = gcd(costs, limit): costs and limit are proven in units of u, so the range proof needs only
     * ⌈bitLength(limit / u) / 2⌉ base-4 digits (an assembly's costs in 원 are usually whole millions).
     */
    BigInteger unit() {
        BigInteger u = BigInteger.valueOf(budgetLimit);
        for (long cost : costs) {
            u = u.gcd(BigInteger.valueOf(cost));
        }
        return u;
    }

    /** The number of bits of the range proof: limit / u < 2^bits. */
    int budgetBits() {
        return BigInteger.valueOf(budgetLimit).divide(unit()).bitLength();
    }

    /** Whether these distinct option indexes satisfy the rule. */
    public boolean admits(int[] chosen) {
        if (chosen.length < min || chosen.length > max) {
            return false;
        }
        if (!isBudget()) {
            return true;
        }
        long total = 0;
        for (int index : chosen) {
            total += costs.get(index);
        }
        return total <= budgetLimit;
    }
}
