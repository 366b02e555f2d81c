package kr.chamyeo.governance.sortition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The integer programme behind the reserve list: choose exactly {@code size} volunteers (binary
 * x_i) so that every quota bound and the household rule hold, maximising a weighted sum of the chosen. With
 * zero weights it is a pure feasibility test. Solved with ojAlgo's branch-and-bound solver.
 */
final class PanelModel {

    /** Branch and bound is stopped after this long and its best panel so far is used. */
    private static final long TIME_LIMIT_MILLIS = 10_000;

    private final List<Volunteer> pool;
    private final List<int[]> households = new ArrayList<>();

    PanelModel(List<Volunteer> pool, boolean onePerHousehold) {
        this.pool = pool;
        if (onePerHousehold) {
            Map<String, List<Integer>> byHousehold = new LinkedHashMap<>();
            for (int i = 0; i < pool.size(); i++) {
                String household = pool.get(i).household();
                if (household != null && !household.isBlank()) {
                    byHousehold.computeIfAbsent(household, h -> new ArrayList<>()).add(i);
                }
            }
            byHousehold.values().stream().filter(members -> members.size() > 1)
                    .forEach(members -> households.add(members.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    /** Members of the pool having {@code feature = value}. */
    private int[] members(String feature, String value) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (value.equals(pool.get(i).features().get(feature))) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The best panel of {@code panelSize} under {@code quotas}, or empty if none exists. {@code excluded}
     * (may be null) marks volunteers who must stay out.
     */
    Optional<int[]> best(int panelSize, List<Quota> quotas, double[] weights, boolean[] excluded) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.time_abort = TIME_LIMIT_MILLIS;
        Variable[] x = new Variable[pool.size()];
        Expression size = model.addExpression("size").level(panelSize);
        for (int i = 0; i < x.length; i++) {
            x[i] = model.addVariable("x" + i).binary().weight(weights == null ? 0 : weights[i]);
            if (excluded != null && excluded[i]) {
                x[i].level(0);
            }
            size.set(x[i], 1);
        }
        for (int q = 0; q < quotas.size(); q++) {
            Quota quota = quotas.get(q);
            Expression e = model.addExpression("q" + q).lower(quota.min()).upper(quota.max());
            for (int i : members(quota.feature(), quota.value())) {
                e.set(x[i], 1);
            }
        }
        for (int h = 0; h < households.size(); h++) {
            Expression e = model.addExpression("h" + h).upper(1);
            for (int i : households.get(h)) {
                e.set(x[i], 1);
            }
        }
        Optimisation.Result result = model.maximise();
        if (!result.getState().isFeasible()) {
            return Optional.empty();
        }
        int[] panel = new int[panelSize];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (result.doubleValue(i) > 0.5) {
                if (n == panelSize) {
                    return Optional.empty();
                }
                panel[n++] = i;
            }
        }
        return n == panelSize ? Optional.of(panel) : Optional.empty();
    }
}
