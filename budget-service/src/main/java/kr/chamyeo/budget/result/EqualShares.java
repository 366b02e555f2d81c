package kr.chamyeo.budget.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * EQUAL_SHARES: the Method of Equal Shares (Peters, Pierczyński, Skowron) on approval ballots with cost
 * utilities — a voter's benefit from an approved project is its cost, the variant used in real elections
 * such as Wieliczka 2023. All money is an exact {@link BigFraction}; no comparison ever uses floating point.
 *
 * <ol>
 *   <li>Endowments: each electorate holds its weight's share of the total, split equally among its voters
 *       (with 50/50, every resident holds total/2 ÷ residents, every committee member total/2 ÷ members).</li>
 *   <li>Rounds: a project is affordable if its supporters together still hold its cost. Its supporters pay
 *       equally, a voter who cannot pay the equal part paying everything left (price cap α with
 *       Σ min(budget, α) = cost). With cost utilities the price per unit of benefit is ρ = α / cost; the
 *       affordable project with the smallest ρ is selected (ties: the ranking order of {@link Standing}).
 *       Rounds end when nothing is affordable.</li>
 *   <li>add1 completion: the method usually leaves money unspent, so every voter's endowment is raised
 *       step by step (by 1% of the initial endowment per step) and the method rerun, as long as the
 *       outcome still costs no more than the real total; the last such outcome is kept.</li>
 *   <li>Greedy fill: what is still left goes down the ranking as in {@link RankedGreedy}.</li>
 * </ol>
 */
public final class EqualShares {

    /** Endowment raise per completion step, in percent of the initial endowment. */
    static final int STEP_PERCENT = 1;

    private EqualShares() {
    }

    public static Selection select(Election election) {
        List<Standing> ranking = Standing.rank(election);
        Rounds rounds = new Rounds(election, ranking);
        List<Integer> best = rounds.run(BigFraction.ONE);
        long bestCost = rounds.cost(best);
        for (int step = 1; bestCost <= election.budget() && best.size() < rounds.fundable(); step++) {
            List<Integer> raised = rounds.run(BigFraction.of(100 + (long) step * STEP_PERCENT, 100));
            long raisedCost = rounds.cost(raised);
            if (raisedCost > election.budget()) {
                break;
            }
            best = raised;
            bestCost = raisedCost;
        }
        List<String> selected = new ArrayList<>();
        Map<String, Selection.Step> steps = new LinkedHashMap<>();
        for (int index : best) {
            String key = ranking.get(index).candidate().key();
            selected.add(key);
            steps.put(key, Selection.Step.EQUAL_SHARES);
        }
        long spent = RankedGreedy.fill(ranking, election.budget(), bestCost, selected, steps);
        return new Selection(ranking, selected, steps, spent, election.budget());
    }

    /**
     * One run of the rounds for a given endowment scale. A round counts each project's supporters per budget
     * class (see {@link Classes}) rather than handling every voter's budget.
     */
    private static final class Rounds {
        private final long[] costs;
        private final int[][] supporters;
        private final int[] electorateOf;
        private final BigFraction[] endowments;
        private final int fundable;

        Rounds(Election election, List<Standing> ranking) {
            Map<String, Integer> indexOf = new HashMap<>();
            costs = new long[ranking.size()];
            for (int i = 0; i < ranking.size(); i++) {
                indexOf.put(ranking.get(i).candidate().key(), i);
                costs[i] = ranking.get(i).candidate().cost();
            }
            List<List<Integer>> support = new ArrayList<>();
            for (int i = 0; i < costs.length; i++) {
                support.add(new ArrayList<>());
            }
            List<Integer> electorate = new ArrayList<>();
            endowments = new BigFraction[election.electorates().size()];
            int voter = 0;
            for (int e = 0; e < election.electorates().size(); e++) {
                Election.Electorate el = election.electorates().get(e);
                int n = el.ballots().size();
                endowments[e] = n == 0 ? BigFraction.ZERO
                        : BigFraction.of(election.budget()).multiply(el.weight()).divide(100L * n);
                for (Set<String> ballot : el.ballots()) {
                    for (String key : ballot) {
                        Integer index = indexOf.get(key);
                        if (index != null) {
                            support.get(index).add(voter);
                        }
                    }
                    electorate.add(e);
                    voter++;
                }
            }
            electorateOf = electorate.stream().mapToInt(Integer::intValue).toArray();
            supporters = new int[costs.length][];
            int count = 0;
            for (int i = 0; i < costs.length; i++) {
                supporters[i] = support.get(i).stream().mapToInt(Integer::intValue).toArray();
                if (supporters[i].length > 0) {
                    count++;
                }
            }
            fundable = count;
        }

        int fundable() {
            return fundable;
        }

