package kr.chamyeo.governance.sortition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The LEXIMIN selection algorithm of Flanigan, Gölz, Gupta, Hennig and Procaccia ("Fair algorithms for
 * selecting citizens' assemblies", Nature 596, 2021), structured like the reference implementation
 * ({@code leximin.py} of sortitionfoundation/stratification): among all probability distributions over
 * quota-satisfying panels, maximise the lowest selection probability; fix the volunteers who cannot do
 * better than that, maximise the lowest probability of the others, and so on until everyone is fixed. A last
 * LP then finds a distribution over the panels generated on the way that gives everyone the fixed value.
 * <p>
 * Each stage is column generation. Its dual LP over the known panels P has weights y_i ≥ 0 on volunteers,
 * Σ_{unfixed} y_i = 1 and a cap ŷ ≥ Σ_{i∈P} y_i per panel, and minimises ŷ − Σ_{fixed} p_i·y_i. The pricing
 * integer programme looks for a valid panel heavier than ŷ; if there is one it becomes a new column, if not
 * the known panels support an optimal stage solution, the optimum is the dual objective, and every unfixed
 * volunteer with y_i &gt; 0 is fixed at it (complementary slackness: its constraint binds in every optimal
 * primal solution). Σ_{unfixed} y_i = 1 guarantees at least one volunteer is fixed per stage.
 * <p>
 * Panels are handled up to symmetry ({@link VolunteerTypes}): a column is a composition, seats per type, and
 * a volunteer of type t on a composition c is selected with probability c_t / n_t. Plain {@link
 * Fairness#MAXIMIN} stops after the first stage and fixes everyone at its value.
 */
public class LeximinSolver {

    public enum Fairness { LEXIMIN, MAXIMIN }

    /** A panel improves the dual only if heavier than the cap by more than this. */
    private static final double EPS = 1e-7;
    /** Dual weights above this mark a volunteer as bound at the stage's optimum. */
    private static final double FIX_EPS = 1e-6;
    /**
     * Fixed values are lowered by this much, so that LP round-off can never make later stages infeasible
     * (an infeasible primal would make the next dual unbounded).
     */
    private static final double FIX_MARGIN = 1e-9;

    private static final long LP_TIME_LIMIT_MILLIS = 5_000;

    private final Fairness fairness;
    private final long budgetNanos;

    /**
     * Column generation stops after {@code budget}: every volunteer still unfixed is then fixed at the current
     * stage's value, which the known panels already reach, so the distribution stays valid but may fall short
     * of the optimum.
     */
    public LeximinSolver(Fairness fairness, Duration budget) {
        this.fairness = fairness;
        this.budgetNanos = budget.toNanos();
    }

    public LeximinSolver() {
        this(Fairness.LEXIMIN, Duration.ofSeconds(60));
    }

    public PanelDistribution solve(SortitionProblem problem) {
        long started = System.nanoTime();
        int n = problem.pool().size();
        int k = problem.panelSize();
        if (k > n) {
            throw new InfeasibleQuotasException("the pool has " + n + " volunteers, fewer than the panel size " + k, List.of());
        }
        VolunteerTypes types = new VolunteerTypes(problem);
        int m = types.count();
        Columns columns = new Columns();
        double[] fixed = new double[m];
        boolean[] isFixed = new boolean[m];
        int unfixed = m;

        // Initial columns cover as many types as possible; types no valid panel reaches are fixed at 0.
        boolean[] covered = new boolean[m];
        while (true) {
            double[] weights = new double[m];
            for (int t = 0; t < m; t++) {
                weights[t] = covered[t] ? 0 : 1;
            }
            Optional<int[]> found = types.best(problem.quotas(), weights);
            if (found.isEmpty()) {
                if (columns.isEmpty()) {
                    throw new InfeasibleQuotasException("no panel of " + k + " meets every quota",
                            new QuotaConflicts(k, problem.quotas(), q -> types.best(q, null).isPresent()).minimalConflict());
                }
                break;
            }
            int fresh = 0;
            for (int t = 0; t < m; t++) {
                if (found.get()[t] > 0 && !covered[t]) {
                    covered[t] = true;
                    fresh++;
                }
            }
            columns.add(found.get());
            if (fresh == 0) {
                break;
            }
        }
        for (int t = 0; t < m; t++) {
            if (!covered[t]) {
                isFixed[t] = true;
                unfixed--;
            }
        }

        int rounds = 0;
        double level = 0;
        while (unfixed > 0) {
            Stage stage = null;
            while (true) {
                rounds++;
                Stage solved = dual(types, columns.all(), fixed, isFixed);
                if (solved == null) {
                    // No trustworthy duals: fix everyone left at the best value this stage has proven, or else the
                    // previous level; the final LP's slack absorbs any shortfall.
                    stage = stage == null ? new Stage(new double[m], 0, level + FIX_MARGIN, true) : stage.fixingEveryone();
                    break;
                }
                stage = solved;
                boolean outOfTime = System.nanoTime() - started > budgetNanos;
                double[] price = new double[m];
                for (int t = 0; t < m; t++) {
                    price[t] = stage.y[t] / types.size(t);
                }
                if (outOfTime) {
                    stage = stage.fixingEveryone();
                    break;
                }
                Optional<int[]> candidate = types.best(problem.quotas(), price);
                if (candidate.isEmpty()) {
                    // The integer programme hit its time limit without a panel; keep what the known panels reach.
                    stage = stage.fixingEveryone();
                    break;
                }
                if (weight(candidate.get(), price) <= stage.cap + EPS || !columns.add(candidate.get())) {
                    // No panel beats the cap (a repeated column means the same, up to round-off).
                    break;
                }
            }
            boolean everyone = stage.fixEveryone || fairness == Fairness.MAXIMIN;
            double value = Math.max(0, stage.objective - FIX_MARGIN);
            level = value;
            for (int t = 0; t < m; t++) {
                if (!isFixed[t] && (everyone || stage.y[t] > FIX_EPS)) {
                    isFixed[t] = true;
                    fixed[t] = value;
                    unfixed--;
                }
            }
        }
        return distribution(problem, types, columns.all(), fixed, covered, rounds);
    }

    private static double weight(int[] composition, double[] price) {
        double weight = 0;
        for (int t = 0; t < composition.length; t++) {
            weight += composition[t] * price[t];
        }
        return weight;
    }

    /** The known columns, without repeats. */
    private static final class Columns {
        private final List<int[]> list = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        boolean add(int[] composition) {
            if (!seen.add(Arrays.toString(composition))) {
                return false;
            }
            list.add(composition);
            return true;
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        List<int[]> all() {
            return list;
        }
    }

    private record Stage(double[] y, double cap, double objective, boolean fixEveryone) {
        Stage fixingEveryone() {
            return new Stage(y, cap, objective, true);
        }
    }

    /**
     * The stage's dual LP over the known compositions, or null if the simplex did not reach a proven optimum
     * (it can stall on these highly degenerate LPs); the caller then keeps what it has.
     */
    private static Stage dual(VolunteerTypes types, List<int[]> columns, double[] fixed, boolean[] isFixed) {
        int m = types.count();
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        lp.options.time_abort = LP_TIME_LIMIT_MILLIS;
        Variable cap = lp.addVariable("cap").lower(0).weight(1);
        Variable[] y = new Variable[m];
        Expression unfixedSum = lp.addExpression("unfixed").level(1);
        for (int t = 0; t < m; t++) {
            y[t] = lp.addVariable("y" + t).lower(0).weight(isFixed[t] ? -fixed[t] : 0);
            if (!isFixed[t]) {
                unfixedSum.set(y[t], 1);
            }
        }
        for (int j = 0; j < columns.size(); j++) {
            Expression e = lp.addExpression("panel" + j).upper(0);
            e.set(cap, -1);
            int[] c = columns.get(j);
            for (int t = 0; t < m; t++) {
                if (c[t] > 0) {
                    e.set(y[t], (double) c[t] / types.size(t));
                }
            }
        }
        Optimisation.Result result = lp.minimise();
        if (!result.getState().isOptimal()) {
            return null;
        }
        double[] weights = new double[m];
        for (int t = 0; t < m; t++) {
            weights[t] = Math.max(0, y[t].getValue().doubleValue());
        }
        double top = cap.getValue().doubleValue();
        double objective = top;
        for (int t = 0; t < m; t++) {
            if (isFixed[t]) {
                objective -= fixed[t] * weights[t];
            }
        }
        return new Stage(weights, top, objective, false);
    }

    /**
     * The last LP (as in the reference): a distribution over the known compositions giving every type at least
     * its fixed probability minus ε, with ε minimised; ε is zero up to round-off.
     */
    private static PanelDistribution distribution(SortitionProblem problem, VolunteerTypes types, List<int[]> columns,
                                                  double[] fixed, boolean[] covered, int rounds) {
        int m = types.count();
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        Variable slack = lp.addVariable("eps").lower(0).weight(1);
        Variable[] x = new Variable[columns.size()];
        Expression sum = lp.addExpression("sum").level(1);
        for (int j = 0; j < x.length; j++) {
            x[j] = lp.addVariable("x" + j).lower(0);
            sum.set(x[j], 1);
        }
        for (int t = 0; t < m; t++) {
            if (fixed[t] <= 0) {
                continue;
            }
            Expression e = lp.addExpression("type" + t).lower(fixed[t]);
            e.set(slack, 1);
            for (int j = 0; j < x.length; j++) {
                if (columns.get(j)[t] > 0) {
                    e.set(x[j], (double) columns.get(j)[t] / types.size(t));
                }
            }
        }
        Optimisation.Result result = lp.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("leximin final LP failed: " + result.getState());
        }
        double[] weights = new double[x.length];
        double total = 0;
        for (int j = 0; j < x.length; j++) {
            double w = Math.min(1, x[j].getValue().doubleValue());
            weights[j] = w < 1e-9 ? 0 : w;
            total += weights[j];
        }
        List<List<String>> typeMembers = new ArrayList<>();
        for (int t = 0; t < m; t++) {
            typeMembers.add(Arrays.stream(types.members(t)).mapToObj(i -> problem.pool().get(i).id()).toList());
        }
        List<List<Integer>> kept = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        double[] perType = new double[m];
        for (int j = 0; j < x.length; j++) {
            if (weights[j] == 0) {
                continue;
            }
            double p = weights[j] / total;
            int[] c = columns.get(j);
            for (int t = 0; t < m; t++) {
                perType[t] += p * c[t] / types.size(t);
            }
            kept.add(Arrays.stream(c).boxed().toList());
            probabilities.add(p);
        }
        Map<String, Double> byId = new LinkedHashMap<>();
        double[] perVolunteer = new double[problem.pool().size()];
        for (int t = 0; t < m; t++) {
            for (int i : types.members(t)) {
                perVolunteer[i] = perType[t];
            }
        }
        List<String> unselectable = new ArrayList<>();
        double minimum = 1;
        boolean[] volunteerCovered = new boolean[perVolunteer.length];
        for (int t = 0; t < m; t++) {
            for (int i : types.members(t)) {
                volunteerCovered[i] = covered[t];
            }
        }
        for (int i = 0; i < perVolunteer.length; i++) {
            String id = problem.pool().get(i).id();
            byId.put(id, perVolunteer[i]);
            if (volunteerCovered[i]) {
                minimum = Math.min(minimum, perVolunteer[i]);
            } else {
                unselectable.add(id);
            }
        }
        return new PanelDistribution(typeMembers, kept, probabilities, byId, minimum, unselectable, rounds);
    }
}
