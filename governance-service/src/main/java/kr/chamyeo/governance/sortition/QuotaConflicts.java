package kr.chamyeo.governance.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Explains an infeasible quota set with a minimal conflicting subset of quota bounds (a deletion filter:
 * drop each bound in turn and keep it dropped if the rest is still infeasible). What remains cannot hold
 * together, and removing any one of them makes the others satisfiable.
 */
final class QuotaConflicts {

    private final int panelSize;
    private final List<Quota> quotas;
    private final Predicate<List<Quota>> satisfiable;

    QuotaConflicts(int panelSize, List<Quota> quotas, Predicate<List<Quota>> satisfiable) {
        this.panelSize = panelSize;
        this.quotas = quotas;
        this.satisfiable = satisfiable;
    }

    List<String> minimalConflict() {
        int m = quotas.size();
        boolean[] minOn = new boolean[m];
        boolean[] maxOn = new boolean[m];
        for (int q = 0; q < m; q++) {
            minOn[q] = quotas.get(q).min() > 0;
            maxOn[q] = quotas.get(q).max() < panelSize;
        }
        for (int q = 0; q < m; q++) {
            if (minOn[q]) {
                minOn[q] = false;
                if (feasible(minOn, maxOn)) {
                    minOn[q] = true;
                }
            }
            if (maxOn[q]) {
                maxOn[q] = false;
                if (feasible(minOn, maxOn)) {
                    maxOn[q] = true;
                }
            }
        }
        List<String> conflict = new ArrayList<>();
        for (int q = 0; q < m; q++) {
            if (minOn[q]) {
                conflict.add(quotas.get(q).describe(Quota.Bound.MIN));
            }
            if (maxOn[q]) {
                conflict.add(quotas.get(q).describe(Quota.Bound.MAX));
            }
        }
        return conflict;
    }

    private boolean feasible(boolean[] minOn, boolean[] maxOn) {
        List<Quota> relaxed = new ArrayList<>();
        for (int q = 0; q < quotas.size(); q++) {
            Quota quota = quotas.get(q);
            relaxed.add(new Quota(quota.feature(), quota.value(), minOn[q] ? quota.min() : 0,
                    maxOn[q] ? quota.max() : panelSize));
        }
        return satisfiable.test(relaxed);
    }
}
