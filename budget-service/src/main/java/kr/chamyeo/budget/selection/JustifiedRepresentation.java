package kr.chamyeo.budget.selection;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * EJR, EJR up to one project and PJR of an outcome, for approval ballots with cost utilities (a voter's benefit from
 * a project it approves is the project's cost), as pabutools defines them in {@code pabutools.analysis.cohesiveness}
 * and {@code pabutools.analysis.justifiedrepresentation}:
 * <ul>
 *   <li>a group of voters S and a set of projects T are <em>cohesive</em> ({@code is_cohesive_approval}) if every voter of
 *       S approves every project of T and S is large enough to pay for T from its share of the budget
 *       ({@code is_large_enough}: cost(T) × n ≤ |S| × budget);</li>
 *   <li>EJR ({@code is_EJR_approval} with {@code Cost_Sat}): for every cohesive (S, T) some voter of S gets at least
 *       cost(T) from the outcome W (the cost of the projects of W it approves);</li>
 *   <li>EJR up to one project ({@code is_EJR_one_approval}): the same, after adding to that voter's benefit the most
 *       expensive project of T that W lacks — what the Method of Equal Shares guarantees (Peters, Pierczyński, Skowron,
 *       "Proportional Participatory Budgeting with Additive Utilities", NeurIPS 2021);</li>
 *   <li>PJR ({@code is_PJR_approval} with {@code Cost_Sat}): for every cohesive (S, T), the projects of W approved by at
 *       least one voter of S cost at least cost(T) together.</li>
 * </ul>
 * With several electorates a voter of electorate e counts for weight(e) ÷ (100 × voters of e) of the whole instead of
 * 1 ÷ n — its share of the budget, as in the rules' endowments; with one electorate this is pabutools' definition.
 *
 * <p>pabutools enumerates every group of voters with every set of projects. Here, for a set T, the voters approving all
 * of T form the largest group that can be cohesive with it, and the members that W leaves below cost(T) (or below it
 * up to one project) are the worst group: a violation with T exists iff they are large enough. So only project sets are
 * enumerated, each as an extension of a smaller one, and a set whose approvers are too few is never extended (more
 * projects cost more and have fewer common approvers). A PJR violation is also an EJR violation with the same T, so PJR
 * is searched only where EJR fails, over the unions of the adopted projects the failing voters approve. The problem is
 * coNP-hard: the search counts its work (voter groups looked at) and stops at {@code maxWork}, answering NOT_CHECKED for
 * what it could not decide; a witness found before is still a proof of violation.
 */
public final class JustifiedRepresentation {

    /** Work (voter groups looked at) one check may do: about a second of CPU. See budget-service/README.md. */
    public static final long MAX_WORK = 20_000_000;

    public enum Status {
        SATISFIED, VIOLATED, NOT_CHECKED
    }

    /**
     * A cohesive group the outcome leaves short: the projects T, the voters (per electorate, in the election's order),
     * their share of the voters and the share of the budget T costs, and what the best-off member got from the outcome
     * (EJR) or what the adopted projects any member approves cost together (PJR).
     */
    public record Witness(List<String> projects, long cost, long voters, long[] votersPerElectorate, BigFraction groupShare,
                          BigFraction costShare, long got) {
    }

    public record Check(Status status, Witness witness, String reason) {
    }

    public record Report(Check ejr, Check ejrUpToOne, Check pjr, long work) {
    }

    private final EqualShares.Instance instance;
    private final long budget;
    private final long[] utility;
    private final boolean[] chosen;
    private final BitSet[] approvers;
    private final long maxWork;
    private final WorkLimit limit;
    private final double[] voterWeight;
    private final BigFraction[] exactWeight;
    private long work;
    private Witness ejr;
    private Witness ejrUpToOne;
    private Witness pjr;

    private JustifiedRepresentation(Election election, Set<String> selected, long maxWork, WorkLimit limit) {
        this.instance = new EqualShares.Instance(election, Standing.rank(election), limit);
        this.budget = election.budget();
        this.maxWork = maxWork;
        this.limit = limit;
        int projects = instance.costs.length;
        chosen = new boolean[projects];
        for (int p = 0; p < projects; p++) {
            chosen[p] = selected.contains(instance.key(p));
        }
        int groups = instance.groupSize.length;
        utility = new long[groups];
        for (int g = 0; g < groups; g++) {
            for (int p : instance.groupProjects[g]) {
                if (chosen[p]) {
                    utility[g] += instance.costs[p];
                }
            }
        }
        approvers = new BitSet[projects];
        for (int p = 0; p < projects; p++) {
            approvers[p] = new BitSet(groups);
            for (int g : instance.supporters[p]) {
                approvers[p].set(g);
            }
        }
        int electorates = election.electorates().size();
        voterWeight = new double[electorates];
        exactWeight = new BigFraction[electorates];
        for (int e = 0; e < electorates; e++) {
            exactWeight[e] = BigFraction.of(instance.endowmentNumerator(e, 1), instance.endowmentDenominator(e));
            voterWeight[e] = exactWeight[e].doubleValue();
        }
    }

    /** Checks the outcome {@code selected} of the election, doing at most {@code maxWork} work and within the limit. */
    public static Report check(Election election, Set<String> selected, long maxWork, WorkLimit limit) {
        JustifiedRepresentation search;
        try {
            search = new JustifiedRepresentation(election, selected, maxWork, limit);
        } catch (WorkLimit.Exceeded e) {
            // Grouping a million ballots can meet the deadline before any search: nothing is decided, nothing fails.
            Check none = new Check(Status.NOT_CHECKED, null, stoppedAt(e));
            return new Report(none, none, none, 0);
        }
        String stopped = null;
        if (search.budget > 0) {
            try {
                BitSet all = new BitSet();
                all.set(0, search.instance.groupSize.length);
                search.extend(new ArrayList<>(), -1, all, 0);
            } catch (Stop e) {
                stopped = e.getMessage();
            } catch (WorkLimit.Exceeded e) {
                stopped = stoppedAt(e);
            }
        }
        return new Report(result(search.ejr, stopped), result(search.ejrUpToOne, stopped), result(search.pjr, stopped),
                search.work);
    }

    private static String stoppedAt(WorkLimit.Exceeded e) {
        return "the check stopped at this computation's " + e.bound() + " bound: " + e.getMessage();
    }

    private static Check result(Witness witness, String stopped) {
        if (witness != null) {
            return new Check(Status.VIOLATED, witness, null);
        }
        return stopped == null ? new Check(Status.SATISFIED, null, null) : new Check(Status.NOT_CHECKED, null, stopped);
    }

    /** Control flow: the work bound is reached. */
    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private void spend(long amount) {
        work += amount;
        if (work > maxWork) {
            throw new Stop("not checked: too large — deciding it needs more than " + maxWork
                    + " steps (voter groups looked at); the search is exact up to that size");
        }
    }

    /** Every project set extending {@code projects} by projects after {@code last} whose approvers are large enough. */
    private void extend(List<Integer> projects, int last, BitSet group, long cost) {
        for (int j = last + 1; j < instance.costs.length; j++) {
            if (ejr != null && ejrUpToOne != null && pjr != null) {
                return;
            }
            BitSet common = (BitSet) group.clone();
            common.and(approvers[j]);
            spend(1 + common.length() / 64);
            if (common.isEmpty()) {
                continue;
            }
            long total = cost + instance.costs[j];
            if (!largeEnough(counts(common), total)) {
                continue;
            }
            limit.checkTime();
            projects.add(j);
            inspect(projects, common, total);
            extend(projects, j, common, total);
            projects.remove(projects.size() - 1);
        }
    }

    /** The approvers of all of T ({@code common}) are large enough for T: look for the three violations. */
    private void inspect(List<Integer> projects, BitSet common, long cost) {
        long missing = 0;
        for (int p : projects) {
            if (!chosen[p]) {
                missing = Math.max(missing, instance.costs[p]);
            }
        }
        BitSet short0 = new BitSet();
        BitSet short1 = new BitSet();
        for (int g = common.nextSetBit(0); g >= 0; g = common.nextSetBit(g + 1)) {
            if (utility[g] < cost) {
                short0.set(g);
                if (utility[g] + missing < cost) {
                    short1.set(g);
                }
            }
        }
        spend(common.cardinality());
        if (short0.isEmpty() || !largeEnough(counts(short0), cost)) {
            return;
        }
        if (ejr == null) {
            ejr = witness(projects, short0, cost, maxUtility(short0));
        }
        if (ejrUpToOne == null && !short1.isEmpty() && largeEnough(counts(short1), cost)) {
            ejrUpToOne = witness(projects, short1, cost, maxUtility(short1));
        }
        if (pjr == null) {
            pjr = pjrViolation(projects, short0, cost);
        }
    }

    /**
     * A group among {@code shortGroups} large enough for T whose approved adopted projects cost less than T, or null:
     * tries the unions of the adopted projects the short voters approve, cheapest first, each union with every short
     * voter whose adopted projects lie within it.
     */
    private Witness pjrViolation(List<Integer> projects, BitSet shortGroups, long cost) {
        Map<BitSet, List<Integer>> byPattern = new LinkedHashMap<>();
        for (int g = shortGroups.nextSetBit(0); g >= 0; g = shortGroups.nextSetBit(g + 1)) {
            BitSet pattern = new BitSet();
            for (int p : instance.groupProjects[g]) {
                if (chosen[p]) {
                    pattern.set(p);
                }
            }
            byPattern.computeIfAbsent(pattern, k -> new ArrayList<>()).add(g);
        }
        List<BitSet> patterns = new ArrayList<>(byPattern.keySet());
        patterns.sort((a, b) -> Long.compare(costOf(a), costOf(b)));
        return unions(projects, cost, patterns, byPattern, 0, new BitSet(), new HashSet<>());
    }

    private Witness unions(List<Integer> projects, long cost, List<BitSet> patterns, Map<BitSet, List<Integer>> byPattern,
                           int from, BitSet union, Set<BitSet> seen) {
        if (!seen.add(union)) {
            return null;
        }
        BitSet members = new BitSet();
        for (BitSet pattern : patterns) {
            BitSet outside = (BitSet) pattern.clone();
            outside.andNot(union);
            if (outside.isEmpty()) {
                byPattern.get(pattern).forEach(members::set);
            }
        }
        spend(patterns.size());
        if (!members.isEmpty() && largeEnough(counts(members), cost)) {
            return witness(projects, members, cost, costOf(union));
        }
        for (int i = from; i < patterns.size(); i++) {
            BitSet grown = (BitSet) union.clone();
            grown.or(patterns.get(i));
            if (grown.equals(union) || costOf(grown) >= cost) {
                continue;
            }
            Witness found = unions(projects, cost, patterns, byPattern, i + 1, grown, seen);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private long costOf(BitSet projects) {
        long sum = 0;
        for (int p = projects.nextSetBit(0); p >= 0; p = projects.nextSetBit(p + 1)) {
            sum += instance.costs[p];
        }
        return sum;
    }

    private long maxUtility(BitSet groups) {
        long most = 0;
        for (int g = groups.nextSetBit(0); g >= 0; g = groups.nextSetBit(g + 1)) {
            most = Math.max(most, utility[g]);
        }
        return most;
    }

    private long[] counts(BitSet groups) {
        long[] counts = new long[voterWeight.length];
        for (int g = groups.nextSetBit(0); g >= 0; g = groups.nextSetBit(g + 1)) {
            counts[instance.groupElectorate[g]] += instance.groupSize[g];
        }
        return counts;
    }

    private BigFraction share(long[] counts) {
        BigFraction share = BigFraction.ZERO;
        for (int e = 0; e < counts.length; e++) {
            share = share.add(exactWeight[e].multiply(counts[e]));
        }
        return share;
    }

    /** Whether voters in these numbers hold at least cost ÷ budget of the whole: doubles when clear, else exact. */
    private boolean largeEnough(long[] counts, long cost) {
        double share = 0;
        for (int e = 0; e < counts.length; e++) {
            share += voterWeight[e] * counts[e];
        }
        double needed = (double) cost / budget;
        if (share > needed * (1 + 1e-9)) {
            return true;
        }
        if (share < needed * (1 - 1e-9)) {
            return false;
        }
        return share(counts).compareTo(BigFraction.of(BigInteger.valueOf(cost), BigInteger.valueOf(budget))) >= 0;
    }

    private Witness witness(List<Integer> projects, BitSet groups, long cost, long got) {
        long[] counts = counts(groups);
        long voters = 0;
        for (long c : counts) {
            voters += c;
        }
        return new Witness(projects.stream().map(instance::key).toList(), cost, voters, counts, share(counts),
                BigFraction.of(BigInteger.valueOf(cost), BigInteger.valueOf(budget)), got);
    }
}
