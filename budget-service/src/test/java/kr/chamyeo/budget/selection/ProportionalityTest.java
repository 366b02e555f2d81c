package kr.chamyeo.budget.selection;

import static kr.chamyeo.budget.selection.SelectionRulesTest.concat;
import static kr.chamyeo.budget.selection.SelectionRulesTest.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.pabulib.PabulibFile;
import kr.chamyeo.budget.pabulib.PabulibReader;
import kr.chamyeo.budget.pabulib.SharedPabulib;
import kr.chamyeo.budget.pabulib.Simulation;
import kr.chamyeo.budget.selection.Election.Candidate;
import kr.chamyeo.budget.selection.Election.Electorate;
import kr.chamyeo.budget.selection.JustifiedRepresentation.Status;

/**
 * EJR, EJR up to one project and PJR (pabutools' definitions, cost utilities), the share each electorate decided and
 * the rounds' account: hand-checked examples, pabutools' own test instance, random elections against pabutools'
 * enumeration written out for the test, and the real Warsaw file.
 */
class ProportionalityTest {

    private static final Proportionality.Labels LABELS = new Proportionality.Labels(List.of("투표자", "위원"),
            List.of("voters", "committee members"), "원", "KRW");

    private static JustifiedRepresentation.Report check(Election election, List<String> outcome) {
        return JustifiedRepresentation.check(election, Set.copyOf(outcome), JustifiedRepresentation.MAX_WORK, WorkLimit.CYCLE);
    }

    /** SelectionRulesTest's minority example: 6 voters approve A1–A3 (30 each), 4 approve B (40); budget 100. */
    private static Election minority() {
        return new Election(100, List.of(new Candidate("A1", 30, 1), new Candidate("A2", 30, 2),
                new Candidate("A3", 30, 3), new Candidate("B", 40, 4)),
                List.of(new Electorate("voters", 100, concat(times(6, Set.of("A1", "A2", "A3")), times(4, Set.of("B"))))));
    }

    @Test
    void greedyLeavesTheMinorityOutAndTheWitnessIsItsFourVoters() {
        // Greedy adopts A1, A2, A3 (90). The 4 B-voters are 40% of the voters and B costs 40% of the budget: a cohesive
        // group ({B}, 4 voters) none of whom gets anything — EJR and PJR fail on it. EJR up to one project holds: it
        // forgives the group the one project (B itself) that would satisfy it.
        Election election = minority();
        JustifiedRepresentation.Report report = check(election, List.of("A1", "A2", "A3"));
        assertEquals(Status.SATISFIED, report.ejrUpToOne().status());
        for (JustifiedRepresentation.Check c : List.of(report.ejr(), report.pjr())) {
            assertEquals(Status.VIOLATED, c.status());
            assertEquals(List.of("B"), c.witness().projects());
            assertEquals(4, c.witness().voters());
            assertEquals(BigFraction.of(2, 5), c.witness().groupShare());
            assertEquals(BigFraction.of(2, 5), c.witness().costShare());
            assertEquals(0, c.witness().got());
        }
        Proportionality p = Proportionality.of(election, RankedGreedy.select(election), SelectionRule.RANKED_GREEDY,
                WorkLimit.CYCLE, Map.of("B", "작은도서관"), Map.of(), LABELS);
        assertTrue(p.ejr().ko().startsWith("EJR 미충족: 투표자 4명(투표자 4명, 전체 투표 비중의 40.00%)이 모두 '작은도서관'을(를) 선택했습니다(합계 40원"), p.ejr().ko());
        assertTrue(p.ejr().en().contains("4 voters (4 voters; 40.00% of all voting weight) all approve '작은도서관' (40 KRW"),
                p.ejr().en());
    }

