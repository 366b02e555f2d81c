package kr.chamyeo.governance.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The maximin selection algorithm of Flanigan, Gölz, Gupta, Hennig and Procaccia ("Fair algorithms for
 * selecting citizens' assemblies", Nature 596, 2021): among all probability distributions over panels that
 * meet every quota, find one that makes the least likely volunteer as likely as possible.
 * <p>
 * There are astronomically many panels, so the distribution is found by column generation: the dual LP
 * (weights y_i ≥ 0 on volunteers summing to 1, minimise the heaviest known panel's weight) is solved over
 * the panels known so far, then the panel MIP looks for a valid panel heavier than that; if one exists it is
 * added and the LP solved again, otherwise the known panels already contain an optimal distribution, which
 * the primal LP then computes. Volunteers whom no valid panel can contain are left out of the minimum (their
 * probability is necessarily 0) and reported.
 */
public class MaximinSolver {

    private static final double EPS = 1e-6;
    private static final int MAX_ROUNDS = 400;

    private final long budgetNanos;

    /** Column generation stops after {@code budget}; the distribution is then valid but may fall short of the optimum. */
    public MaximinSolver(java.time.Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    public MaximinSolver() {
        this(java.time.Duration.ofSeconds(60));
    }

    public PanelDistribution solve(SortitionProblem problem) {
        long started = System.nanoTime();
        List<Volunteer> pool = problem.pool();
        int n = pool.size();
        int k = problem.panelSize();
        if (k > n) {
            throw new InfeasibleQuotasException("the pool has " + n + " volunteers, fewer than the panel size " + k, List.of());
        }
        PanelModel model = new PanelModel(pool, problem.onePerHousehold());
        List<int[]> panels = new ArrayList<>();
        Set<String> known = new HashSet<>();

        // Cover as many volunteers as possible with valid panels; those never covered cannot be selected.
        boolean[] covered = new boolean[n];
        while (true) {
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = covered[i] ? 0 : 1;
            }
            var found = model.best(k, problem.quotas(), weights, null);
            if (found.isEmpty()) {
                if (panels.isEmpty()) {
                    throw new InfeasibleQuotasException("no panel of " + k + " meets every quota",
                            new QuotaConflicts(model, k, problem.quotas()).minimalConflict());
                }
                break;
            }
            int fresh = 0;
            for (int i : found.get()) {
                if (!covered[i]) {
                    covered[i] = true;
                    fresh++;
                }
            }
            if (known.add(Arrays.toString(found.get()))) {
                panels.add(found.get());
            }
            if (fresh == 0) {
                break;
            }
        }
        int[] coverable = java.util.stream.IntStream.range(0, n).filter(i -> covered[i]).toArray();

        int rounds = 0;
        while (rounds < MAX_ROUNDS && System.nanoTime() - started < budgetNanos) {
            rounds++;
            double[] y = new double[n];
            double heaviest = solveDual(coverable, panels, y);
            var candidate = model.best(k, problem.quotas(), y, null);
            if (candidate.isEmpty()) {
                break;
            }
            double weight = 0;
            for (int i : candidate.get()) {
                weight += y[i];
            }
            if (weight <= heaviest + EPS || !known.add(Arrays.toString(candidate.get()))) {
                break;
            }
            panels.add(candidate.get());
        }
        return primal(problem, coverable, panels, rounds);
    }

    /** Dual LP over the known panels; fills {@code y} and returns the heaviest panel's weight. */
    private static double solveDual(int[] coverable, List<int[]> panels, double[] y) {
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        Variable top = lp.addVariable("yhat").weight(1);
        Map<Integer, Variable> vars = new LinkedHashMap<>();
        Expression sum = lp.addExpression("sum").level(1);
        for (int i : coverable) {
            Variable v = lp.addVariable("y" + i).lower(0);
            vars.put(i, v);
            sum.set(v, 1);
        }
        for (int j = 0; j < panels.size(); j++) {
            Expression e = lp.addExpression("p" + j).upper(0);
            e.set(top, -1);
            for (int i : panels.get(j)) {
                Variable v = vars.get(i);
                if (v != null) {
                    e.set(v, 1);
                }
            }
        }
        Optimisation.Result result = lp.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("dual LP failed: " + result.getState());
        }
        Arrays.fill(y, 0);
        for (Map.Entry<Integer, Variable> entry : vars.entrySet()) {
            y[entry.getKey()] = Math.max(0, entry.getValue().getValue().doubleValue());
        }
        return top.getValue().doubleValue();
    }

    private static PanelDistribution primal(SortitionProblem problem, int[] coverable, List<int[]> panels, int rounds) {
        List<Volunteer> pool = problem.pool();
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        Variable z = lp.addVariable("z").weight(1);
        Variable[] p = new Variable[panels.size()];
        Expression sum = lp.addExpression("sum").level(1);
        for (int j = 0; j < p.length; j++) {
            p[j] = lp.addVariable("p" + j).lower(0);
            sum.set(p[j], 1);
        }
        Map<Integer, Expression> perVolunteer = new LinkedHashMap<>();
        for (int i : coverable) {
            Expression e = lp.addExpression("v" + i).lower(0);
            e.set(z, -1);
            perVolunteer.put(i, e);
        }
        for (int j = 0; j < panels.size(); j++) {
            for (int i : panels.get(j)) {
                perVolunteer.get(i).set(p[j], 1);
            }
        }
        Optimisation.Result result = lp.maximise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("primal LP failed: " + result.getState());
        }
        double[] weights = new double[p.length];
        double total = 0;
        for (int j = 0; j < p.length; j++) {
            double w = p[j].getValue().doubleValue();
            weights[j] = w < 1e-9 ? 0 : w;
            total += weights[j];
        }
        List<List<String>> keptPanels = new ArrayList<>();
        List<Double> keptProbabilities = new ArrayList<>();
        double[] selection = new double[pool.size()];
        for (int j = 0; j < p.length; j++) {
            if (weights[j] == 0) {
                continue;
            }
            double probability = weights[j] / total;
            List<String> ids = new ArrayList<>();
            for (int i : panels.get(j)) {
                ids.add(pool.get(i).id());
                selection[i] += probability;
            }
            keptPanels.add(ids);
            keptProbabilities.add(probability);
        }
        Map<String, Double> byId = new LinkedHashMap<>();
        List<String> unselectable = new ArrayList<>();
        Set<Integer> coverableSet = new HashSet<>();
        for (int i : coverable) {
            coverableSet.add(i);
        }
        double minimum = 1;
        for (int i = 0; i < pool.size(); i++) {
            byId.put(pool.get(i).id(), selection[i]);
            if (!coverableSet.contains(i)) {
                unselectable.add(pool.get(i).id());
            } else {
                minimum = Math.min(minimum, selection[i]);
            }
        }
        return new PanelDistribution(keptPanels, keptProbabilities, byId, minimum, unselectable, rounds);
    }
}
