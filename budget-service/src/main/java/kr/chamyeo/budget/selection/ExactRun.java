package kr.chamyeo.budget.selection;

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

    private BigFraction unpaid;
    private BigFraction part;

    @Override
    void startPricing(long cost, long supporters) {
        unpaid = BigFraction.of(cost);
        part = unpaid.divide(supporters);
    }

    @Override
    boolean holdsLessThanPart(int k) {
        return budget.get(k).compareTo(part) < 0;
    }

    @Override
    void payAll(int k, long voters) {
        unpaid = unpaid.subtract(budget.get(k).multiply(voters));
    }

    @Override
    void shareRest(long paying) {
        part = unpaid.divide(paying);
    }

    @Override
    void setPrice(int project) {
        alpha[project] = part;
        rho[project] = part.divide(instance.costs[project]);
    }

    @Override
    double budgetApprox(int budgetClass) {
        return budget.get(budgetClass).doubleValue();
    }

    @Override
    double alphaApprox(int project) {
        return alpha[project].doubleValue();
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