    @Test
    void equalSharesGivesTheMinorityItsPartAndSatisfiesAllThree() {
        // MES adopts A1, A2, B. The A-voters (60%) are cohesive with {A1, A2} (60) and get exactly 60; with all three
        // (90) they are too few (90% of the budget). B's voters get B.
        Election election = minority();
        Selection mes = SelectionRule.EQUAL_SHARES.select(election);
        JustifiedRepresentation.Report report = check(election, mes.selected());
        assertEquals(Status.SATISFIED, report.ejr().status());
        assertEquals(Status.SATISFIED, report.ejrUpToOne().status());
        assertEquals(Status.SATISFIED, report.pjr().status());
        Proportionality p = Proportionality.of(election, mes, SelectionRule.EQUAL_SHARES, WorkLimit.CYCLE, Map.of(), Map.of(),
                LABELS);
        // The voters paid for everything bought: 60 by the A-voters, 40 by the B-voters, all of one electorate.
        assertEquals(100, p.electorates().get(0).decidedAmount());
        assertEquals(4, p.account().rounds().size());
        // The outcome is kept up to a virtual total of 140 (14 each; at 15 A3 is bought too and 130 > 100).
        // Round 1: A1 — 6 supporters hold 84, each pays 5.
        assertEquals(140, mes.completion().virtualTotal());
        assertEquals("Round 1: 'A1' (30 KRW) bought — its 6 supporters held 84 KRW together; each paid at most 5 KRW "
                + "(0.166667 per unit of benefit; voters 30 KRW).", p.account().rounds().get(0).en());
        assertEquals("1라운드: 'A1'(30원) 선정 — 지지자 6명 보유액 합계 84원, 1인 최대 부담 5원(편익 1당 0.166667; 투표자 30원).",
                p.account().rounds().get(0).ko());
        assertEquals("B", p.account().rounds().get(2).project());
        // A3 stays unbought: after A1 and A2 its six supporters hold 4 each.
        Proportionality.RoundView a3 = p.account().rounds().get(3);
        assertEquals("A3", a3.project());
        assertEquals(false, a3.bought());
        assertEquals("'A3' (30 KRW) not bought: when no project could be paid for any more, its 6 supporters held only "
                + "24 KRW together.", a3.en());
        assertTrue(p.account().summaryKo().startsWith("균등배분 방식(Method of Equal Shares): 예산(100원)을 투표자들이 똑같이 나눠 "
                + "가졌습니다(투표자 10명 각 10원). add1 보완 단계에서"), p.account().summaryKo());
    }

    @Test
    void pabutoolsLargeInstanceAgainstTheirEnumeration() {
        // pabutools tests/rules/test_bos.py, test_large_with_EJR: six projects, ten voters, budget 1,000,000.
        Election election = new Election(1_000_000, List.of(new Candidate("A", 300_000, 1), new Candidate("C", 400_000, 2),
                new Candidate("B", 300_000, 3), new Candidate("D", 240_000, 4), new Candidate("E", 170_000, 5),
                new Candidate("F", 100_000, 6)), List.of(new Electorate("voters", 100, List.of(Set.of("A"),
                Set.of("A", "C", "B", "E"), Set.of("A", "C", "B"), Set.of("A", "C", "B"), Set.of("A", "C", "B"),
                Set.of("A", "C", "F"), Set.of("D", "E"), Set.of("D", "E"), Set.of("D", "E", "F"), Set.of("B", "D", "F")))));
        for (SelectionRule rule : SelectionRule.values()) {
            List<String> outcome = rule.select(election).selected();
            assertEquals(Enumeration.of(election, outcome), statuses(check(election, outcome)), rule + " " + outcome);
        }
        // An outcome that forgets the D-E voters (30% of the voters, D + E = 41% of the budget is too much, D alone 24%
        // is not): {A, C, B} leaves the three of them with nothing although they could pay for D.
        JustifiedRepresentation.Report report = check(election, List.of("A", "C", "B"));
        assertEquals(Status.VIOLATED, report.ejr().status());
        assertTrue(Set.of(List.of("D"), List.of("E")).contains(report.ejr().witness().projects()),
                report.ejr().witness().projects().toString());
        assertEquals(3, report.ejr().witness().voters());
        assertEquals(Enumeration.of(election, List.of("A", "C", "B")), statuses(report));
    }

    private static List<Status> statuses(JustifiedRepresentation.Report report) {
        return List.of(report.ejr().status(), report.ejrUpToOne().status(), report.pjr().status());
    }

    @Test
    void randomElectionsAgreeWithPabutoolsEnumeration() {
        // Up to 6 projects and 8 voters in one or two weighted electorates; every outcome of every rule and a random
        // outcome within the budget, compared with the enumeration of every group and every project set.
        Random random = new Random(22);
        int violated = 0;
        for (int trial = 0; trial < 400; trial++) {
            int projects = 2 + random.nextInt(5);
            List<Candidate> candidates = new ArrayList<>();
            for (int p = 0; p < projects; p++) {
                candidates.add(new Candidate("p" + p, 1 + random.nextInt(40), p));
            }
            List<Electorate> electorates = new ArrayList<>();
            int two = random.nextInt(2);
            int weight = two == 0 ? 100 : 10 + random.nextInt(81);
            electorates.add(new Electorate("a", weight, ballots(random, projects, 1 + random.nextInt(two == 0 ? 8 : 5))));
            if (two == 1) {
                electorates.add(new Electorate("b", 100 - weight, ballots(random, projects, 1 + random.nextInt(4))));
            }
            Election election = new Election(20 + random.nextInt(80), candidates, electorates);
            List<List<String>> outcomes = new ArrayList<>();
            for (SelectionRule rule : SelectionRule.values()) {
                outcomes.add(rule.select(election).selected());
            }
            List<String> any = new ArrayList<>();
            long spent = 0;
            for (Candidate c : candidates) {
                if (random.nextBoolean() && spent + c.cost() <= election.budget()) {
                    any.add(c.key());
                    spent += c.cost();
                }
            }
            outcomes.add(any);
            for (List<String> outcome : outcomes) {
                List<Status> expected = Enumeration.of(election, outcome);
                assertEquals(expected, statuses(check(election, outcome)), "trial " + trial + " " + election + " " + outcome);
                if (expected.get(0) == Status.VIOLATED) {
                    violated++;
                }
            }
        }
        assertTrue(violated > 100, "the random elections must exercise violations, not only satisfied outcomes: " + violated);
    }

