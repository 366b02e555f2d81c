package kr.chamyeo.governance.sortition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generated volunteer pools shaped like the seed's jury and autonomy-council calls. */
final class Pools {

    static final String[] AGE_BANDS = {"20대이하", "30대", "40대", "50대", "60대이상"};
    static final String[] AREAS = {"가선거구", "나선거구", "다선거구"};

    private Pools() {
    }

    /**
     * Volunteers skewed the way open calls are (more older men, fewer people in their 20s), so proportional
     * quotas actually bind.
     */
    static List<Volunteer> jury(int size, long seed) {
        Random random = new Random(seed);
        double[] ageWeights = {0.12, 0.17, 0.21, 0.22, 0.28};
        List<Volunteer> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, String> features = new LinkedHashMap<>();
            features.put("sex", random.nextDouble() < 0.58 ? "M" : "F");
            features.put("ageBand", AGE_BANDS[pick(random, ageWeights)]);
            features.put("area", AREAS[pick(random, new double[] {0.45, 0.30, 0.25})]);
            pool.add(new Volunteer(String.format("v%03d", i), features, null));
        }
        return pool;
    }

    /** Population shares of 금천구 adults used for the jury test (성·연령·지역 인구 비례). */
    static List<Quota> juryQuotas(int seats) {
        List<Quota> quotas = new ArrayList<>();
        quotas.addAll(ProportionalQuotas.of("sex", ordered("M", 0.51, "F", 0.49), seats));
        quotas.addAll(ProportionalQuotas.of("ageBand", ordered("20대이하", 0.19, "30대", 0.18, "40대", 0.18, "50대", 0.19, "60대이상", 0.26), seats));
        quotas.addAll(ProportionalQuotas.of("area", ordered("가선거구", 0.36, "나선거구", 0.33, "다선거구", 0.31), seats));
        return quotas;
    }

    static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
