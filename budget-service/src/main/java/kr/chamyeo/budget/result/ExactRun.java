package kr.chamyeo.budget.result;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

/** The rounds in exact fractions: the fallback when {@link CertifiedRun} cannot decide a comparison (e.g. true ties). */
final class ExactRun extends EqualSharesRun {

    private final List<BigFraction> budget = new ArrayList<>();
    private final BigFraction[] rho;
    private final BigFraction[] alpha;

    ExactRun(EqualShares.Instance instance, long virtualTotal) {
        super(instance);
        budget.add(BigFraction.ZERO);
        for (int e = 0; e < instance.electorateSize.length; e++) {
            budget.add(BigFraction.of(instance.endowmentNumerator(e, virtualTotal), instance.endowmentDenominator(e)));
        }
        rho = new BigFraction[instance.costs.length];
        alpha = new BigFraction[instance.costs.length];
        for (int p = 0; p < rho.length; p++) {
            if (open[p]) {
                rho[p] = BigFraction.of(1, instance.supportCount[p]);
            }
        }
    }

    @Override
    boolean price(int project) {
        int[] present = gather(project);
        int count = gathered;
        BigFraction unpaid = BigFraction.of(instance.costs[project]);
        long paying = instance.supportCount[project];
        BigFraction cap = unpaid.divide(paying);
        // Water-filling, as in CertifiedRun.
        int rich = count;
        boolean grew = true;
        while (grew) {
            grew = false;
            int kept = 0;
            for (int i = 0; i < rich; i++) {
                int k = present[i];
                if (budget.get(k).compareTo(cap) < 0) {
                    grew = true;
                    unpaid = unpaid.subtract(budget.get(k).multiply(perClass[k]));
                    paying -= perClass[k];
                    perClass[k] = 0;
                } else {
                    present[kept++] = k;
                }
            }
            rich = kept;
            if (paying == 0) {
                release(present, rich);
                open[project] = false;
                return false;
            }
            if (grew) {
                cap = unpaid.divide(paying);
            }
        }
        release(present, rich);
        alpha[project] = cap;
        rho[project] = cap.divide(instance.costs[project]);
        current[project] = true;
        return true;
    }

    @Override
    int compareRho(int p, int q) {
        return rho[p].compareTo(rho[q]);
    }

    @Override
    boolean rhoSurelyAbove(int p, int q) {
        return rho[p].compareTo(rho[q]) > 0;
    }

    @Override
    double rhoApprox(int project) {
        return rho[project].doubleValue();
    }

    @Override
    int afterPaying(int from, int project) {
        BigFraction left = budget.get(from).subtract(alpha[project]);
        if (left.signum() <= 0) {
            return ZERO;
        }
        budget.add(left);
        return budget.size() - 1;
    }
}
