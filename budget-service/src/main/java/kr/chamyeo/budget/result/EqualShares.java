package kr.chamyeo.budget.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EQUAL_SHARES: the Method of Equal Shares (Peters, Pierczyński, Skowron) on approval ballots with cost
 * utilities — a voter's benefit from an approved project is its cost, the variant used in real elections such
 * as Wieliczka 2023 — with the add1 completion, following the reference implementation of equalshares.net
 * ("Computation"; pabutools' {@code method_of_equal_shares} with {@code exhaustion_by_budget_increase} is the
 * same method).
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
 *   <li>add1 completion: first T = the real total. While the outcome is not exhaustive (some unselected project
 *       still fits in what is left of the real total), T becomes ⌊total ÷ s⌋ × s + s, then + s for every further
 *       step, s = n × the election's completion unit (n = all voters): every voter's budget rises by one unit per
 *       step, exactly as equalshares.net does with a unit of 1 (a Pabulib file's currency unit). Cycles use 1,000원
 *       (천원, the unit of Korean budget documents): 1원 steps would take hundreds of thousands of reruns for a few
 *       thousand voters. With several electorates the s are shared by weight, so the weights keep holding. An outcome
 *       costing more than the real total ends the completion and the last one within it is kept; so does an
 *       outcome holding every project that can compete, since more money changes nothing after that.</li>
 *   <li>Greedy fill: what is still left goes down the ranking as in {@link RankedGreedy}.</li>
 * </ol>
 *
 * <p>Exactness and speed: voters with the same approvals in the same electorate always hold the same budget, so
 * they are one group; groups holding the same budget share a budget class (everyone who has spent all is in one),
 * and a project's price is found from its supporters' classes. Each run is first made by {@link CertifiedRun} in
 * doubles that carry a rigorous error bound and refuse any comparison the bound cannot decide; such a run is redone
 * by {@link ExactRun} with exact fractions, so the outcome is always the one exact arithmetic gives. ρ only grows
 * within a run (budgets only shrink), so a project whose last ρ is already certainly above the best one this round
 * is not repriced, and a project none of whose supporters paid since its last pricing keeps its ρ.
 */
public final class EqualShares {

    private EqualShares() {
    }

    public static Selection select(Election election) {
        List<Standing> ranking = Standing.rank(election);
        Instance instance = new Instance(election, ranking);
        long total = election.budget();
        List<Integer> best = instance.run(total);
        long bestCost = instance.cost(best);
        long step = Math.multiplyExact(instance.voters(), election.completionUnit());
        long virtualTotal = step == 0 ? 0 : total / step * step;
        while (step > 0 && best.size() < instance.competing() && !instance.exhaustive(best, bestCost, total)) {
            virtualTotal += step;
            List<Integer> raised = instance.run(virtualTotal);
            long raisedCost = instance.cost(raised);
            if (raisedCost > total) {
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
        long spent = RankedGreedy.fill(ranking, total, bestCost, selected, steps);
        return new Selection(ranking, selected, steps, spent, total);
    }

    /** The election reduced to what the rounds need; projects are indexed by their place in the ranking. */
    static final class Instance {
        final long[] costs;
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

        Instance(Election election, List<Standing> ranking) {
            Map<String, Integer> indexOf = new HashMap<>();
            costs = new long[ranking.size()];
            for (int i = 0; i < ranking.size(); i++) {
                indexOf.put(ranking.get(i).candidate().key(), i);
                costs[i] = ranking.get(i).candidate().cost();
            }
            int electorates = election.electorates().size();
            electorateSize = new long[electorates];
            electorateWeight = new int[electorates];
            Map<List<Integer>, Integer> groupOf = new HashMap<>();
            List<Integer> electorateOfGroup = new ArrayList<>();
            List<Long> sizeOfGroup = new ArrayList<>();
            List<int[]> projectsOfGroup = new ArrayList<>();
            long all = 0;
            for (int e = 0; e < electorates; e++) {
                Election.Electorate electorate = election.electorates().get(e);
                electorateWeight[e] = electorate.weight();
                electorateSize[e] = electorate.ballots().size();
                all += electorateSize[e];
                for (Set<String> ballot : electorate.ballots()) {
                    int[] approved = ballot.stream().map(indexOf::get).filter(i -> i != null).mapToInt(Integer::intValue)
                            .sorted().toArray();
                    List<Integer> key = new ArrayList<>(approved.length + 1);
                    key.add(e);
                    Arrays.stream(approved).forEach(key::add);
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

        /** How many projects the rounds can ever buy (cost above 0, at least one supporter). */
        int competing() {
            return competing;
        }

        boolean competes(int project) {
            return costs[project] > 0 && supportCount[project] > 0;
        }

        long cost(List<Integer> chosen) {
            long sum = 0;
            for (int p : chosen) {
                sum += costs[p];
            }
            return sum;
        }

        /** No unselected project fits in what the outcome leaves of the real total. */
        boolean exhaustive(List<Integer> chosen, long cost, long total) {
            boolean[] in = new boolean[costs.length];
            chosen.forEach(p -> in[p] = true);
            for (int p = 0; p < costs.length; p++) {
                if (!in[p] && costs[p] <= total - cost) {
                    return false;
                }
            }
            return true;
        }

        /** The projects bought with endowments summing to {@code virtualTotal}, in buying order. */
        List<Integer> run(long virtualTotal) {
            try {
                return new CertifiedRun(this, virtualTotal).rounds();
            } catch (CertifiedRun.Uncertain e) {
                return new ExactRun(this, virtualTotal).rounds();
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
