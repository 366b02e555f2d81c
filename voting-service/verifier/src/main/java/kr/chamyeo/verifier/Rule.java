package kr.chamyeo.verifier;

import java.math.BigInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A ballot's rule as the record states it (§8.5, normalised): between {@code min} and {@code max} of {@code options}
 * options and, for BUDGET, costs summing to at most {@code budgetLimit}. A client ballot proves it (§4.3) and the
 * count applies it to the plaintexts (§8.4).
 *
 * @param costs       per option in 원; null unless BUDGET
 * @param budgetLimit 0 unless BUDGET
 */
record Rule(int options, int min, int max, long[] costs, long budgetLimit) {

    /** The record's {@code ballot}: its options (with their costs) and {@code rule}; Failed when it is no valid rule. */
    static Rule of(JsonNode ballot) {
        JsonNode rule = ballot.path("rule");
        String type = rule.path("type").asText();
        int options = ballot.path("options").size();
        int min = rule.path("minChoices").asInt(-1);
        int max = rule.path("maxChoices").asInt(-1);
        Failed.unless(rule.path("minChoices").isInt() && rule.path("maxChoices").isInt() && 0 <= min && min <= max
                && max <= options, "rule", "needs 0 ≤ minChoices ≤ maxChoices ≤ options");
        switch (type) {
            case "SINGLE" -> Failed.unless(min == 1 && max == 1, "rule", "SINGLE is minChoices = maxChoices = 1");
            case "APPROVAL" -> {
            }
            case "BUDGET" -> {
                long[] costs = new long[options];
                for (int i = 0; i < options; i++) {
                    JsonNode cost = ballot.path("options").get(i).path("cost");
                    Failed.unless(cost.canConvertToLong() && cost.isIntegralNumber() && cost.asLong() >= 0, "rule",
                            "option " + i + " has no whole cost ≥ 0");
                    costs[i] = cost.asLong();
                }
                JsonNode limit = rule.path("budgetLimit");
                Failed.unless(limit.isIntegralNumber() && limit.canConvertToLong() && limit.asLong() >= 1, "rule",
                        "budgetLimit is no whole number ≥ 1");
                return new Rule(options, min, max, costs, limit.asLong());
            }
            default -> throw new Failed("rule", type);
        }
        return new Rule(options, min, max, null, 0);
    }

    boolean isBudget() {
        return costs != null;
    }

    /** §4.3: u = gcd(costs, budgetLimit); the budget is proven in units of u. */
    BigInteger unit() {
        BigInteger u = BigInteger.valueOf(budgetLimit);
        for (long cost : costs) {
            u = u.gcd(BigInteger.valueOf(cost));
        }
        return u;
    }

    /** §4.3: d = ⌈b/2⌉ base-4 digits of the unspent budget, b = bitLength(L′), L′ = budgetLimit / u. */
    int budgetDigits() {
        return (BigInteger.valueOf(budgetLimit).divide(unit()).bitLength() + 1) / 2;
    }

    /** §8.4: the count within min..max and, for BUDGET, the costs' sum within the limit. */
    boolean allows(int[] chosen) {
        if (chosen.length < min || chosen.length > max) {
            return false;
        }
        if (!isBudget()) {
            return true;
        }
        long cost = 0;
        for (int index : chosen) {
            // A record's costs are untrusted: a sum that wraps around must not pass as within the limit.
            try {
                cost = Math.addExact(cost, costs[index]);
            } catch (ArithmeticException overflow) {
                return false;
            }
        }
        return cost <= budgetLimit;
    }
}
