package kr.chamyeo.budget.selection;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * EQUAL_SHARES: the Method of Equal Shares (Peters, Pierczyński, Skowron) on approval ballots with cost
 * utilities — a voter's benefit from an approved project is its cost, the variant used in real elections such
 * as Wieliczka 2023 — with the add1 completion as the published outcomes of real elections compute it.
 *
 * <ol>
 *   <li>Endowments for a virtual total T: each electorate holds its weight's share of T, split equally among its
 *       voters (with 50/50, every resident holds T/2 ÷ residents, every committee member T/2 ÷ members). With a
 *       single electorate this is T ÷ voters, as in the reference.</li>
 *   <li>Rounds: projects costing more than 0 with at least one supporter compete. A project is affordable if
 *       its supporters together still hold its cost; they pay equally, a supporter who cannot pay the equal part
 *       paying all it has (price cap α with Σ min(budget, α) = cost). With cost utilities the price per unit of
 *       benefit is ρ = α / cost; the affordable project with the smallest ρ is bought. Ties: the lower cost (as
 *       equalshares.net), then the {@link Standing} ranking (more votes, i.e. higher score, then submission
 *       order). Rounds end when nothing is affordable.</li>
 *   <li>add1 completion, as Pabulib's checker verifies the {@code equalshares/add1} elections (Wieliczka 2023,
 *       Świecie 2023, Assen 2024): first T = the real total; then T = ⌊total ÷ s⌋ × s + s, + 2s, … with s = n × the
 *       election's completion unit (n = all voters), so every voter's budget rises by one unit per step. Each outcome
 *       within the real total replaces the last one, also after an exhaustive one (equalshares.net's first reference
 *       code stopped at the first exhaustive outcome, which picks 31 projects in Wieliczka where the city funded 30);
 *       the first outcome costing more than the total ends the completion. An outcome holding every competing project
 *       ends it too: nothing is left to buy. The unit is a Pabulib file's currency unit, and 1,000원 (천원, the unit of
 *       Korean budget documents) for cycles. With several electorates s is shared by weight, so the weights hold.
 *       Steps that cannot change the outcome are skipped (see {@link ParametricRun}).</li>
 *   <li>Only for {@link SelectionRule#EQUAL_SHARES_ADD1U} (equalshares.net's "Add1U"): what is still left goes down
 *       the ranking as in {@link RankedGreedy}.</li>
 * </ol>
 *
 * <p>Exactness and speed: voters with the same approvals in the same electorate always hold the same budget, so
 * they are one group; groups holding the same budget share a budget class (everyone who has spent all is in one),
 * and a project's price is found from its supporters' classes. Each run is first made by {@link CertifiedRun} in
 * doubles that carry a rigorous error bound and refuse any comparison the bound cannot decide; such a run is redone
 * by {@link ExactRun} with exact fractions, so the outcome is always the one exact arithmetic gives. ρ only grows
 * within a run (budgets only shrink), so a project whose last ρ is already certainly above the best one this round
 * is not repriced, and a project none of whose supporters paid since its last pricing keeps its ρ.
 *
 * <p>Bounded work: every run checks the {@link WorkLimit}'s deadline each round, and the completion counts its reruns
 * against it; the skipping keeps that count to the number of totals at which the outcome can change, not the number
 * of unit steps (a budget of 2·10¹⁵ with two projects takes a handful of runs, not 10¹⁴).
 */
public final class EqualShares {

    private EqualShares() {
    }

    /** The Method of Equal Shares with the add1 completion and nothing after it (Pabulib's {@code equalshares/add1}). */
    public static Selection select(Election election, WorkLimit work) {
        return select(election, false, work);
    }

    /** Add1U (equalshares.net): the add1 completion, then what is left goes down the ranking as in {@link RankedGreedy}. */
    public static Selection selectThenGreedy(Election election, WorkLimit work) {
        return select(election, true, work);
    }

    private static Selection select(Election election, boolean greedyFill, WorkLimit work) {
        List<Standing> ranking = Standing.rank(election);
        long started = System.nanoTime();
        Instance instance = new Instance(election, ranking, work);
        long total = election.budget();
        List<Integer> best = instance.run(total);
        long step = Math.multiplyExact(instance.voters(), election.completionUnit());
        long virtualTotal = total;
        int runs = 1;
        if (step > 0) {
            // The step points are base + k × step, k ≥ 1: every voter's budget rises by one unit per step from the whole
            // units below total ÷ voters, as in the reference. An outcome over the total ends the completion and the
            // last one within it is kept; an outcome holding every competing project ends it too (nothing is left to buy,
            // and the reference would step on forever). When a step changes nothing, the next total at which anything
            // could change is computed (ParametricRun) and the steps below it are skipped: their outcome is the same.
            long base = total / step * step;
            // A ParametricRun costs many plain runs (exact fractions), and in real elections the next possible change is
            // often the very next step. So it is tried after an unchanged step only while the time spent on such tries
            // stays below the time spent on plain runs plus MIN_TRY_NANOS, and gives up when it would pass it: at most
            // about twice the plain stepping (and a few milliseconds) in the worst case, and a handful of runs where the
            // outcome holds over a long stretch of totals (huge budgets). The few milliseconds matter on tiny elections,
            // whose plain runs take microseconds: without them one try outweighs hundreds of steps and the next try
            // waits for them.
            long runNanos = System.nanoTime() - started;
            long skipNanos = 0;
            boolean unchanged = false;
            while (best.size() < instance.competing()) {
                BigInteger from = BigInteger.valueOf(virtualTotal).add(BigInteger.ONE);
                if (unchanged && skipNanos < runNanos + MIN_TRY_NANOS) {
                    runs++;
                    work.checkRuns(runs);
                    long skipStarted = System.nanoTime();
                    try {
                        BigFraction limit = new ParametricRun(instance, virtualTotal,
                                runNanos + MIN_TRY_NANOS - skipNanos).limitAfterRounds();
                        if (limit == null) {
                            break;
                        }
                        from = from.max(ceiling(limit));
                    } catch (ParametricRun.TooSlow e) {
                        // Stepping on is cheaper here; the time is spent, so the next try waits for as much stepping.
                    } finally {
                        skipNanos += System.nanoTime() - skipStarted;
                    }
                }
                long next = firstStepFrom(from, base, step);
                runs++;
                work.checkRuns(runs);
                long runStarted = System.nanoTime();
                List<Integer> raised = instance.run(next);
                runNanos += System.nanoTime() - runStarted;
                if (instance.cost(raised) > total) {
                    // The kept outcome holds at every step point below this one (skipped ones included).
                    virtualTotal = Math.max(virtualTotal, next - step);
                    break;
                }
                unchanged = raised.equals(best);
                best = raised;
                virtualTotal = next;
            }
        }
        // The kept outcome once more, with who paid what: the explanation residents read. One run more than the rounds
        // took, under the same limit.
        List<Selection.Round> rounds = instance.explain(virtualTotal);
        List<String> selected = new ArrayList<>();
        Map<String, Selection.Step> steps = new LinkedHashMap<>();
        for (int index : best) {
            String key = ranking.get(index).candidate().key();
            selected.add(key);
            steps.put(key, Selection.Step.EQUAL_SHARES);
        }
        long spent = instance.cost(best);
        if (greedyFill) {
            spent = RankedGreedy.fill(ranking, total, spent, selected, steps);
        }
        return new Selection(ranking, selected, steps, spent, total, new Selection.Completion(virtualTotal, runs), rounds);
    }

    /** What tries of {@link ParametricRun} may cost beyond the plain runs' time, in all. */
    private static final long MIN_TRY_NANOS = 5_000_000;

    private static BigInteger ceiling(BigFraction f) {
        BigInteger[] qr = f.getNumerator().divideAndRemainder(f.getDenominator());
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /**
     * The first step point base + k × step (k ≥ 1) not below {@code from}. Virtual totals stay below
     * {@link #MAX_VIRTUAL_TOTAL} so that endowment arithmetic (total × weight) cannot overflow; beyond it the
     * computation stops at its "range" bound.
     */
    private static long firstStepFrom(BigInteger from, long base, long step) {
        BigInteger s = BigInteger.valueOf(step);
        BigInteger k = from.subtract(BigInteger.valueOf(base)).add(s).subtract(BigInteger.ONE).divide(s).max(BigInteger.ONE);
        BigInteger next = BigInteger.valueOf(base).add(k.multiply(s));
        if (next.compareTo(BigInteger.valueOf(MAX_VIRTUAL_TOTAL)) > 0) {
            throw new WorkLimit.Exceeded("range", "the add1 completion would raise the virtual total past "
                    + MAX_VIRTUAL_TOTAL + " (budget or costs too large for the number of voters)");
        }
        return next.longValueExact();
    }

    static final long MAX_VIRTUAL_TOTAL = Long.MAX_VALUE / 100;

    /** The election reduced to what the rounds need; projects are indexed by their place in the ranking. */
    static final class Instance {
        final long[] costs;
        /** Per project, its key on the ballot. */
        private final String[] keys;
        /** Per project, the groups of voters approving it. */
        final int[][] supporters;
        /** Per project, how many voters approve it. */
        final long[] supportCount;
        /** Per group: its electorate, its size and the projects it approves. */
        final int[] groupElectorate;
        final long[] groupSize;
        final int[][] groupProjects;
        /** Per project, the projects approved by at least one of its supporters (its own included). */
        final int[][] coApproved;
        final long[] electorateSize;
        private final int[] electorateWeight;
        private final long voters;
        private final int competing;

        final WorkLimit work;

        Instance(Election election, List<Standing> ranking, WorkLimit work) {
            this.work = work;
            Map<String, Integer> indexOf = new HashMap<>();
            costs = new long[ranking.size()];
            keys = new String[ranking.size()];
            for (int i = 0; i < ranking.size(); i++) {
                keys[i] = ranking.get(i).candidate().key();
                indexOf.put(keys[i], i);
                costs[i] = ranking.get(i).candidate().cost();
            }
            int electorates = election.electorates().size();
            electorateSize = new long[electorates];
            electorateWeight = new int[electorates];
            Map<GroupKey, Integer> groupOf = new HashMap<>();
            List<Integer> electorateOfGroup = new ArrayList<>();
            List<Long> sizeOfGroup = new ArrayList<>();
            List<int[]> projectsOfGroup = new ArrayList<>();
            long all = 0;
            for (int e = 0; e < electorates; e++) {
                Election.Electorate electorate = election.electorates().get(e);
                electorateWeight[e] = electorate.weight();
                electorateSize[e] = electorate.ballots().size();
                all += electorateSize[e];
                int read = 0;
                for (Set<String> ballot : electorate.ballots()) {
                    // A file of a million voters takes seconds to group: the deadline is checked here too, not only in
                    // the rounds.
                    if (++read % 65_536 == 0) {
                        work.checkTime();
                    }
                    int[] approved = ballot.stream().map(indexOf::get).filter(i -> i != null).mapToInt(Integer::intValue)
                            .sorted().toArray();
                    GroupKey key = new GroupKey(e, approved);
                    Integer g = groupOf.get(key);
                    if (g == null) {
                        g = electorateOfGroup.size();
                        groupOf.put(key, g);
                        electorateOfGroup.add(e);
                        sizeOfGroup.add(0L);
                        projectsOfGroup.add(approved);
                    }
                    sizeOfGroup.set(g, sizeOfGroup.get(g) + 1);
                }
            }
            voters = all;
            groupElectorate = electorateOfGroup.stream().mapToInt(Integer::intValue).toArray();
            groupSize = sizeOfGroup.stream().mapToLong(Long::longValue).toArray();
            groupProjects = projectsOfGroup.toArray(int[][]::new);
            int[] groupsPerProject = new int[costs.length];
            for (int[] projects : groupProjects) {
                for (int p : projects) {
                    groupsPerProject[p]++;
                }
            }
            supporters = new int[costs.length][];
            supportCount = new long[costs.length];
            for (int p = 0; p < costs.length; p++) {
                supporters[p] = new int[groupsPerProject[p]];
            }
            int[] filled = new int[costs.length];
            for (int g = 0; g < groupProjects.length; g++) {
                for (int p : groupProjects[g]) {
                    supporters[p][filled[p]++] = g;
                    supportCount[p] += groupSize[g];
                }
            }
            coApproved = new int[costs.length][];
            for (int p = 0; p < costs.length; p++) {
                boolean[] with = new boolean[costs.length];
                for (int g : supporters[p]) {
                    for (int q : groupProjects[g]) {
                        with[q] = true;
                    }
                }
                coApproved[p] = java.util.stream.IntStream.range(0, costs.length).filter(q -> with[q]).toArray();
            }
            int count = 0;
            for (int p = 0; p < costs.length; p++) {
                if (competes(p)) {
                    count++;
                }
            }
            competing = count;
        }

        long voters() {
            return voters;
        }

        /**
         * A group's electorate and sorted approvals, the array shared with {@link #groupProjects}: a million-voter file
         * has nearly as many groups as voters, and a boxed list a group held some 70 bytes more of the heap.
         */
        private record GroupKey(int electorate, int[] projects) {
            @Override
            public boolean equals(Object o) {
                return o instanceof GroupKey k && k.electorate == electorate && Arrays.equals(k.projects, projects);
            }

            @Override
            public int hashCode() {
                return 31 * electorate + Arrays.hashCode(projects);
            }

            @Override
            public String toString() {
                return electorate + ":" + Arrays.toString(projects);
            }
        }

        String key(int project) {
            return keys[project];
        }

        /** How many projects the rounds can ever buy (cost above 0, at least one supporter). */
        int competing() {
            return competing;
        }

        boolean competes(int project) {
            return costs[project] > 0 && supportCount[project] > 0;
        }

        /** The outcome's cost; Long.MAX_VALUE if the sum overflows (it is then over any total anyway). */
        long cost(List<Integer> chosen) {
            long sum = 0;
            for (int p : chosen) {
                sum += costs[p];
                if (sum < 0) {
                    return Long.MAX_VALUE;
                }
            }
            return sum;
        }

        /** The projects bought with endowments summing to {@code virtualTotal}, in buying order. */
        List<Integer> run(long virtualTotal) {
            try {
                return new CertifiedRun(this, virtualTotal).rounds();
            } catch (CertifiedRun.Uncertain e) {
                return new ExactRun(this, virtualTotal).rounds();
            }
        }

        /** The rounds at {@code virtualTotal} again, with the account of every purchase (see {@link EqualSharesRun#recordRounds}). */
        List<Selection.Round> explain(long virtualTotal) {
            try {
                return new CertifiedRun(this, virtualTotal).recordRounds();
            } catch (CertifiedRun.Uncertain e) {
                return new ExactRun(this, virtualTotal).recordRounds();
            }
        }

        /** Each voter's endowment in electorate {@code e} is {@code virtualTotal × weight ÷ (100 × voters)}; 0 if none. */
        long endowmentNumerator(int e, long virtualTotal) {
            return electorateSize[e] == 0 ? 0 : Math.multiplyExact(virtualTotal, (long) electorateWeight[e]);
        }

        long endowmentDenominator(int e) {
            return electorateSize[e] == 0 ? 1 : 100L * electorateSize[e];
        }
    }
}
