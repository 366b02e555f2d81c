package kr.chamyeo.budget.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run of the Method of Equal Shares' rounds for one virtual total (see {@link EqualShares}); the subclasses hold
 * the budgets and prices in their arithmetic. Budgets live in classes: a class never changes its budget, paying
 * moves groups of voters to another class.
 */
abstract class EqualSharesRun {

    /** The class of everyone who has spent all; paying moves nobody out of it. */
    static final int ZERO = 0;

    final EqualShares.Instance instance;
    final int[] classOf;
    final boolean[] open;
    /** The project's ρ is its value now (not only a lower bound), because none of its supporters paid since. */
    final boolean[] current;
    /** Per class, how many supporters of the project being priced hold that budget (zero outside pricing). */
    long[] perClass = new long[16];
    private int[] successor = new int[16];
    private int[] successorRound = new int[16];

    /** Class 0 is {@link #ZERO}; class e + 1 holds electorate e's endowment, the subclasses set its amount. */
    EqualSharesRun(EqualShares.Instance instance) {
        this.instance = instance;
        classOf = new int[instance.groupSize.length];
        for (int g = 0; g < classOf.length; g++) {
            classOf[g] = instance.groupElectorate[g] + 1;
        }
        open = new boolean[instance.costs.length];
        for (int p = 0; p < open.length; p++) {
            open[p] = instance.competes(p);
        }
        current = new boolean[open.length];
    }

    /*
     * The arithmetic of a run: each subclass keeps the amounts of the pricing in progress (what is unpaid, the equal
     * part α) in its own numbers — certified doubles, exact fractions, or affine functions of the virtual total — and
     * {@link #price} runs the one payment loop over them.
     */

    /** Starts pricing a project: nothing paid yet, every supporter owes the equal part cost ÷ supporters. */
    abstract void startPricing(long cost, long supporters);

    /** Whether a voter of budget class {@code k} holds less than the equal part being tried. */
    abstract boolean holdsLessThanPart(int k);

    /** {@code voters} of class {@code k} pay all they hold. */
    abstract void payAll(int k, long voters);

    /** The rest of what is unpaid is shared equally by the {@code paying} supporters still holding more. */
    abstract void shareRest(long paying);

    /** The equal part found is the project's α; sets its ρ = α ÷ cost. */
    abstract void setPrice(int project);

