package kr.chamyeo.budget.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * SEQUENTIAL_PHRAGMEN: Phragmén's sequential rule for participatory budgeting, as pabutools' {@code sequential_phragmen}
 * defines it for approval ballots. Every voter earns money continuously, each electorate at its weight's share of one
 * unit per unit of time (one electorate: 1 ÷ voters each); a voter's load is what it has spent. At the first moment
 * t at which the supporters of an unbought project hold its cost together — t = (cost + their loads) ÷ their earning
 * rate — the project is bought and each supporter's load becomes all it has earned by t (it spends everything). A
 * project that no longer fits in what is left of the total is dropped and the others go on. Ties of t: the lower cost,
 * then the {@link Standing} ranking (more votes, then submission order). Exact fractions throughout; the work limit's
 * deadline is checked every round.
 */
public final class SequentialPhragmen {

    private SequentialPhragmen() {
    }

    public static Selection select(Election election, WorkLimit work) {
        List<Standing> ranking = Standing.rank(election);
        EqualShares.Instance instance = new EqualShares.Instance(election, ranking, work);
        int electorates = instance.electorateSize.length;
        BigFraction[] rate = new BigFraction[electorates];
        for (int e = 0; e < electorates; e++) {
            rate[e] = BigFraction.of(instance.endowmentNumerator(e, 1), instance.endowmentDenominator(e));
        }
        // Loads live in classes, as budgets do in Equal Shares: everyone who paid for the same project in the same
        // electorate holds the same load, so a project's price needs one multiplication per class among its supporters,
        // not one per voter group. Class 0 is the load of those who have bought nothing yet.
        List<BigFraction> load = new ArrayList<>(List.of(BigFraction.ZERO));
        int groups = instance.groupSize.length;
        int[] classOf = new int[groups];
        int projects = instance.costs.length;
        BigFraction[] earning = new BigFraction[projects];
        BigFraction[] time = new BigFraction[projects];
        boolean[] open = new boolean[projects];
        for (int p = 0; p < projects; p++) {
            open[p] = instance.competes(p) && instance.costs[p] <= election.budget();
            if (open[p]) {
                BigFraction sum = BigFraction.ZERO;
                for (int g : instance.supporters[p]) {
                    sum = sum.add(rate[instance.groupElectorate[g]].multiply(instance.groupSize[g]));
                }
                earning[p] = sum;
                // Only voters of an electorate weighted 0 approve it: it can never be afforded.
                open[p] = sum.signum() > 0;
            }
        }
        long[] perClass = new long[16];
        int[] present = new int[16];
        long spent = 0;
        List<String> selected = new ArrayList<>();
        Map<String, Selection.Step> steps = new LinkedHashMap<>();
        List<Selection.Round> rounds = new ArrayList<>();
        while (true) {
            work.checkTime();
            int best = -1;
            for (int p = 0; p < projects; p++) {
                if (!open[p]) {
                    continue;
                }
                if (time[p] == null) {
                    if (perClass.length < load.size()) {
                        perClass = java.util.Arrays.copyOf(perClass, load.size() * 2);
                        present = java.util.Arrays.copyOf(present, load.size() * 2);
                    }
                    int classes = 0;
                    for (int g : instance.supporters[p]) {
                        int k = classOf[g];
                        if (perClass[k] == 0) {
                            present[classes++] = k;
                        }
                        perClass[k] += instance.groupSize[g];
                    }
                    BigFraction owed = BigFraction.of(instance.costs[p]);
                    for (int i = 0; i < classes; i++) {
                        owed = owed.add(load.get(present[i]).multiply(perClass[present[i]]));
                        perClass[present[i]] = 0;
                    }
                    time[p] = owed.divide(earning[p]);
                }
                int c = best < 0 ? -1 : time[p].compareTo(time[best]);
                if (c < 0 || (c == 0 && instance.costs[p] < instance.costs[best])) {
                    best = p;
                }
            }
            if (best < 0) {
                break;
            }
            open[best] = false;
            String key = ranking.get(best).candidate().key();
            double t = time[best].doubleValue();
            if (instance.costs[best] > election.budget() - spent) {
                rounds.add(new Selection.Round(selected.size(), key, null, instance.costs[best], instance.supportCount[best],
                        election.budget() - spent, 0, t, new double[electorates]));
                continue;
            }
            spent += instance.costs[best];
            selected.add(key);
            steps.put(key, Selection.Step.PHRAGMEN);
            int[] newClass = new int[electorates];
            for (int e = 0; e < electorates; e++) {
                load.add(rate[e].multiply(time[best]));
                newClass[e] = load.size() - 1;
            }
            double[] paid = new double[electorates];
            double most = 0;
            for (int g : instance.supporters[best]) {
                int e = instance.groupElectorate[g];
                double each = load.get(newClass[e]).doubleValue() - load.get(classOf[g]).doubleValue();
                paid[e] += each * instance.groupSize[g];
                most = Math.max(most, each);
                classOf[g] = newClass[e];
            }
            rounds.add(new Selection.Round(selected.size(), key, Selection.Step.PHRAGMEN, instance.costs[best],
                    instance.supportCount[best], instance.costs[best], most, t, paid));
            // Only projects sharing a supporter with the one bought have a new price.
            for (int q : instance.coApproved[best]) {
                time[q] = null;
            }
        }
        return new Selection(ranking, selected, steps, spent, election.budget(), null, rounds);
    }
}
