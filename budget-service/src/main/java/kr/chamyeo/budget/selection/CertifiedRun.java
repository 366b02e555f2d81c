package kr.chamyeo.budget.selection;

import java.util.Arrays;

/**
 * The rounds in doubles, each value carrying a rigorous bound on its distance from the exact value. Every operation
 * adds at most one unit in the last place of its result to its operands' bounds (and bounds are inflated slightly for
 * their own rounding), so every bound holds however many operations follow. A comparison decides only when the
 * difference exceeds the bounds; otherwise the run stops with {@link Uncertain} and {@link ExactRun} redoes it. A run
 * that finishes has therefore made exactly the decisions exact arithmetic makes.
 */
final class CertifiedRun extends EqualSharesRun {

    private static final double INFLATE = 1 + 0x1p-40;

    /** Thrown when the error bounds cannot decide a comparison; carries no stack trace (it is control flow). */
    static final class Uncertain extends RuntimeException {
        private static final Uncertain INSTANCE = new Uncertain();

        private Uncertain() {
            super("approximate comparison cannot be decided", null, false, false);
        }
    }

    private double[] budget;
    private double[] budgetError;
    private int classes;
    private final double[] rho;
    private final double[] rhoError;
    private final double[] alpha;
    private final double[] alphaError;

    CertifiedRun(EqualShares.Instance instance, long virtualTotal) {
        super(instance);
        budget = new double[instance.electorateSize.length + 16];
        budgetError = new double[budget.length];
        classes = 1;
        for (int e = 0; e < instance.electorateSize.length; e++) {
            long numerator = instance.endowmentNumerator(e, virtualTotal);
            double n = numerator;
            double v = n / instance.endowmentDenominator(e);
            budget[classes] = v;
            // The conversion of a numerator beyond 2^53 to double and the division each round once.
            budgetError[classes] = ((long) n == numerator ? 0 : Math.ulp(n) / instance.endowmentDenominator(e)) + ulp(v);
            classes++;
        }
        int projects = instance.costs.length;
        rho = new double[projects];
        rhoError = new double[projects];
        alpha = new double[projects];
        alphaError = new double[projects];
        for (int p = 0; p < projects; p++) {
            if (open[p]) {
                // Supporters pay at least cost ÷ supporters each: ρ ≥ 1 ÷ supporters.
                rho[p] = 1.0 / instance.supportCount[p];
                rhoError[p] = ulp(rho[p]);
            }
        }
    }

    /** An upper bound of half an ulp of {@code v} and then some (also for subnormals). */
    private static double ulp(double v) {
        return Math.abs(v) * 0x1p-52 + Double.MIN_VALUE;
    }

    /** Sign of a − b, each within its error; throws {@link Uncertain} if the bounds overlap and they are not both exact and equal. */
    private static int compare(double a, double aError, double b, double bError) {
        double d = a - b;
        double slack = (aError + bError + ulp(d)) * INFLATE;
        if (d > slack) {
            return 1;
        }
        if (d < -slack) {
            return -1;
        }
        if (a == b && aError == 0 && bError == 0) {
            return 0;
        }
        throw Uncertain.INSTANCE;
    }

    private double unpaid;
    private double unpaidError;
    private double part;
    private double partError;

    @Override
    void startPricing(long cost, long supporters) {
        unpaid = cost;
        unpaidError = (long) unpaid == cost ? 0 : ulp(unpaid);
        shareRest(supporters);
    }

    @Override
    boolean holdsLessThanPart(int k) {
        return compare(budget[k], budgetError[k], part, partError) < 0;
    }

    @Override
    void payAll(int k, long voters) {
        double paid = budget[k] * voters;
        double paidError = budgetError[k] * voters + ulp(paid);
        unpaid -= paid;
        unpaidError = (unpaidError + paidError + ulp(unpaid)) * INFLATE;
    }

    @Override
    void shareRest(long paying) {
        part = unpaid / paying;
        partError = (unpaidError / paying + ulp(part)) * INFLATE;
    }

    @Override
    void setPrice(int project) {
        alpha[project] = part;
        alphaError[project] = partError;
        long cost = instance.costs[project];
        rho[project] = part / cost;
        rhoError[project] = (partError / cost + ulp(rho[project])) * INFLATE;
    }

    @Override
    double budgetApprox(int budgetClass) {
        return budget[budgetClass];
    }

    @Override
    double alphaApprox(int project) {
        return alpha[project];
    }

    @Override
    int compareRho(int p, int q) {
        return compare(rho[p], rhoError[p], rho[q], rhoError[q]);
    }

    @Override
    boolean rhoSurelyAbove(int p, int q) {
        double d = rho[p] - rho[q];
        return d > (rhoError[p] + rhoError[q] + ulp(d)) * INFLATE;
    }

    @Override
    double rhoApprox(int project) {
        return rho[project];
    }

    @Override
    int afterPaying(int from, int project) {
        if (compare(budget[from], budgetError[from], alpha[project], alphaError[project]) <= 0) {
            return ZERO;
        }
        if (classes == budget.length) {
            budget = Arrays.copyOf(budget, classes * 2);
            budgetError = Arrays.copyOf(budgetError, classes * 2);
        }
        double left = budget[from] - alpha[project];
        budget[classes] = left;
        budgetError[classes] = (budgetError[from] + alphaError[project] + ulp(left)) * INFLATE;
        return classes++;
    }
}
