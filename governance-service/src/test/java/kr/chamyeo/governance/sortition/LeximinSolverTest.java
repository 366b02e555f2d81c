package kr.chamyeo.governance.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeximinSolverTest {

    private static List<Volunteer> pool;
    private static SortitionProblem jury;
    private static PanelDistribution distribution;

    @BeforeAll
    static void solveSeedJury() {
        // Seed 004: 40 people = 35 jurors + 5 reserves from 200–300 volunteers, proportional by sex, age band and area.
        pool = Pools.jury(250, 4);
        jury = new SortitionProblem(pool, 35, Pools.juryQuotas(35), false);
        long start = System.nanoTime();
        distribution = new LeximinSolver().solve(jury);
        System.out.printf("jury: %d compositions, %d rounds, min %.4f, %d ms%n", distribution.compositions().size(),
                distribution.columnGenerationRounds(), distribution.minimumProbability(), (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void everyPanelInTheDistributionMeetsEveryQuota() {
        assertFalse(distribution.compositions().isEmpty());
        double total = distribution.probabilities().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, total, 1e-9);
        Map<String, Volunteer> byId = new HashMap<>();
        pool.forEach(v -> byId.put(v.id(), v));
        for (List<String> panel : panels(distribution)) {
            assertEquals(35, panel.size());
            assertEquals(35, new HashSet<>(panel).size());
            for (Quota q : jury.quotas()) {
                long count = panel.stream().filter(id -> q.value().equals(byId.get(id).features().get(q.feature()))).count();
                assertTrue(count >= q.min() && count <= q.max(), q + " broken with " + count);
            }
        }
    }

    /** One seating of every composition (the seats inside a type do not matter to quotas or households). */
    static List<List<String>> panels(PanelDistribution d) {
        List<List<String>> panels = new java.util.ArrayList<>();
        for (int j = 0; j < d.compositions().size(); j++) {
            panels.add(Lottery.seat(d, j, Lottery.newSeed()));
        }
        return panels;
    }

    @Test
    void selectionProbabilitiesAddUpToThePanelSizeAndTheMinimumIsRaised() {
        double sum = distribution.selectionProbabilities().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(35, sum, 1e-6);
        // The minimum can never exceed the rarest quota's seats over its pool count (e.g. min seats of
        // an over-subscribed group spread over everyone in it): check the solver reached a positive share
        // near that bound rather than a degenerate 0.
        assertTrue(distribution.unselectable().isEmpty());
        assertTrue(distribution.minimumProbability() > 0.05, "minimum " + distribution.minimumProbability());
        double bound = 1;
        for (Quota q : jury.quotas()) {
            long members = pool.stream().filter(v -> q.value().equals(v.features().get(q.feature()))).count();
            bound = Math.min(bound, (double) q.max() / members);
        }
        assertTrue(distribution.minimumProbability() <= bound + 1e-6);
        for (double p : distribution.selectionProbabilities().values()) {
            assertTrue(p >= distribution.minimumProbability() - 1e-6);
        }
    }

    @Test
    void measuredFrequenciesOverManyDrawsMatchTheReportedProbabilities() {
        int draws = 2000;
        Map<String, Integer> hits = new HashMap<>();
        for (int d = 0; d < draws; d++) {
            Lottery.Draw draw = Lottery.draw(jury, distribution, Lottery.newSeed(), 0);
            draw.selected().forEach(id -> hits.merge(id, 1, Integer::sum));
        }
        double worst = 0;
        for (Map.Entry<String, Double> e : distribution.selectionProbabilities().entrySet()) {
            double measured = hits.getOrDefault(e.getKey(), 0) / (double) draws;
            worst = Math.max(worst, Math.abs(measured - e.getValue()));
        }
        // 2,000 draws: one standard error is at most ~0.011, so 0.05 is > 4.5 σ for every volunteer.
        assertTrue(worst < 0.05, "largest deviation " + worst);
    }

    @Test
    void sameSeedSamePanelAndReserves() {
        String seed = Lottery.newSeed();
        Lottery.Draw a = Lottery.draw(jury, distribution, seed, 5);
        Lottery.Draw b = Lottery.draw(jury, distribution, seed, 5);
        assertEquals(a, b);
        assertEquals(5, a.reserves().size());
        Set<String> overlap = new HashSet<>(a.selected());
        overlap.retainAll(a.reserves());
        assertTrue(overlap.isEmpty());
        assertEquals(64, Lottery.commitment(seed).length());
    }

    @Test
    void councilRuleSexAtMost60PercentAndAtLeast15PercentInTheirFortiesOrYounger() {
        // Autonomy councils (seed 002/DOMAIN): no sex above 60%, at least 15% in their forties or younger (under 50); pool of 300.
        java.util.Random random = new java.util.Random(7);
        List<Volunteer> council = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            council.add(new Volunteer("c" + i, Map.of("sex", random.nextDouble() < 0.7 ? "M" : "F",
                    "fortiesOrYounger", random.nextDouble() < 0.1 ? "true" : "false"), i % 10 == 0 ? "h" + (i / 20) : null));
        }
        int seats = 30;
        List<Quota> quotas = List.of(new Quota("sex", "F", 0, 18), new Quota("sex", "M", 0, 18),
                new Quota("fortiesOrYounger", "true", 5, 30));
        SortitionProblem problem = new SortitionProblem(council, seats, quotas, true);
        PanelDistribution d = new LeximinSolver().solve(problem);
        for (List<String> panel : panels(d)) {
            Set<String> ids = new HashSet<>(panel);
            long women = council.stream().filter(v -> ids.contains(v.id()) && v.features().get("sex").equals("F")).count();
            long young = council.stream().filter(v -> ids.contains(v.id()) && v.features().get("fortiesOrYounger").equals("true")).count();
            Set<String> households = new HashSet<>();
            council.stream().filter(v -> ids.contains(v.id()) && v.household() != null)
                    .forEach(v -> assertTrue(households.add(v.household()), "two from household " + v.household()));
            assertTrue(women <= 18 && seats - women <= 18);
            assertTrue(young >= 5);
        }
    }

    @Test
    void infeasibleQuotasAreNamed() {
        List<Quota> quotas = new java.util.ArrayList<>(Pools.juryQuotas(35));
        // Ask for more people in their 20s than the pool holds while keeping every other quota.
        long twenties = pool.stream().filter(v -> v.features().get("ageBand").equals("20대이하")).count();
        quotas.add(new Quota("ageBand", "20대이하", (int) twenties + 1, 35));
        InfeasibleQuotasException e = assertThrows(InfeasibleQuotasException.class,
                () -> new LeximinSolver().solve(new SortitionProblem(pool, 35, quotas, false)));
        assertEquals(List.of("ageBand=20대이하 min " + (twenties + 1)), e.conflicting());

        List<Quota> clash = List.of(new Quota("sex", "F", 20, 35), new Quota("sex", "M", 20, 35), new Quota("area", "가선거구", 0, 10));
        InfeasibleQuotasException e2 = assertThrows(InfeasibleQuotasException.class,
                () -> new LeximinSolver().solve(new SortitionProblem(pool, 35, clash, false)));
        assertEquals(List.of("sex=F min 20", "sex=M min 20"), e2.conflicting());
    }

    @Test
    void leximinRaisesTheProbabilitiesAboveTheLowestLevelWhereMaximinLeavesThemLow() {
        // By hand: 2 seats, exactly one from group A (4 people), the other seat from B (1 person) or C (2 people).
        // Every A member has 1/4 whatever happens, so maximin is 1/4 and is reached by any weight q ∈ [1/4, 1/2]
        // on "A + the B member". LEXIMIN then maximises min(q, (1 − q)/2): q = 1/3, so B and both C members 1/3.
        List<Volunteer> pool = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pool.add(new Volunteer("a" + i, Map.of("group", "A"), null));
        }
        pool.add(new Volunteer("b0", Map.of("group", "B"), null));
        pool.add(new Volunteer("c0", Map.of("group", "C"), null));
        pool.add(new Volunteer("c1", Map.of("group", "C"), null));
        SortitionProblem problem = new SortitionProblem(pool, 2, List.of(new Quota("group", "A", 1, 1)), false);

        PanelDistribution leximin = new LeximinSolver().solve(problem);
        PanelDistribution maximin = new LeximinSolver(LeximinSolver.Fairness.MAXIMIN, java.time.Duration.ofSeconds(10)).solve(problem);
        for (int i = 0; i < 4; i++) {
            assertEquals(0.25, leximin.selectionProbabilities().get("a" + i), 1e-6);
            assertEquals(0.25, maximin.selectionProbabilities().get("a" + i), 1e-6);
        }
        for (String id : List.of("b0", "c0", "c1")) {
            assertEquals(1.0 / 3, leximin.selectionProbabilities().get(id), 1e-6, id);
        }
        assertEquals(0.25, leximin.minimumProbability(), 1e-6);
        assertEquals(0.25, maximin.minimumProbability(), 1e-6);
        // Maximin's other optima all leave someone outside A below 1/3 (q = 1/3 is the only exception).
        double maximinOutsideA = java.util.stream.Stream.of("b0", "c0", "c1")
                .mapToDouble(id -> maximin.selectionProbabilities().get(id)).min().orElseThrow();
        assertTrue(maximinOutsideA < 1.0 / 3 - 1e-6, "maximin's lowest outside A " + maximinOutsideA);
        assertTrue(lexicographicallyAbove(sorted(leximin), sorted(maximin)));
    }

    @Test
    void leximinMatchesABruteForceOverEveryPanelOfSmallPools() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 4; round++) {
            List<Volunteer> pool = new java.util.ArrayList<>();
            for (int i = 0; i < 9; i++) {
                // Household pairs (0,1) and (4,5) make those volunteers types of their own.
                String household = i < 2 ? "h0" : (i == 4 || i == 5) ? "h1" : null;
                pool.add(new Volunteer("v" + i, Map.of("sex", random.nextDouble() < 0.6 ? "M" : "F",
                        "age", Pools.AGE_BANDS[random.nextInt(3)]), household));
            }
            List<Quota> quotas = List.of(new Quota("sex", "F", 1, 2), new Quota("sex", "M", 1, 2),
                    new Quota("age", Pools.AGE_BANDS[0], 1, 3));
            SortitionProblem problem = new SortitionProblem(pool, 3, quotas, round % 2 == 0);
            List<int[]> panels = BruteForceLeximin.panels(problem);
            if (panels.isEmpty()) {
                continue;
            }
            double[] expected = BruteForceLeximin.probabilities(panels, pool.size());
            PanelDistribution d = new LeximinSolver().solve(problem);
            for (int i = 0; i < pool.size(); i++) {
                assertEquals(expected[i], d.selectionProbabilities().get(pool.get(i).id()), 1e-5, "round " + round + " v" + i);
            }
            double[] maximin = sorted(new LeximinSolver(LeximinSolver.Fairness.MAXIMIN, java.time.Duration.ofSeconds(10)).solve(problem));
            assertEquals(sorted(d)[0], maximin[0], 1e-6);
            assertTrue(!lexicographicallyAbove(maximin, sorted(d)), "maximin above leximin in round " + round);
        }
    }

    private static double[] sorted(PanelDistribution d) {
        return d.selectionProbabilities().values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** {@code a} comes strictly after {@code b} in leximin order (first difference beyond round-off is upward). */
    private static boolean lexicographicallyAbove(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-6) {
                return a[i] > b[i];
            }
        }
        return false;
    }
}
