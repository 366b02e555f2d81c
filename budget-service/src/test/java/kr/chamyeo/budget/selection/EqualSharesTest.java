package kr.chamyeo.budget.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.pabulib.PabulibFile;
import kr.chamyeo.budget.pabulib.PabulibReader;
import kr.chamyeo.budget.pabulib.SharedPabulib;
import kr.chamyeo.budget.pabulib.Simulation;
import kr.chamyeo.budget.selection.Election.Candidate;
import kr.chamyeo.budget.selection.Election.Electorate;

/** The Method of Equal Shares with add1 completion: published examples, hand-checked cases and the real Warsaw file. */
class EqualSharesTest {

    private static List<Set<String>> times(int n, Set<String> ballot) {
        List<Set<String>> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ballots.add(ballot);
        }
        return ballots;
    }

    private static Election single(long budget, List<Candidate> candidates, List<Set<String>> ballots) {
        return new Election(budget, candidates, List.of(new Electorate("voters", 100, ballots)));
    }

    private static List<String> plainMes(Election election) {
        List<Standing> ranking = Standing.rank(election);
        return new EqualShares.Instance(election, ranking, WorkLimit.CYCLE).run(election.budget()).stream()
                .map(i -> ranking.get(i).candidate().key()).toList();
    }

    @Test
    void equalsharesNetComputationExample() {
        // Source: equalshares.net, "Implementation → Computation", docstring example of the reference equal_shares():
        // voters v1, v2, v3; p1 (100) by v1, v2; p2 (50) by v1; p3 (50) by v3; budget 150 → [p1, p3].
        // Each voter holds 50: p1 costs v1, v2 50 each (ρ = 1/2), p2 and p3 cost their voter 50 (ρ = 1). p1, then v1 holds
        // nothing and p2 is unaffordable: p3. 150 spent, nothing else fits, so the completion has nothing to do.
        Election election = single(150, List.of(new Candidate("p1", 100, 1), new Candidate("p2", 50, 2),
                new Candidate("p3", 50, 3)), List.of(Set.of("p1", "p2"), Set.of("p1"), Set.of("p3")));
        Selection selection = SelectionRule.EQUAL_SHARES.select(election);
        assertEquals(List.of("p1", "p3"), selection.selected());
        assertEquals(0, selection.leftover());
    }

    @Test
    void pabutoolsPopularityExampleLeavesTheLargeProjectToTheCompletion() {
        // Instance from pabutools tests/test_rule_composition.py (test_popularity_comparison, where greedy's {p0} is the
        // more popular outcome): p0 (100) approved by 99 voters, p1 (1) by one voter, budget 100. MES: each holds 1; p0's
        // 99 supporters hold 99 < 100, p1 is bought. add1: at 2 each both are bought, 101 > 100, so {p1} is kept; the
        // greedy fill of Add1U has nothing that fits in the 99 left. Greedy by votes takes p0 alone.
        List<Set<String>> ballots = new ArrayList<>(times(99, Set.of("p0")));
        ballots.add(Set.of("p1"));
        Election election = single(100, List.of(new Candidate("p0", 100, 1), new Candidate("p1", 1, 2)), ballots);
        assertEquals(List.of("p1"), plainMes(election));
        assertEquals(List.of("p1"), SelectionRule.EQUAL_SHARES.select(election).selected());
        assertEquals(List.of("p1"), SelectionRule.EQUAL_SHARES_ADD1U.select(election).selected());
        assertEquals(List.of("p0"), RankedGreedy.select(election).selected());
    }

    @Test
    void add1RaisesEveryVoterByOneWonAndKeepsTheLastOutcomeWithinTheTotal() {
        // 4 voters, total 103 → 25.75 each. A (60) by v1–v3, B (40) by v4, C (10) by v1.
        // Plain: A (α = 20, ρ = 1/3); v1 keeps 5.75 < 10: outcome {A} = 60, C and B still fit: not exhaustive.
        // add1 starts from ⌊103/4⌋ = 25 per voter and adds 1 each step: at 26..29 v1 keeps < 10 → {A};
        // at 30 v1 keeps exactly 10 → A, C = 70 (exhaustive: 33 left < 40, but the completion goes on while within the
        // total); 31..39 → A, C again; at 40 v4 affords B: A, C, B = 110 > 103 ends it, and A, C (at 39) is kept.
        Election election = single(103, List.of(new Candidate("A", 60, 1), new Candidate("B", 40, 2),
                new Candidate("C", 10, 3)), List.of(Set.of("A", "C"), Set.of("A"), Set.of("A"), Set.of("B")));
        assertEquals(List.of("A"), plainMes(election));
        List<Standing> ranking = Standing.rank(election);
        EqualShares.Instance instance = new EqualShares.Instance(election, ranking, WorkLimit.CYCLE);
        assertEquals(List.of("A", "C"), keys(ranking, instance.run(39 * 4)));
        assertEquals(List.of("A", "C", "B"), keys(ranking, instance.run(40 * 4)));
        Selection selection = SelectionRule.EQUAL_SHARES.select(election);
        assertEquals(List.of("A", "C"), selection.selected());
        assertEquals(Selection.Step.EQUAL_SHARES, selection.steps().get("C"));
        assertEquals(33, selection.leftover());
        assertEquals(39 * 4, selection.completion().virtualTotal());
    }

    @Test
    void theCompletionUnitIsEachVotersRaisePerStep() {
        // Total 19, v1 approves C (11), v2 approves A (8) and B (4). Plain: 9.5 each; B (ρ = 1, cheaper than A's ρ = 1)
        // leaves v2 5.5 < 8 and v1 cannot afford C: {B}.
        // Unit 1: from 9 per voter, at 11 v1 affords C: B, C = 15; at 12 v2 keeps 8 after B and A is bought too:
        // 23 > 19 ends it → {B, C}.
        // Unit 3 (step 6 for 2 voters): from 18 the next total is 24, 12 each: B, then A (v2 keeps exactly 8, ρ = 1, cheaper
        // than C), then C = 23 > 19: the completion keeps {B}; Add1U's greedy fill (cheapest first at equal scores) adds A.
        List<Candidate> candidates = List.of(new Candidate("A", 8, 1), new Candidate("B", 4, 2), new Candidate("C", 11, 3));
        List<Set<String>> ballots = List.of(Set.of("C"), Set.of("A", "B"));
        Selection byWon = SelectionRule.EQUAL_SHARES.select(new Election(19, candidates, List.of(new Electorate("voters", 100, ballots)), 1));
        assertEquals(List.of("B", "C"), byWon.selected());
        Election byThreeWon = new Election(19, candidates, List.of(new Electorate("voters", 100, ballots)), 3);
        assertEquals(List.of("B"), SelectionRule.EQUAL_SHARES.select(byThreeWon).selected());
        Selection byThree = SelectionRule.EQUAL_SHARES_ADD1U.select(byThreeWon);
        assertEquals(List.of("B", "A"), byThree.selected());
        assertEquals(Selection.Step.GREEDY, byThree.steps().get("A"));
    }

    @Test
    void exactTiesGoToTheLowerCostThenTheRanking() {
        // Two voters hold 5 each. X (4) and Y (2) approved by v1, Z (2) by v2: ρ(X) = ρ(Y) = ρ(Z) = 1 exactly (cost
        // utilities). Lower cost first: Y and Z tie again on cost; Y and Z have one vote each and Y was submitted first.
        // Y (v1 keeps 3), then Z (v2 keeps 3), then X (4 > 3) is unaffordable: {Y, Z} = 4. add1 from 5 per voter: at 6
        // v1 keeps exactly 4 after Y and affords X: Y, Z, X = 8 ≤ 10, every project bought, stop.
        Election election = single(10, List.of(new Candidate("X", 4, 1), new Candidate("Y", 2, 2),
                new Candidate("Z", 2, 3)), List.of(Set.of("X", "Y"), Set.of("Z")));
        assertEquals(List.of("Y", "Z"), plainMes(election));
        assertEquals(List.of("Y", "Z", "X"), SelectionRule.EQUAL_SHARES.select(election).selected());
    }

    @Test
    void weightedElectoratesHoldTheirShareAtEveryCompletionStep() {
        // Total 100, 50/50; 4 residents approve X (60) and Z (40); one committee member approves Y (50).
        // Plain: residents hold 12.5 each, the member 50. Z: α = 10, ρ = 1/4; Y: α = 50, ρ = 1; X: 50 < 60. Z, then Y;
        // residents keep 2.5 each, X unaffordable: Z + Y = 90. add1: residents hold T/8 each, and after Z (ρ 1/4 ties X's
        // and Z is cheaper) X needs 4 × (T/8 − 10) ≥ 60, i.e. T ≥ 200, where Z, X, Y cost 150 > 100: {Z, Y} is kept.
        Election election = new Election(100, List.of(new Candidate("X", 60, 1), new Candidate("Y", 50, 2),
                new Candidate("Z", 40, 3)),
                List.of(new Electorate("residents", 50, times(4, Set.of("X", "Z"))),
                        new Electorate("committee", 50, times(1, Set.of("Y")))));
        // Greedy on the scores (all 50; ties → more resident votes, then lower cost: Z, X, Y) adopts Z + X instead.
        assertEquals(List.of("Z", "X"), RankedGreedy.select(election).selected());
        Selection mes = SelectionRule.EQUAL_SHARES.select(election);
        assertEquals(List.of("Z", "Y"), mes.selected());
        assertEquals(10, mes.leftover());
        // A virtual total of 200 gives residents 25 each and the member 100: the weights still split it in halves.
        List<Standing> ranking = Standing.rank(election);
        assertEquals(List.of("Z", "X", "Y"), keys(ranking, new EqualShares.Instance(election, ranking, WorkLimit.CYCLE).run(200)));
    }

    @Test
    void certifiedDoublesDecideExactlyAsFractionsOrStepAside() {
        // Differential check on random small weighted elections and many virtual totals: whenever the certified double
        // run finishes, it bought exactly what the exact run buys; it steps aside (Uncertain) on ties such as
        // 1/3 + 1/3 + 1/3 = 1 that doubles cannot promise, which these small integer elections produce often.
        java.util.Random random = new java.util.Random(20260601);
        int certified = 0;
        int uncertain = 0;
        for (int trial = 0; trial < 400; trial++) {
            int projects = 2 + random.nextInt(6);
            List<Candidate> candidates = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                candidates.add(new Candidate("p" + p, 1 + random.nextInt(trial % 2 == 0 ? 9 : 100_000), p));
            }
            int residentWeight = 10 * random.nextInt(11);
            List<Set<String>> residents = randomBallots(random, projects, 1 + random.nextInt(12));
            List<Set<String>> committee = randomBallots(random, projects, random.nextInt(4));
            Election election = new Election(1 + random.nextInt(trial % 2 == 0 ? 30 : 300_000), candidates,
                    List.of(new Electorate("residents", residentWeight, residents), new Electorate("committee", 100 - residentWeight, committee)));
            EqualShares.Instance instance = new EqualShares.Instance(election, Standing.rank(election), WorkLimit.CYCLE);
            for (long total = election.budget(); total < 4 * election.budget() + 10; total += 1 + election.budget() / 7) {
                List<Integer> exact = new ExactRun(instance, total).rounds();
                try {
                    assertEquals(exact, new CertifiedRun(instance, total).rounds(), "trial " + trial + " total " + total);
                    certified++;
                } catch (CertifiedRun.Uncertain e) {
                    uncertain++;
                }
            }
        }
        assertTrue(certified > 1000 && uncertain > 10, certified + " certified, " + uncertain + " uncertain");
    }

    @Test
    void skippingStepsBuysWhatSteppingByEveryUnitBuys() {
        // The add1 completion skips steps that ParametricRun proves cannot change the outcome. Checked against the
        // completion written plainly (every unit step, exact fractions) on random weighted elections, including some
        // whose budget is large next to the costs and voters, where the skips are long.
        java.util.Random random = new java.util.Random(20261204);
        int skipped = 0;
        for (int trial = 0; trial < 300; trial++) {
            int projects = 2 + random.nextInt(5);
            List<Candidate> candidates = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                candidates.add(new Candidate("p" + p, 1 + random.nextInt(trial % 3 == 0 ? 9 : 400), p));
            }
            // Every electorate with voters has a positive weight: otherwise the plain completion never ends (a project
            // only weightless voters approve is never affordable, and more money changes nothing).
            int residentWeight = trial % 2 == 0 ? 100 : 10 + 10 * random.nextInt(8);
            List<Set<String>> residents = randomBallots(random, projects, 1 + random.nextInt(8));
            List<Set<String>> committee = residentWeight == 100 ? List.of() : randomBallots(random, projects, 1 + random.nextInt(3));
            long total = 1 + random.nextInt(trial % 3 == 0 ? 30 : 300);
            long unit = 1 + random.nextInt(3);
            Election election = new Election(total, candidates, List.of(new Electorate("residents", residentWeight, residents),
                    new Electorate("committee", 100 - residentWeight, committee)), unit);
            Selection fast = SelectionRule.EQUAL_SHARES.select(election);
            List<String> plain = steppingEveryUnit(election);
            assertEquals(plain, fast.selected(), "trial " + trial);
            int voters = residents.size() + committee.size();
            if (fast.completion().runs() < (fast.completion().virtualTotal() - total) / (voters * unit)) {
                skipped++;
            }
        }
        assertTrue(skipped > 20, skipped + " elections where steps were skipped");
    }

    @Test
    void aHugeBudgetTakesAHandfulOfRunsNotOnePerUnit() {
        // The attack of issue 22: two projects and a budget of 9·10¹⁴ (the largest a file may declare). Stepping one
        // unit per voter would rerun the rule ~10¹⁴ times; the skips need a few runs. A and B each cost 6·10¹⁴ and
        // have one voter each: plain MES gives each voter 4.5·10¹⁴, nothing is affordable; at 6·10¹⁴ each both are
        // bought, 1.2·10¹⁵ > 9·10¹⁴, so the empty outcome is kept.
        long budget = 900_000_000_000_000L;
        Election election = single(budget, List.of(new Candidate("A", 600_000_000_000_000L, 1),
                new Candidate("B", 600_000_000_000_000L, 2)), List.of(Set.of("A"), Set.of("B")));
        long started = System.nanoTime();
        Selection selection = SelectionRule.EQUAL_SHARES.select(election, WorkLimit.of(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), 50));
        assertTrue(System.nanoTime() - started < 2_000_000_000L);
        assertEquals(List.of(), selection.selected());
        assertTrue(selection.completion().runs() <= 5, selection.completion().runs() + " runs");
        // With A cheaper (5·10¹⁴) its voter affords it first, at 5·10¹⁴ each: {A} is kept.
        Election cheaperA = single(budget, List.of(new Candidate("A", 500_000_000_000_000L, 1),
                new Candidate("B", 600_000_000_000_000L, 2)), List.of(Set.of("A"), Set.of("B")));
        Selection a = SelectionRule.EQUAL_SHARES.select(cheaperA, WorkLimit.of(java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(2), 50));
        assertEquals(List.of("A"), a.selected());
        assertTrue(a.completion().runs() <= 10, a.completion().runs() + " runs");
    }

    @Test
    void aComputationOverItsBoundStopsAndSaysWhichBound() {
        // The add1 completion of the Wieliczka-like example above needs more than 2 runs: capped at 2 it stops.
        Election election = single(103, List.of(new Candidate("A", 60, 1), new Candidate("B", 40, 2),
                new Candidate("C", 10, 3)), List.of(Set.of("A", "C"), Set.of("A"), Set.of("A"), Set.of("B")));
        WorkLimit.Exceeded runs = org.junit.jupiter.api.Assertions.assertThrows(WorkLimit.Exceeded.class,
                () -> SelectionRule.EQUAL_SHARES.select(election, WorkLimit.of(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), 2)));
        assertEquals("reruns", runs.bound());
        WorkLimit.Exceeded time = org.junit.jupiter.api.Assertions.assertThrows(WorkLimit.Exceeded.class,
                () -> SelectionRule.EQUAL_SHARES.select(election, WorkLimit.of(java.time.Duration.ofSeconds(5), java.time.Duration.ZERO, 1000)));
        assertEquals("time", time.bound());
        WorkLimit.Exceeded cpu = org.junit.jupiter.api.Assertions.assertThrows(WorkLimit.Exceeded.class,
                () -> SelectionRule.EQUAL_SHARES.select(election, WorkLimit.of(java.time.Duration.ofNanos(-1), java.time.Duration.ofSeconds(5), 1000)));
        assertEquals("cpu", cpu.bound());
    }

    /** The add1 completion as Pabulib's checker writes it: every unit step, exact fractions, no skipping. */
    private static List<String> steppingEveryUnit(Election election) {
        List<Standing> ranking = Standing.rank(election);
        EqualShares.Instance instance = new EqualShares.Instance(election, ranking, WorkLimit.CYCLE);
        long total = election.budget();
        List<Integer> best = new ExactRun(instance, total).rounds();
        long step = instance.voters() * election.completionUnit();
        if (step > 0) {
            for (long t = total / step * step + step; best.size() < instance.competing(); t += step) {
                List<Integer> raised = new ExactRun(instance, t).rounds();
                if (instance.cost(raised) > total) {
                    break;
                }
                best = raised;
            }
        }
        return best.stream().map(i -> ranking.get(i).candidate().key()).toList();
    }

    private static List<Set<String>> randomBallots(java.util.Random random, int projects, int voters) {
        List<Set<String>> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            Set<String> ballot = new java.util.HashSet<>();
            for (int p = 0; p < projects; p++) {
                if (random.nextInt(3) == 0) {
                    ballot.add("p" + p);
                }
            }
            ballots.add(ballot);
        }
        return ballots;
    }

    @Test
    void warsawPragaPoludnie2020WithinBudgetAtLeastPlainMesAndFast() throws IOException {
        PabulibFile file = PabulibReader.read(Files.newBufferedReader(SharedPabulib.file(SharedPabulib.WARSAW), StandardCharsets.UTF_8));
        Election election = Simulation.election(file);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        Selection selection = SelectionRule.EQUAL_SHARES.select(election);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long again = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        assertEquals(selection.selected(), SelectionRule.EQUAL_SHARES.select(election).selected());
        long warmCpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        long warmMillis = (System.nanoTime() - again) / 1_000_000;
        List<String> plain = plainMes(election);
        long plainCost = plain.stream().mapToLong(k -> cost(file, k)).sum();
        long byShares = selection.steps().values().stream().filter(s -> s == Selection.Step.EQUAL_SHARES).count();
        System.out.printf("Warsaw Praga-Południe 2020 EQUAL_SHARES: %d projects (%d by equal shares), %d of %d spent; "
                        + "plain MES %d projects, %d spent; first run %d ms, second %d ms (%d ms CPU)%n", selection.selected().size(),
                byShares, selection.spent(), file.budget(), plain.size(), plainCost, millis, warmMillis, warmCpuMillis);
        assertEquals(selection.spent(), selection.selected().stream().mapToLong(k -> cost(file, k)).sum());
        assertTrue(selection.spent() <= file.budget());
        assertTrue(selection.spent() >= plainCost, "add1 spends at least what plain MES spends");
        // Figures cross-checked with an independent per-voter implementation of Pabulib's checker in exact fractions:
        // plain MES 47 projects for 3,856,886; add1 keeps 574 per voter with 61 projects for 5,856,418 (the first
        // exhaustive outcome is also the last within the budget here); Add1U's greedy fill adds one more for 39,000.
        assertEquals(47, plain.size());
        assertEquals(3_856_886, plainCost);
        assertEquals(61, byShares);
        assertEquals(61, selection.selected().size());
        assertEquals(5_856_418, selection.spent());
        assertEquals(574, selection.completion().virtualTotal() / 14_897);
        Selection add1u = SelectionRule.EQUAL_SHARES_ADD1U.select(election);
        assertEquals(62, add1u.selected().size());
        assertEquals(5_895_418, add1u.spent());
        // CPU time, not wall time: the shared build machine runs many builds at once. Idle, a run takes well under 1 s; on
        // the loaded machine (2 cores, wall time 12 s) CPU time grows too: 1,746 ms before the run also explained its
        // rounds, 1,904 ms after (one more run at the kept virtual total). The bound catches a regression of the order of
        // the skipping, not the load.
        assertTrue(warmCpuMillis < 3000, "EQUAL_SHARES on 14,897 voters took " + warmCpuMillis + " ms of CPU");
    }

    private static long cost(PabulibFile file, String id) {
        return file.projects().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().cost();
    }

    private static List<String> keys(List<Standing> ranking, List<Integer> indexes) {
        return indexes.stream().map(i -> ranking.get(i).candidate().key()).toList();
    }
}
