package kr.chamyeo.budget.selection;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The rounds at one virtual total T₀, with every amount kept as an exact affine function a·T + b of the virtual total,
 * so that the run also finds how far T can rise before any of its decisions could go the other way.
 *
 * <p>Why this is sound: endowments are proportional to T, and every later amount (a price cap, what is left after
 * paying) is a sum, difference or quotient by a whole number of earlier ones, so each is affine in T for as long as the
 * run takes the same branches. Every branch is the sign of a difference of two such amounts. A difference d(T) = a·T + b
 * that is not zero at T₀ keeps its sign up to its root −b/a (when it moves towards zero); one that is zero at T₀ but not
 * everywhere may change right after T₀. The smallest of these bounds, {@link #limit()}, is the first total at which the
 * run could decide anything differently: below it the same projects are bought in the same order. The add1 completion
 * uses it to skip the steps in between instead of rerunning the rule at each of them.
 */
final class ParametricRun extends EqualSharesRun {

    /** a·T + b. */
    private record Affine(BigFraction a, BigFraction b) {
        static final Affine ZERO = new Affine(BigFraction.ZERO, BigFraction.ZERO);

        static Affine constant(long value) {
            return new Affine(BigFraction.ZERO, BigFraction.of(value));
        }

        Affine minus(Affine o) {
            return new Affine(a.subtract(o.a), b.subtract(o.b));
        }

        Affine times(long k) {
            return new Affine(a.multiply(k), b.multiply(k));
        }

        Affine over(long k) {
            return new Affine(a.divide(k), b.divide(k));
        }

        BigFraction at(BigFraction t) {
            return a.multiply(t).add(b);
        }
    }

    private final BigFraction t0;
    private final List<Affine> budget = new ArrayList<>();
    private final Affine[] rho;
    private final Affine[] alpha;
    private final BigFraction[] rhoNow;
    /** The smallest total above T₀ at which a decision could change; T₀ itself when one may change just above T₀. */
    private BigFraction limit;

    /** Thrown when the run passes its own deadline: its caller steps on instead. No stack trace (control flow). */
    static final class TooSlow extends RuntimeException {
        private static final TooSlow INSTANCE = new TooSlow();

        private TooSlow() {
            super("parametric run gave up", null, false, false);
        }
    }

    /**
     * The CPU time the run may use before it gives up ({@link TooSlow}): it is worth only what stepping would cost. CPU
     * time of this thread, not wall time: on a loaded machine a try descheduled for a while has not cost anything, and
     * giving it up there made tiny elections step thousands of times. The clock is read cheaply (System.nanoTime) and
     * the thread's CPU time only when the wall time alone would have run out.
     */
    private final long allowanceNanos;
    private final long cpuStart = WorkLimit.cpuNow();
    private long checkAt;

    ParametricRun(EqualShares.Instance instance, long virtualTotal, long allowanceNanos) {
        super(instance);
        this.allowanceNanos = allowanceNanos;
        this.checkAt = System.nanoTime() + allowanceNanos;
        t0 = BigFraction.of(virtualTotal);
        budget.add(Affine.ZERO);
        for (int e = 0; e < instance.electorateSize.length; e++) {
            // Endowment = T × weight ÷ (100 × voters): numerator per unit of T over the denominator.
            budget.add(new Affine(BigFraction.of(instance.endowmentNumerator(e, 1), instance.endowmentDenominator(e)),
                    BigFraction.ZERO));
        }
        int projects = instance.costs.length;
        rho = new Affine[projects];
        alpha = new Affine[projects];
        rhoNow = new BigFraction[projects];
        for (int p = 0; p < projects; p++) {
            if (open[p]) {
                rho[p] = new Affine(BigFraction.ZERO, BigFraction.of(1, instance.supportCount[p]));
                rhoNow[p] = rho[p].b();
            }
        }
    }

    /** Runs the rounds and returns the first total at which the outcome could differ (null: never, by these rounds). */
    BigFraction limitAfterRounds() {
        rounds();
        return limit;
    }

    /** Sign of x − y at T₀, narrowing {@link #limit} to where that sign could change. */
    private int compare(Affine x, Affine y) {
        Affine d = x.minus(y);
        BigFraction now = d.at(t0);
        int sign = now.signum();
        int slope = d.a().signum();
        if (slope != 0) {
            if (sign == 0) {
                narrow(t0);
            } else if (slope != sign) {
                narrow(d.b().negate().divide(d.a()));
            }
        }
        return sign;
    }

    private void narrow(BigFraction at) {
        if (limit == null || at.compareTo(limit) < 0) {
            limit = at;
        }
    }

    private Affine unpaid;
    private Affine part;

    @Override
    void startPricing(long cost, long supporters) {
        if (System.nanoTime() - checkAt > 0) {
            long used = WorkLimit.cpuNow() - cpuStart;
            if (used > allowanceNanos) {
                throw TooSlow.INSTANCE;
            }
            checkAt = System.nanoTime() + allowanceNanos - used;
        }
        unpaid = Affine.constant(cost);
        part = unpaid.over(supporters);
    }

    @Override
    boolean holdsLessThanPart(int k) {
        return compare(budget.get(k), part) < 0;
    }

    @Override
    void payAll(int k, long voters) {
        unpaid = unpaid.minus(budget.get(k).times(voters));
    }

    @Override
    void shareRest(long paying) {
        part = unpaid.over(paying);
    }

    @Override
    void setPrice(int project) {
        alpha[project] = part;
        rho[project] = part.over(instance.costs[project]);
        rhoNow[project] = rho[project].at(t0);
    }

    @Override
    double budgetApprox(int budgetClass) {
        return budget.get(budgetClass).at(t0).doubleValue();
    }

    @Override
    double alphaApprox(int project) {
        return alpha[project].at(t0).doubleValue();
    }

    @Override
    int compareRho(int p, int q) {
        return compare(rho[p], rho[q]);
    }

    @Override
    boolean rhoSurelyAbove(int p, int q) {
        return compare(rho[p], rho[q]) > 0;
    }

    @Override
    double rhoApprox(int project) {
        return rhoNow[project].doubleValue();
    }

    @Override
    int afterPaying(int from, int project) {
        if (compare(budget.get(from), alpha[project]) <= 0) {
            return ZERO;
        }
        budget.add(budget.get(from).minus(alpha[project]));
        return budget.size() - 1;
    }
}