    /**
     * Sets the project's α and ρ from its supporters' budgets now; false (and closed) if they cannot pay its cost.
     * Water-filling: supporters holding less than the equal part of what is unpaid pay all they have, the others share
     * the rest equally. The poorer set only grows, and stops at the unique α with Σ min(budget, α) = cost; if nobody is
     * left to pay, the supporters together hold less than the cost. Each pass looks only at the classes still paying
     * the equal part, kept in present[0..rich).
     */
    final boolean price(int project) {
        int[] present = gather(project);
        int rich = gathered;
        long paying = instance.supportCount[project];
        startPricing(instance.costs[project], paying);
        boolean grew = true;
        while (grew) {
            grew = false;
            int kept = 0;
            for (int i = 0; i < rich; i++) {
                int k = present[i];
                if (holdsLessThanPart(k)) {
                    grew = true;
                    payAll(k, perClass[k]);
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
                shareRest(paying);
            }
        }
        release(present, rich);
        setPrice(project);
        current[project] = true;
        return true;
    }

    /** Orders the ρ of two priced projects exactly (or refuses, in {@link CertifiedRun}). */
    abstract int compareRho(int p, int q);

    /** True only if p's ρ (or lower bound) is certainly above q's. */
    abstract boolean rhoSurelyAbove(int p, int q);

    /** ρ (or its lower bound) as a double, to order the pricing only. */
    abstract double rhoApprox(int project);

    /** The class for what is left of class {@code from}'s budget after paying the project's α (ZERO or a new class). */
    abstract int afterPaying(int from, int project);

    /** A class's budget as a double, for the round-by-round account only (never for a decision). */
    abstract double budgetApprox(int budgetClass);

    /** The project's price cap α as a double, for the round-by-round account only. */
    abstract double alphaApprox(int project);

    /** Set by {@link #recordRounds()}: every purchase with who paid what, for the explanation of a kept outcome. */
    private List<Selection.Round> record;

    /** Runs the rounds and returns the account of each purchase, then one line per competing project left unbought. */
    List<Selection.Round> recordRounds() {
        record = new ArrayList<>();
        bought = new boolean[open.length];
        rounds();
        for (int p = 0; p < open.length; p++) {
            if (instance.competes(p) && !bought[p]) {
                record.add(new Selection.Round(0, instance.key(p), null, instance.costs[p],
                        instance.supportCount[p], held(p), 0, 0, new double[instance.electorateSize.length]));
            }
        }
        return record;
    }

    /** Set while recording: the projects bought so far. */
    private boolean[] bought;

    /** What the project's supporters hold now, together. */
    private double held(int project) {
        double sum = 0;
        for (int g : instance.supporters[project]) {
            sum += budgetApprox(classOf[g]) * instance.groupSize[g];
        }
        return sum;
    }

    /** The projects bought, in buying order. */
    List<Integer> rounds() {
        List<Integer> chosen = new ArrayList<>();
        int projects = open.length;
        Integer[] order = new Integer[projects];
        for (int round = 1; ; round++) {
            instance.work.checkTime();
            int best = -1;
            for (int p = 0; p < projects; p++) {
                if (open[p] && current[p]) {
                    best = better(p, best);
                }
            }
            int stale = 0;
            for (int p = 0; p < projects; p++) {
                if (open[p] && !current[p]) {
                    order[stale++] = p;
                }
            }
            Arrays.sort(order, 0, stale, (x, y) -> Double.compare(rhoApprox(x), rhoApprox(y)));
            for (int i = 0; i < stale; i++) {
                int p = order[i];
                if ((best < 0 || !rhoSurelyAbove(p, best)) && price(p)) {
                    best = better(p, best);
                }
            }
            if (best < 0) {
                return chosen;
            }
            chosen.add(best);
            open[best] = false;
            if (record == null) {
                pay(best, round);
            } else {
                recordPayment(best, round);
            }
        }
    }

    /** The better of two priced projects: smaller ρ, then lower cost (as equalshares.net), then higher in the ranking. */
    private int better(int p, int best) {
        if (best < 0) {
            return p;
        }
        int c = compareRho(p, best);
        if (c != 0) {
            return c < 0 ? p : best;
        }
        long[] costs = instance.costs;
        if (costs[p] != costs[best]) {
            return costs[p] < costs[best] ? p : best;
        }
        return Math.min(p, best);
    }

    /**
     * Counts the supporters of a project per class into {@link #perClass}; the returned array holds the classes
     * present in its first {@link #gathered} places. Call {@link #release} when done.
     */
    int[] gather(int project) {
        int[] groups = instance.supporters[project];
        int[] present = new int[groups.length];
        int classes = 0;
        for (int g : groups) {
            int k = classOf[g];
            if (perClass[k] == 0) {
                present[classes++] = k;
            }
            perClass[k] += instance.groupSize[g];
        }
        gathered = classes;
        return present;
    }

    /** How many classes the last {@link #gather} found. */
    int gathered;

    void release(int[] present, int classes) {
        for (int i = 0; i < classes; i++) {
            perClass[present[i]] = 0;
        }
    }

    private void recordPayment(int project, int round) {
        bought[project] = true;
        double before = held(project);
        double alpha = alphaApprox(project);
        double rho = alpha / instance.costs[project];
        int[] from = new int[instance.supporters[project].length];
        for (int i = 0; i < from.length; i++) {
            from[i] = classOf[instance.supporters[project][i]];
        }
        pay(project, round);
        double[] paid = new double[instance.electorateSize.length];
        for (int i = 0; i < from.length; i++) {
            int g = instance.supporters[project][i];
            paid[instance.groupElectorate[g]] += (budgetApprox(from[i]) - budgetApprox(classOf[g])) * instance.groupSize[g];
        }
        record.add(new Selection.Round(round, instance.key(project), Selection.Step.EQUAL_SHARES, instance.costs[project],
                instance.supportCount[project], before, alpha, rho, paid));
    }

    /** The supporters of {@code project} pay min(budget, α); the projects they also approve must be repriced. */
    private void pay(int project, int round) {
        for (int g : instance.supporters[project]) {
            int from = classOf[g];
            if (from == ZERO) {
                continue;
            }
            if (successorRound[from] != round) {
                successorRound[from] = round;
                int to = afterPaying(from, project);
                successor[from] = to;
                if (to >= perClass.length) {
                    int size = Math.max(to + 1, perClass.length * 2);
                    perClass = Arrays.copyOf(perClass, size);
                    successor = Arrays.copyOf(successor, size);
                    successorRound = Arrays.copyOf(successorRound, size);
                }
            }
            classOf[g] = successor[from];
        }
        for (int p : instance.coApproved[project]) {
            current[p] = false;
        }
    }
}
