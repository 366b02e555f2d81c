import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic but realistic Pabulib approval election, shaped like Warsaw's district budgets: projects belong
 * to neighbourhoods and cost from 10,000 to about 2,000,000 (log-normal), their appeal is log-normal too, and each
 * voter approves 1 to 15 projects (mostly a few), three in four of them in its own neighbourhood. The budget is a
 * quarter of what all projects cost. Deterministic for a seed.
 *
 * Usage: java GenerateElection.java OUT.pb PROJECTS VOTERS [SEED]
 */
public class GenerateElection {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int projects = Integer.parseInt(args[1]);
        int voters = Integer.parseInt(args[2]);
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 2026);
        int areas = Math.max(1, projects / 30);
        long[] cost = new long[projects];
        double[] appeal = new double[projects];
        int[] area = new int[projects];
        long total = 0;
        for (int p = 0; p < projects; p++) {
            cost[p] = Math.max(10_000, Math.min(2_500_000, Math.round(Math.exp(12 + 1.1 * random.nextGaussian()) / 100) * 100));
            appeal[p] = Math.exp(random.nextGaussian());
            area[p] = p % areas;
            total += cost[p];
        }
        // Cumulative appeal, over all projects and per area, to draw approvals in proportion to it.
        double[] all = cumulative(appeal, null, -1);
        double[][] byArea = new double[areas][];
        for (int a = 0; a < areas; a++) {
            byArea[a] = cumulative(appeal, area, a);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("META\nkey;value\ndescription;Synthetic district budget (Chamyeo benchmark)\ncountry;Poland\nunit;Synthetic\n");
            w.write("instance;2026\nnum_projects;" + projects + "\nnum_votes;" + voters + "\nbudget;" + total / 4 + "\n");
            w.write("vote_type;approval\nrule;greedy\ncurrency;PLN\nmin_length;1\nmax_length;15\n");
            w.write("PROJECTS\nproject_id;cost;name;selected\n");
            for (int p = 0; p < projects; p++) {
                w.write((p + 1) + ";" + cost[p] + ";Project " + (p + 1) + " in area " + area[p] + ";0\n");
            }
            w.write("VOTES\nvoter_id;vote\n");
            StringBuilder line = new StringBuilder();
            boolean[] chosen = new boolean[projects];
            int[] picked = new int[15];
            for (int v = 0; v < voters; v++) {
                int home = random.nextInt(areas);
                int wanted = Math.min(15, 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3.5));
                int count = 0;
                for (int attempt = 0; count < wanted && attempt < 60; attempt++) {
                    int p = random.nextInt(4) < 3 ? draw(byArea[home], random, area, home) : draw(all, random, null, -1);
                    if (p >= 0 && !chosen[p]) {
                        chosen[p] = true;
                        picked[count++] = p;
                    }
                }
                line.setLength(0);
                line.append(v + 1).append(';');
                for (int i = 0; i < count; i++) {
                    line.append(i == 0 ? "" : ",").append(picked[i] + 1);
                    chosen[picked[i]] = false;
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /** Running sums of appeal over the projects of one area (or all when area is null); others add nothing. */
    private static double[] cumulative(double[] appeal, int[] area, int which) {
        double[] sums = new double[appeal.length];
        double sum = 0;
        for (int p = 0; p < appeal.length; p++) {
            if (area == null || area[p] == which) {
                sum += appeal[p];
            }
            sums[p] = sum;
        }
        return sums;
    }

    private static int draw(double[] sums, Random random, int[] area, int which) {
        double total = sums[sums.length - 1];
        if (total == 0) {
            return -1;
        }
        double x = random.nextDouble() * total;
        int lo = 0;
        int hi = sums.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sums[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return area == null || area[lo] == which ? lo : -1;
    }
}
