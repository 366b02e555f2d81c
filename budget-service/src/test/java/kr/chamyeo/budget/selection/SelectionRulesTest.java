package kr.chamyeo.budget.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.selection.Election.Candidate;
import kr.chamyeo.budget.selection.Election.Electorate;

/** Small elections whose outcomes can be checked by hand (worked through in the comments). */
class SelectionRulesTest {

    /** n identical ballots (also for the other rule tests of this package). */
    static List<Set<String>> times(int n, Set<String> ballot) {
        List<Set<String>> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ballots.add(ballot);
        }
        return ballots;
    }

    static List<Set<String>> concat(List<Set<String>> a, List<Set<String>> b) {
        List<Set<String>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void scoreCombinesWeightedSharesExactlyAndBreaksTiesByResidentVotesThenCostThenSubmission() {
        // P: residents 2/3, committee 1/3 → 50·2/3 + 50·1/3 = 50; Q: 1/3 and 2/3 → also exactly 50.
        // R, S, T, U have one resident vote each (50/3): the cheaper T, U (5) go before the earlier R (20) and S (30);
        // T and U tie on everything but submission order.
        Election election = new Election(1_000, List.of(
                new Candidate("Q", 10, 1), new Candidate("P", 10, 2),
                new Candidate("S", 30, 3), new Candidate("R", 20, 4),
                new Candidate("U", 5, 6), new Candidate("T", 5, 5)),
                List.of(new Electorate("residents", 50, List.of(Set.of("P", "Q", "R", "S", "T", "U"), Set.of("P"), Set.of())),
                        new Electorate("committee", 50, List.of(Set.of("Q"), Set.of("Q", "P"), Set.of()))));
        List<Standing> ranking = Standing.rank(election);
        assertEquals(List.of("P", "Q", "T", "U", "R", "S"), ranking.stream().map(s -> s.candidate().key()).toList());
        assertEquals(BigFraction.of(50), ranking.get(0).score());
        assertEquals(BigFraction.of(50), ranking.get(1).score());
        assertEquals(BigFraction.of(50, 3), ranking.get(2).score());
        assertEquals(BigFraction.of(2, 3), ranking.get(0).shares()[0]);
        assertEquals(2, ranking.get(0).votes()[0]);
        assertEquals(6, ranking.get(5).rank());
    }

    @Test
    void greedySkipsWhatDoesNotFitAndGoesOnDownTheRanking() {
        // Ranking A(3 votes, 70) B(2, 50) C(1, 30): A fits (30 left), B does not, C does → A, C; 0 left.
        Election election = new Election(100, List.of(new Candidate("A", 70, 1), new Candidate("B", 50, 2),
                new Candidate("C", 30, 3)),
                List.of(new Electorate("voters", 100, List.of(Set.of("A", "B", "C"), Set.of("A", "B"), Set.of("A")))));
        Selection selection = RankedGreedy.select(election);
        assertEquals(List.of("A", "C"), selection.selected());
        assertEquals(100, selection.spent());
        assertEquals(0, selection.leftover());
    }

    @Test
    void equalSharesGivesAMinorityItsProportionalPart() {
        // 10 voters hold 10 each. Six approve A1, A2, A3 (30 each), four approve B (40).
        // Greedy by votes: A1, A2, A3 (90), B no longer fits.
        // MES: A1 costs each A-voter 5 (ρ = 5/30 = 1/6) and so does A2; B costs each B-voter 10 (ρ = 1/4).
        // After A1, A2 the A-voters hold nothing, A3 is unaffordable, B is bought: A1, A2, B = 100.
        // add1 keeps A1, A2, B until 15 per voter, where A3 is bought as well: 130 > 100 ends it.
        Election election = new Election(100, List.of(new Candidate("A1", 30, 1), new Candidate("A2", 30, 2),
                new Candidate("A3", 30, 3), new Candidate("B", 40, 4)),
                List.of(new Electorate("voters", 100, concat(times(6, Set.of("A1", "A2", "A3")), times(4, Set.of("B"))))));
        assertEquals(List.of("A1", "A2", "A3"), RankedGreedy.select(election).selected());
        Selection mes = SelectionRule.EQUAL_SHARES.select(election);
        assertEquals(List.of("A1", "A2", "B"), mes.selected());
        assertEquals(100, mes.spent());
        assertEquals(Selection.Step.EQUAL_SHARES, mes.steps().get("B"));
    }

    @Test
    void completionRaisesEndowmentsUntilTheTotalWouldBeExceededThenFillsGreedily() {
        // 4 voters hold 25 each. A (60) by v1-v3, B (40) by v4, C (10) by v1.
        // Scale 1: A α = 20 (ρ = 1/3) first; then v1 holds 5, C (10) and B (25 < 40) are unaffordable: A = 60.
        // add1 raises every voter by 1: at 30 each, v1 keeps 10 after A and C becomes affordable → A, C = 70; it goes on
        // while within the total, and at 40 each v4 affords B: 110 > 100 ends it, A, C is kept. Add1U's greedy fill:
        // B (40) does not fit into the 30 left.
        Election election = new Election(100, List.of(new Candidate("A", 60, 1), new Candidate("B", 40, 2),
                new Candidate("C", 10, 3)),
                List.of(new Electorate("voters", 100, List.of(Set.of("A", "C"), Set.of("A"), Set.of("A"), Set.of("B")))));
        Selection mes = SelectionRule.EQUAL_SHARES.select(election);
        assertEquals(List.of("A", "C"), mes.selected());
        assertEquals(Selection.Step.EQUAL_SHARES, mes.steps().get("C"));
        assertEquals(30, mes.leftover());
        assertEquals(List.of("A", "C"), SelectionRule.EQUAL_SHARES_ADD1U.select(election).selected());
    }

    @Test
    void projectsNobodyApprovedAreOnlyReachedByTheGreedyFill() {
        Election election = new Election(100, List.of(new Candidate("A", 50, 1), new Candidate("N", 20, 2)),
                List.of(new Electorate("voters", 100, List.of(Set.of("A")))));
        assertEquals(List.of("A"), SelectionRule.EQUAL_SHARES.select(election).selected());
        Selection mes = SelectionRule.EQUAL_SHARES_ADD1U.select(election);
        assertEquals(List.of("A", "N"), mes.selected());
        assertEquals(Selection.Step.GREEDY, mes.steps().get("N"));
    }
}
