package kr.chamyeo.budget.result;

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

    /** Sets the project's α and ρ from its supporters' budgets now; false (and closed) if they cannot pay its cost. */
    abstract boolean price(int project);

    /** Orders the ρ of two priced projects exactly (or refuses, in {@link CertifiedRun}). */
    abstract int compareRho(int p, int q);

    /** True only if p's ρ (or lower bound) is certainly above q's. */
    abstract boolean rhoSurelyAbove(int p, int q);

    /** ρ (or its lower bound) as a double, to order the pricing only. */
    abstract double rhoApprox(int project);

    /** The class for what is left of class {@code from}'s budget after paying the project's α (ZERO or a new class). */
    abstract int afterPaying(int from, int project);

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
            pay(best, round);
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
