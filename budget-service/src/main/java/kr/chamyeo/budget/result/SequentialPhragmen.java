package kr.chamyeo.budget.result;

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
        int groups = instance.groupSize.length;
        BigFraction[] rate = new BigFraction[groups];
        BigFraction[] load = new BigFraction[groups];
        for (int g = 0; g < groups; g++) {
            int e = instance.groupElectorate[g];
            rate[g] = BigFraction.of(instance.endowmentNumerator(e, 1), instance.endowmentDenominator(e));
            load[g] = BigFraction.ZERO;
        }
        int projects = instance.costs.length;
        boolean[] open = new boolean[projects];
        for (int p = 0; p < projects; p++) {
            open[p] = instance.competes(p) && instance.costs[p] <= election.budget();
        }
        long spent = 0;
        List<String> selected = new ArrayList<>();
        Map<String, Selection.Step> steps = new LinkedHashMap<>();
        while (true) {
            work.checkTime();
            int best = -1;
            BigFraction bestTime = null;
            for (int p = 0; p < projects; p++) {
                if (!open[p]) {
                    continue;
                }
                BigFraction owed = BigFraction.of(instance.costs[p]);
                BigFraction earning = BigFraction.ZERO;
                for (int g : instance.supporters[p]) {
                    owed = owed.add(load[g].multiply(instance.groupSize[g]));
                    earning = earning.add(rate[g].multiply(instance.groupSize[g]));
                }
                if (earning.signum() == 0) {
                    // Only voters of an electorate weighted 0 approve it: it can never be afforded.
                    open[p] = false;
                    continue;
                }
                BigFraction time = owed.divide(earning);
                int c = bestTime == null ? -1 : time.compareTo(bestTime);
                if (c < 0 || (c == 0 && instance.costs[p] < instance.costs[best])) {
                    best = p;
                    bestTime = time;
                }
            }
            if (best < 0) {
                break;
            }
            open[best] = false;
            if (instance.costs[best] > election.budget() - spent) {
                continue;
            }
            spent += instance.costs[best];
            String key = ranking.get(best).candidate().key();
            selected.add(key);
            steps.put(key, Selection.Step.PHRAGMEN);
            for (int g : instance.supporters[best]) {
                load[g] = rate[g].multiply(bestTime);
            }
        }
        return new Selection(ranking, selected, steps, spent, election.budget(), null);
    }
}
