package kr.chamyeo.governance.sortition;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The random part of a sortition, made verifiable: every random number is derived by SHA-256 from the draw seed
 * ({@link #drawSeed}) — which composition of the distribution, which members of each type take its seats. The draw
 * seed mixes a secret seed, whose SHA-256 (the commitment) is published before the draw, with a public value fixed
 * only at the draw (numbers drawn in public at the ceremony), as the Sortition Foundation and Flanigan et al.
 * recommend: whoever knows the seed beforehand (the officer, a database reader) cannot tell the panel, and the
 * service cannot pick a seed for a panel it wants once the public value is known. Seed and public value are
 * published after the draw; anyone holding them, the published distribution and the pool can recompute the panel and
 * the reserves, and check the seed against the commitment.
 * <p>
 * Reserves (예비): after the panel is drawn, the reserves are chosen among the volunteers left (and, under
 * the household rule, outside the households already on the panel) by a second, quota-aware draw: each
 * remaining volunteer gets a seed-derived random key, and the reserve list is the highest-key set that meets
 * the quotas scaled down to the number of reserves (min and max times reserves/panel size, rounded down and
 * up). If the remaining pool cannot meet even those, the highest keys are taken without quotas. Reserves are
 * listed in descending key order, which is the order in which they are called up.
 */
public final class Lottery {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Lottery() {
    }

    public static String newSeed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    public static String commitment(String seedHex) {
        return HexFormat.of().formatHex(sha256(seedHex.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The seed a draw runs on: hex(SHA-256(UTF-8 of {@code "chamyeo-sortition:" + seedHex + ":" + publicValue})), the
     * public value in NFC. A sortition drawn before public values existed (null) ran on its seed alone.
     */
    public static String drawSeed(String seedHex, String publicValue) {
        if (publicValue == null) {
            return seedHex;
        }
        return HexFormat.of().formatHex(sha256(("chamyeo-sortition:" + seedHex + ":" + Normalizer.normalize(publicValue, Normalizer.Form.NFC))
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** A uniform number in [0,1) determined by the seed and a label. */
    public static double uniform(String seedHex, String label) {
        byte[] digest = sha256((seedHex + ":" + label).getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(digest, 0, 8).getLong() >>> 11;
        return bits * 0x1.0p-53;
    }

    public record Draw(List<String> selected, List<String> reserves, int panelIndex) {
    }

    public static Draw draw(SortitionProblem problem, PanelDistribution distribution, String seedHex, int reserves) {
        int index = distribution.compositionAt(uniform(seedHex, "panel"));
        List<String> selected = seat(distribution, index, seedHex);
        return new Draw(selected, reserves(problem, selected, seedHex, reserves), index);
    }

    /**
     * The panel of composition {@code index}: in each type, the members with the highest seed-derived keys
     * take the type's seats, so every member is equally likely. Listed in the distribution's type order.
     */
    public static List<String> seat(PanelDistribution distribution, int index, String seedHex) {
        List<Integer> composition = distribution.compositions().get(index);
        List<String> selected = new ArrayList<>();
        for (int t = 0; t < composition.size(); t++) {
            int seats = composition.get(t);
            if (seats == 0) {
                continue;
            }
            List<String> members = new ArrayList<>(distribution.types().get(t));
            members.sort(Comparator.comparingDouble((String id) -> uniform(seedHex, "seat:" + id)).reversed());
            selected.addAll(members.subList(0, seats));
        }
        return selected;
    }

    private static List<String> reserves(SortitionProblem problem, List<String> selected, String seedHex, int count) {
        List<Volunteer> pool = problem.pool();
        Set<String> chosen = new HashSet<>(selected);
        Set<String> takenHouseholds = new HashSet<>();
        if (problem.onePerHousehold()) {
            for (Volunteer v : pool) {
                if (chosen.contains(v.id()) && v.household() != null && !v.household().isBlank()) {
                    takenHouseholds.add(v.household());
                }
            }
        }
        boolean[] excluded = new boolean[pool.size()];
        double[] keys = new double[pool.size()];
        int available = 0;
        for (int i = 0; i < pool.size(); i++) {
            Volunteer v = pool.get(i);
            excluded[i] = chosen.contains(v.id()) || (v.household() != null && takenHouseholds.contains(v.household()));
            keys[i] = uniform(seedHex, "reserve:" + v.id());
            if (!excluded[i]) {
                available++;
            }
        }
        int size = Math.min(count, available);
        if (size == 0) {
            return List.of();
        }
        PanelModel model = new PanelModel(pool, problem.onePerHousehold());
        List<Quota> scaled = new ArrayList<>();
        for (Quota q : problem.quotas()) {
            scaled.add(new Quota(q.feature(), q.value(), (int) Math.floor((double) q.min() * size / problem.panelSize()),
                    (int) Math.ceil((double) q.max() * size / problem.panelSize())));
        }
        int[] picked = model.best(size, scaled, keys, excluded)
                .or(() -> model.best(size, List.of(), keys, excluded))
                .orElseGet(() -> greedy(pool, keys, excluded, size, problem.onePerHousehold()));
        List<Integer> order = new ArrayList<>();
        for (int i : picked) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> keys[i]).reversed());
        return order.stream().map(i -> pool.get(i).id()).toList();
    }

    /** Highest keys first, one per household; used only when households leave no exact-size list. */
    private static int[] greedy(List<Volunteer> pool, double[] keys, boolean[] excluded, int size, boolean onePerHousehold) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (!excluded[i]) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> keys[i]).reversed());
        Set<String> households = new HashSet<>();
        List<Integer> picked = new ArrayList<>();
        for (int i : order) {
            String household = pool.get(i).household();
            if (onePerHousehold && household != null && !household.isBlank() && !households.add(household)) {
                continue;
            }
            picked.add(i);
            if (picked.size() == size) {
                break;
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
