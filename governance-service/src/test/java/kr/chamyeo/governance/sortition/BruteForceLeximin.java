package kr.chamyeo.governance.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * LEXIMIN the slow, obvious way, to check the solver on tiny pools: list every valid panel, then per level
 * maximise the lowest unfixed probability over all panels, and fix exactly those volunteers who cannot be
 * raised above that level by any distribution keeping everyone else at or above theirs.
 */
final class BruteForceLeximin {

    private BruteForceLeximin() {
    }

    static List<int[]> panels(SortitionProblem problem) {
        List<int[]> panels = new ArrayList<>();
        choose(problem, new int[problem.panelSize()], 0, 0, panels);
        return panels;
    }

    private static void choose(SortitionProblem problem, int[] chosen, int depth, int from, List<int[]> out) {
        if (depth == chosen.length) {
            if (valid(problem, chosen)) {
                out.add(chosen.clone());
            }
            return;
        }
        for (int i = from; i < problem.pool().size(); i++) {
            chosen[depth] = i;
            choose(problem, chosen, depth + 1, i + 1, out);
        }
    }

    private static boolean valid(SortitionProblem problem, int[] panel) {
        for (Quota q : problem.quotas()) {
            long count = Arrays.stream(panel).filter(i -> q.value().equals(problem.pool().get(i).features().get(q.feature()))).count();
            if (count < q.min() || count > q.max()) {
                return false;
            }
        }
        if (problem.onePerHousehold()) {
            long households = Arrays.stream(panel).mapToObj(i -> problem.pool().get(i).household()).filter(h -> h != null).count();
            long distinct = Arrays.stream(panel).mapToObj(i -> problem.pool().get(i).household()).filter(h -> h != null).distinct().count();
            return households == distinct;
        }
        return true;
    }

    static double[] probabilities(List<int[]> panels, int n) {
        double[] fixed = new double[n];
        boolean[] isFixed = new boolean[n];
        int left = n;
        while (left > 0) {
            double level = best(panels, n, fixed, isFixed, -1, 0);
            for (int i = 0; i < n; i++) {
                if (!isFixed[i] && best(panels, n, fixed, isFixed, i, level) <= level + 1e-7) {
                    isFixed[i] = true;
                    fixed[i] = level;
                    left--;
                }
            }
        }
        return fixed;
    }

    /**
     * With {@code target < 0}: the highest level every unfixed volunteer can reach together. Otherwise the
     * highest probability of {@code target} while every unfixed volunteer keeps {@code level}.
     */
    private static double best(List<int[]> panels, int n, double[] fixed, boolean[] isFixed, int target, double level) {
        ExpressionsBasedModel lp = new ExpressionsBasedModel();
        Variable z = lp.addVariable("z").weight(target < 0 ? 1 : 0);
        Variable[] x = new Variable[panels.size()];
        Expression sum = lp.addExpression("sum").level(1);
        for (int j = 0; j < x.length; j++) {
            x[j] = lp.addVariable("x" + j).lower(0);
            sum.set(x[j], 1);
        }
        for (int i = 0; i < n; i++) {
            Expression e = lp.addExpression("p" + i);
            int volunteer = i;
            for (int j = 0; j < x.length; j++) {
                if (Arrays.stream(panels.get(j)).anyMatch(member -> member == volunteer)) {
                    e.set(x[j], 1);
                }
            }
            if (i == target) {
                e.weight(1);
            }
            if (isFixed[i]) {
                e.lower(fixed[i] - 1e-9);
            } else if (target < 0) {
                e.set(z, -1).lower(0);
            } else {
                e.lower(level - 1e-9);
            }
        }
        Optimisation.Result result = lp.maximise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("brute-force LP " + result.getState());
        }
        return result.getValue();
    }
}
