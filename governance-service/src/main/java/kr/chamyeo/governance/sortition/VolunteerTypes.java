package kr.chamyeo.governance.sortition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The pool up to symmetry. Two volunteers with the same value of every feature the quotas mention, neither
 * of whom shares a household with someone else under the household rule, are interchangeable: every
 * quota-satisfying panel stays one when they swap. The leximin probability vector is unique, so such
 * volunteers have equal leximin probabilities, and a distribution over panels is fully described by a
 * distribution over <em>compositions</em> (how many seats each type gets) followed by a uniform choice of
 * that many members inside each type. Volunteers of a household with several members under the household
 * rule are types of their own.
 * <p>
 * This turns the pricing problem of column generation from one binary per volunteer (hundreds) into one
 * bounded integer per type (a few dozen), which is what makes the seed's jury solve in well under a second.
 */
final class VolunteerTypes {

    /** Integer programs are stopped after this long and their best solution so far is used. */
    private static final long TIME_LIMIT_MILLIS = 10_000;

    private final List<int[]> members = new ArrayList<>();
    private final List<Map<String, String>> features = new ArrayList<>();
    private final List<int[]> households = new ArrayList<>();
    private final int panelSize;

    VolunteerTypes(SortitionProblem problem) {
        this.panelSize = problem.panelSize();
        List<Volunteer> pool = problem.pool();
        TreeSet<String> quotaFeatures = new TreeSet<>();
        problem.quotas().forEach(q -> quotaFeatures.add(q.feature()));
        Map<String, Integer> householdSize = new HashMap<>();
        if (problem.onePerHousehold()) {
            for (Volunteer v : pool) {
                if (v.household() != null && !v.household().isBlank()) {
                    householdSize.merge(v.household(), 1, Integer::sum);
                }
            }
        }
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        Map<String, List<Integer>> typesOfHousehold = new LinkedHashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            Volunteer v = pool.get(i);
            Map<String, String> profile = new LinkedHashMap<>();
            for (String f : quotaFeatures) {
                profile.put(f, v.features().get(f));
            }
            boolean shared = v.household() != null && householdSize.getOrDefault(v.household(), 0) > 1;
            String key = shared ? "volunteer:" + i : "profile:" + profile;
            List<Integer> group = byKey.get(key);
            if (group == null) {
                group = new ArrayList<>();
                byKey.put(key, group);
                features.add(profile);
                if (shared) {
                    typesOfHousehold.computeIfAbsent(v.household(), h -> new ArrayList<>()).add(features.size() - 1);
                }
            }
            group.add(i);
        }
        byKey.values().forEach(g -> members.add(g.stream().mapToInt(Integer::intValue).toArray()));
        typesOfHousehold.values().forEach(t -> households.add(t.stream().mapToInt(Integer::intValue).toArray()));
    }

    int count() {
        return members.size();
    }

    /** Pool indices of the type's members, in pool order. */
    int[] members(int type) {
        return members.get(type);
    }

    int size(int type) {
        return members.get(type).length;
    }

    /**
     * The composition (seats per type) that meets {@code quotas} and the household rule and maximises
     * Σ seats_t · weight_t, or empty if no panel meets the quotas. {@code weights} may be null (feasibility only).
     */
    Optional<int[]> best(List<Quota> quotas, double[] weights) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.time_abort = TIME_LIMIT_MILLIS;
        Variable[] seats = new Variable[count()];
        Expression total = model.addExpression("size").level(panelSize);
        for (int t = 0; t < seats.length; t++) {
            seats[t] = model.addVariable("c" + t).integer(true).lower(0).upper(size(t))
                    .weight(weights == null ? 0 : weights[t]);
            total.set(seats[t], 1);
        }
        for (int q = 0; q < quotas.size(); q++) {
            Quota quota = quotas.get(q);
            Expression e = model.addExpression("q" + q).lower(quota.min()).upper(quota.max());
            for (int t = 0; t < seats.length; t++) {
                if (quota.value().equals(features.get(t).get(quota.feature()))) {
                    e.set(seats[t], 1);
                }
            }
        }
        for (int h = 0; h < households.size(); h++) {
            Expression e = model.addExpression("h" + h).upper(1);
            for (int t : households.get(h)) {
                e.set(seats[t], 1);
            }
        }
        Optimisation.Result result = model.maximise();
        if (!result.getState().isFeasible()) {
            return Optional.empty();
        }
        int[] composition = new int[seats.length];
        int sum = 0;
        for (int t = 0; t < seats.length; t++) {
            composition[t] = (int) Math.round(result.doubleValue(t));
            sum += composition[t];
        }
        return sum == panelSize ? Optional.of(composition) : Optional.empty();
    }
}