        long cost(List<Integer> chosen) {
            return chosen.stream().mapToLong(i -> costs[i]).sum();
        }

        /** Indexes (into the ranking) of the projects selected, in selection order. */
        List<Integer> run(BigFraction scale) {
            Classes classes = new Classes();
            int[] classOf = new int[electorateOf.length];
            for (int v = 0; v < classOf.length; v++) {
                classOf[v] = classes.of(endowments[electorateOf[v]].multiply(scale));
            }
            boolean[] open = new boolean[costs.length];
            for (int i = 0; i < costs.length; i++) {
                open[i] = supporters[i].length > 0;
            }
            List<Integer> chosen = new ArrayList<>();
            while (true) {
                int best = -1;
                BigFraction bestRho = null;
                BigFraction bestAlpha = null;
                int[] rank = classes.rankByBudget();
                int[] perClass = new int[classes.size()];
                List<Integer> present = new ArrayList<>();
                for (int i = 0; i < costs.length; i++) {
                    if (!open[i]) {
                        continue;
                    }
                    present.clear();
                    for (int v : supporters[i]) {
                        if (perClass[classOf[v]]++ == 0) {
                            present.add(classOf[v]);
                        }
                    }
                    present.sort((x, y) -> Integer.compare(rank[x], rank[y]));
                    BigFraction alpha = priceCap(costs[i], perClass, present, classes);
                    for (int k : present) {
                        perClass[k] = 0;
                    }
                    if (alpha == null) {
                        // Budgets only shrink: a project unaffordable now stays unaffordable in this run.
                        open[i] = false;
                        continue;
                    }
                    BigFraction rho = costs[i] == 0 ? BigFraction.ZERO : alpha.divide(costs[i]);
                    if (bestRho == null || rho.compareTo(bestRho) < 0) {
                        best = i;
                        bestRho = rho;
                        bestAlpha = alpha;
                    }
                }
                if (best < 0) {
                    return chosen;
                }
                open[best] = false;
                chosen.add(best);
                pay(best, bestAlpha, classOf, classes);
            }
        }

        /** Moves the supporters of {@code project} to the class of their budget reduced by min(budget, α). */
        private void pay(int project, BigFraction alpha, int[] classOf, Classes classes) {
            Map<Integer, Integer> successor = new HashMap<>();
            for (int v : supporters[project]) {
                int from = classOf[v];
                Integer to = successor.get(from);
                if (to == null) {
                    BigFraction budget = classes.budget(from);
                    to = classes.of(budget.subtract(budget.compareTo(alpha) < 0 ? budget : alpha));
                    successor.put(from, to);
                }
                classOf[v] = to;
            }
        }

        /** The smallest α with Σ count × min(budget, α) = cost over the supporters' classes, or null if they cannot pay. */
        private static BigFraction priceCap(long cost, int[] perClass, List<Integer> present, Classes classes) {
            BigFraction available = BigFraction.ZERO;
            long remainingCount = 0;
            for (int k : present) {
                available = available.add(classes.budget(k).multiply(perClass[k]));
                remainingCount += perClass[k];
            }
            BigFraction remainingCost = BigFraction.of(cost);
            if (available.compareTo(remainingCost) < 0) {
                return null;
            }
            for (int k : present) {
                BigFraction budget = classes.budget(k);
                if (budget.multiply(remainingCount).compareTo(remainingCost) >= 0) {
                    return remainingCost.divide(remainingCount);
                }
                remainingCost = remainingCost.subtract(budget.multiply(perClass[k]));
                remainingCount -= perClass[k];
            }
            // The richest class always satisfies the test once the supporters together hold the cost.
            throw new IllegalStateException("no price cap although supporters hold the cost");
        }

        /**
         * Voters with the same remaining budget behave alike, so budgets are interned: a class is a distinct budget
         * value, and sorting the few classes once per round replaces sorting supporters per project.
         */
        private static final class Classes {
            private final List<BigFraction> budgets = new ArrayList<>();
            private final Map<BigFraction, Integer> index = new HashMap<>();

            int of(BigFraction budget) {
                return index.computeIfAbsent(budget, b -> {
                    budgets.add(b);
                    return budgets.size() - 1;
                });
            }

            BigFraction budget(int k) {
                return budgets.get(k);
            }

            int size() {
                return budgets.size();
            }

            int[] rankByBudget() {
                Integer[] ids = new Integer[budgets.size()];
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = k;
                }
                java.util.Arrays.sort(ids, (a, b) -> budgets.get(a).compareTo(budgets.get(b)));
                int[] rank = new int[ids.length];
                for (int r = 0; r < ids.length; r++) {
                    rank[ids[r]] = r;
                }
                return rank;
            }
        }
    }
}