    private static List<Set<String>> ballots(Random random, int projects, int voters) {
        List<Set<String>> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            Set<String> ballot = new HashSet<>();
            for (int p = 0; p < projects; p++) {
                if (random.nextInt(3) == 0) {
                    ballot.add("p" + p);
                }
            }
            ballots.add(ballot);
        }
        return ballots;
    }

    /**
     * pabutools' is_EJR_approval, is_EJR_one_approval and is_PJR_approval with Cost_Sat, written out as they are: every
     * non-empty group of voters with every non-empty set of projects (cohesiveness.cohesive_groups), a voter of
     * electorate e weighing weight(e) ÷ (100 × its voters).
     */
    private static final class Enumeration {
        static List<Status> of(Election election, List<String> outcome) {
            List<Set<String>> voters = new ArrayList<>();
            List<BigFraction> weights = new ArrayList<>();
            for (Electorate e : election.electorates()) {
                for (Set<String> ballot : e.ballots()) {
                    voters.add(ballot);
                    weights.add(BigFraction.of(e.weight(), 100L * e.ballots().size()));
                }
            }
            List<Candidate> projects = election.candidates();
            boolean ejr = true;
            boolean ejr1 = true;
            boolean pjr = true;
            for (int group = 1; group < 1 << voters.size(); group++) {
                for (int set = 1; set < 1 << projects.size(); set++) {
                    long cost = 0;
                    long missing = 0;
                    boolean common = true;
                    for (int p = 0; p < projects.size(); p++) {
                        if ((set >> p & 1) == 0) {
                            continue;
                        }
                        Candidate c = projects.get(p);
                        cost += c.cost();
                        if (!outcome.contains(c.key())) {
                            missing = Math.max(missing, c.cost());
                        }
                        for (int v = 0; v < voters.size(); v++) {
                            if ((group >> v & 1) == 1 && !voters.get(v).contains(c.key())) {
                                common = false;
                            }
                        }
                    }
                    BigFraction share = BigFraction.ZERO;
                    for (int v = 0; v < voters.size(); v++) {
                        if ((group >> v & 1) == 1) {
                            share = share.add(weights.get(v));
                        }
                    }
                    if (!common || share.compareTo(BigFraction.of(cost, election.budget())) < 0) {
                        continue;
                    }
                    boolean someone = false;
                    boolean someone1 = false;
                    Set<String> approvedAdopted = new HashSet<>();
                    for (int v = 0; v < voters.size(); v++) {
                        if ((group >> v & 1) == 0) {
                            continue;
                        }
                        long got = 0;
                        for (Candidate c : projects) {
                            if (outcome.contains(c.key()) && voters.get(v).contains(c.key())) {
                                got += c.cost();
                                approvedAdopted.add(c.key());
                            }
                        }
                        someone |= got >= cost;
                        someone1 |= got + missing >= cost;
                    }
                    long together = projects.stream().filter(c -> approvedAdopted.contains(c.key())).mapToLong(Candidate::cost).sum();
                    ejr &= someone;
                    ejr1 &= someone1;
                    pjr &= together >= cost;
                }
            }
            return List.of(ejr ? Status.SATISFIED : Status.VIOLATED, ejr1 ? Status.SATISFIED : Status.VIOLATED,
                    pjr ? Status.SATISFIED : Status.VIOLATED);
        }
    }

    @Test
    void aSearchBeyondItsBoundSaysNotCheckedAndKeepsAWitnessFoundBefore() {
        Election election = minority();
        JustifiedRepresentation.Report tiny = JustifiedRepresentation.check(election, Set.of("A1", "A2", "B"), 3, WorkLimit.CYCLE);
        assertEquals(Status.NOT_CHECKED, tiny.ejr().status());
        assertTrue(tiny.ejr().reason().startsWith("not checked: too large"), tiny.ejr().reason());
        assertNull(tiny.ejr().witness());
    }

    @Test
    void aDeadlineMetWhileGroupingTheBallotsSaysNotCheckedInsteadOfFailing() {
        // A million-voter file takes seconds to group before any search; a simulation whose deadline passes there gets
        // its outcome with the checks NOT_CHECKED, not an error (the deadline is checked every 65,536 ballots).
        Election large = new Election(100, List.of(new Candidate("A", 10, 1)),
                List.of(new Electorate("voters", 100, times(70_000, Set.of("A")))));
        JustifiedRepresentation.Report late = JustifiedRepresentation.check(large, Set.of("A"), JustifiedRepresentation.MAX_WORK,
                WorkLimit.of(java.time.Duration.ofSeconds(10), java.time.Duration.ZERO, 100));
        for (JustifiedRepresentation.Check c : List.of(late.ejr(), late.ejrUpToOne(), late.pjr())) {
            assertEquals(Status.NOT_CHECKED, c.status());
            assertTrue(c.reason().startsWith("the check stopped at this computation's time bound"), c.reason());
        }
        assertEquals(Status.SATISFIED, check(large, List.of("A")).ejr().status());
    }

    @Test
    void weightedChannelsCountByTheirWeight() {
        // 2 committee members weighted 50% against 8 residents weighted 50%: the committee alone is half of the
        // weight, so it is cohesive with its project C (50 of 100) although it is 2 of 10 voters; residents' R1, R2
        // (30 each) fill 60. Greedy by score adopts R1 (score 50), R2 (50), and C (50) no longer fits: EJR fails with
        // the committee as witness; per electorate residents decided 60, the committee nothing.
        Election election = new Election(100, List.of(new Candidate("R1", 30, 1), new Candidate("R2", 30, 2),
                new Candidate("C", 50, 3)), List.of(new Electorate("residents", 50, times(8, Set.of("R1", "R2"))),
                new Electorate("committee", 50, times(2, Set.of("C")))));
        Selection greedy = RankedGreedy.select(election);
        assertEquals(List.of("R1", "R2"), greedy.selected());
        JustifiedRepresentation.Report report = check(election, greedy.selected());
        assertEquals(Status.VIOLATED, report.ejr().status());
        assertEquals(List.of(0L, 2L), List.of(report.ejr().witness().votersPerElectorate()[0],
                report.ejr().witness().votersPerElectorate()[1]));
        assertEquals(BigFraction.of(1, 2), report.ejr().witness().groupShare());
        List<Proportionality.ElectorateShare> shares = Proportionality.shares(election, greedy);
        assertEquals(60, shares.get(0).decidedAmount());
        assertEquals(0, shares.get(1).decidedAmount());
        // Equal Shares honours the weights: the committee holds 50 and buys C; residents buy R1 (and R2 does not fit).
        Selection mes = SelectionRule.EQUAL_SHARES.select(election);
        assertTrue(mes.isSelected("C"));
        assertEquals(Status.SATISFIED, check(election, mes.selected()).ejr().status());
        List<Proportionality.ElectorateShare> mesShares = Proportionality.shares(election, mes);
        assertEquals(50, mesShares.get(1).decidedAmount());
        assertEquals(30, mesShares.get(0).decidedAmount());
    }

    @Test
    void warsawPragaPoludnie2020() throws IOException {
        // The real file (134 projects, 14,897 voters): both outcomes are checked exactly within the bound. The official
        // outcome (greedy, the file's selected column) fails EJR and PJR: the 65 voters who approve project 1799 (24,100 zł)
        // are 65/14,897 of the voters, more than its 24,100/5,900,907 of the budget, and the best-off of them got
        // adopted projects worth 18,000. EJR up to one project holds. Equal Shares' outcome satisfies all three.
        PabulibFile file = PabulibReader.read(Files.newBufferedReader(SharedPabulib.file(SharedPabulib.WARSAW),
                StandardCharsets.UTF_8));
        Election election = Simulation.election(file);
        for (SelectionRule rule : List.of(SelectionRule.RANKED_GREEDY, SelectionRule.EQUAL_SHARES)) {
            Selection selection = rule.select(election);
            long started = System.nanoTime();
            JustifiedRepresentation.Report report = check(election, selection.selected());
            System.out.printf("Warsaw %s: EJR %s, EJR-1 %s, PJR %s, %d steps, %d ms%n", rule, report.ejr().status(),
                    report.ejrUpToOne().status(), report.pjr().status(), report.work(), (System.nanoTime() - started) / 1_000_000);
            if (report.ejr().witness() != null) {
                System.out.println("  witness " + report.ejr().witness());
            }
            if (rule == SelectionRule.RANKED_GREEDY) {
                assertEquals(List.of(Status.VIOLATED, Status.SATISFIED, Status.VIOLATED), statuses(report));
                assertEquals(List.of("1799"), report.ejr().witness().projects());
                assertEquals(65, report.ejr().witness().voters());
                assertEquals(18_000, report.ejr().witness().got());
            } else {
                assertEquals(List.of(Status.SATISFIED, Status.SATISFIED, Status.SATISFIED), statuses(report));
            }
            assertTrue(report.work() < JustifiedRepresentation.MAX_WORK);
        }
    }
}
