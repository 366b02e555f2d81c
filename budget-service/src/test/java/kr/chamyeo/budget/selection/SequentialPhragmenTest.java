package kr.chamyeo.budget.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.selection.Election.Candidate;
import kr.chamyeo.budget.selection.Election.Electorate;

/** Sequential Phragmén: hand-checked cases, and the class-based implementation against the rule written per voter. */
class SequentialPhragmenTest {

    private static List<Set<String>> times(int n, Set<String> ballot) {
        List<Set<String>> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ballots.add(ballot);
        }
        return ballots;
    }

    @Test
    void minorityGetsItsProjectWhenItsVotersHaveEarnedIt() {
        // 6 voters approve A1, A2, A3 (30 each), 4 approve B (40), budget 100; each voter earns 1 per unit of time.
        // A1 at t = 30/6 = 5 (A-voters' loads 5). A2 at (30 + 30)/6 = 10 and B at 40/4 = 10 tie: the cheaper A2 first
        // (loads 10). B at 10; A3 at (30 + 60)/6 = 15 would make 130 > 100 and is dropped.
        List<Set<String>> ballots = new ArrayList<>(times(6, Set.of("A1", "A2", "A3")));
        ballots.addAll(times(4, Set.of("B")));
        Election election = new Election(100, List.of(new Candidate("A1", 30, 1), new Candidate("A2", 30, 2),
                new Candidate("A3", 30, 3), new Candidate("B", 40, 4)), List.of(new Electorate("voters", 100, ballots)));
        Selection selection = SelectionRule.SEQUENTIAL_PHRAGMEN.select(election);
        assertEquals(List.of("A1", "A2", "B"), selection.selected());
        assertEquals(Selection.Step.PHRAGMEN, selection.steps().get("B"));
    }

    @Test
    void weightsSetHowFastEachElectorateEarns() {
        // Total 100, residents 80 %, one committee member 20 %. Four residents approve X (60); the member approves Y (30).
        // Residents earn 0.8 per unit of time together, the member 0.2: X at 60/0.8 = 75, Y at 30/0.2 = 150: X, then Y
        // would make 90 ≤ 100: both. With 50/50 X comes at 120 and Y at 60: Y first, then X.
        Election eighty = new Election(100, List.of(new Candidate("X", 60, 1), new Candidate("Y", 30, 2)),
                List.of(new Electorate("residents", 80, times(4, Set.of("X"))), new Electorate("committee", 20, times(1, Set.of("Y")))));
        assertEquals(List.of("X", "Y"), SelectionRule.SEQUENTIAL_PHRAGMEN.select(eighty).selected());
        Election half = new Election(100, List.of(new Candidate("X", 60, 1), new Candidate("Y", 30, 2)),
                List.of(new Electorate("residents", 50, times(4, Set.of("X"))), new Electorate("committee", 50, times(1, Set.of("Y")))));
        assertEquals(List.of("Y", "X"), SelectionRule.SEQUENTIAL_PHRAGMEN.select(half).selected());
    }

    @Test
    void buysWhatTheRuleWrittenPerVoterBuys() {
        Random random = new Random(20261205);
        for (int trial = 0; trial < 300; trial++) {
            int projects = 2 + random.nextInt(7);
            List<Candidate> candidates = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                candidates.add(new Candidate("p" + p, 1 + random.nextInt(trial % 2 == 0 ? 6 : 500), p));
            }
            int residentWeight = 10 * random.nextInt(11);
            Election election = new Election(1 + random.nextInt(trial % 2 == 0 ? 20 : 2000), candidates,
                    List.of(new Electorate("residents", residentWeight, ballots(random, projects, 1 + random.nextInt(10))),
                            new Electorate("committee", 100 - residentWeight, ballots(random, projects, random.nextInt(4)))));
            assertEquals(perVoter(election), SelectionRule.SEQUENTIAL_PHRAGMEN.select(election).selected(), "trial " + trial);
        }
    }

    /** The rule as pabutools states it, one load per voter, every price recomputed every round. */
    private static List<String> perVoter(Election election) {
        List<Standing> ranking = Standing.rank(election);
        List<BigFraction> rate = new ArrayList<>();
        List<Set<String>> ballots = new ArrayList<>();
        for (Electorate electorate : election.electorates()) {
            for (Set<String> ballot : electorate.ballots()) {
                rate.add(BigFraction.of(electorate.weight(), 100L * electorate.ballots().size()));
                ballots.add(ballot);
            }
        }
        BigFraction[] load = new BigFraction[ballots.size()];
        java.util.Arrays.fill(load, BigFraction.ZERO);
        List<String> open = new ArrayList<>(ranking.stream().map(s -> s.candidate().key()).toList());
        List<String> chosen = new ArrayList<>();
        long spent = 0;
        while (true) {
            String best = null;
            BigFraction bestTime = null;
            long bestCost = 0;
            for (Standing s : ranking) {
                String key = s.candidate().key();
                long cost = s.candidate().cost();
                if (!open.contains(key) || cost == 0 || cost > election.budget()) {
                    continue;
                }
                BigFraction owed = BigFraction.of(cost);
                BigFraction earning = BigFraction.ZERO;
                for (int v = 0; v < ballots.size(); v++) {
                    if (ballots.get(v).contains(key)) {
                        owed = owed.add(load[v]);
                        earning = earning.add(rate.get(v));
                    }
                }
                if (earning.signum() == 0) {
                    continue;
                }
                BigFraction t = owed.divide(earning);
                if (bestTime == null || t.compareTo(bestTime) < 0 || (t.compareTo(bestTime) == 0 && cost < bestCost)) {
                    best = key;
                    bestTime = t;
                    bestCost = cost;
                }
            }
            if (best == null) {
                return chosen;
            }
            open.remove(best);
            if (bestCost > election.budget() - spent) {
                continue;
            }
            spent += bestCost;
            chosen.add(best);
            for (int v = 0; v < ballots.size(); v++) {
                if (ballots.get(v).contains(best)) {
                    load[v] = rate.get(v).multiply(bestTime);
                }
            }
        }
    }

    private static List<Set<String>> ballots(Random random, int projects, int voters) {
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
}
