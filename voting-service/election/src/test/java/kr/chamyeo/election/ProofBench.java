package kr.chamyeo.election;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

/**
 * deploy/bench/counting's per-core figure for client-encrypted votes (issue 21 "Speed": ≥ 500 votes/s per core; not a
 * test): the proof checks voting-service runs before accepting a ballot the app encrypted —
 * {@link EncryptedBallot#verify} for SINGLE, APPROVAL and BUDGET rules of 5 and 10 options (a 0/1 proof per option, the count
 * proof, and for BUDGET the range proof of the unspent budget) — timed on one thread by that thread's CPU time, so the figure is
 * votes per second per core whatever else the machine runs. The service's other work per vote (HTTP, JSON, tracker
 * hash, storing) is not in it; deploy/bench/voting measures that part for server-encrypted votes.
 * <p>
 * Timed twice: each ballot alone ({@link EncryptedBallot#verify}, an idle service), then {@code JOINT} (default 64) at a
 * time ({@link EncryptedBallot#checkAll}, what voting-service's proof checkers do with the ballots that queue up under load).
 * <p>
 * {@code ROUNDS} (environment, default 3000) ballots of each kind, after a warm-up pass of the same size.
 */
public final class ProofBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ForkJoinPool ONE_THREAD = new ForkJoinPool(1);
    private static final double TARGET = 500;

    private ProofBench() {
    }

    /** {@code OPTIONS} (environment, default "5,10"): the ballot sizes to time; the cost grows with the options. */
    public static void main(String[] args) {
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3000"));
        ECPoint pk = Ceremony.run("proof-bench", 3, 3).key().publicPoint();
        for (String size : System.getenv().getOrDefault("OPTIONS", "5,10").split(",")) {
            bench(pk, rounds, Integer.parseInt(size.trim()));
        }
        System.out.printf("load average at the end: %s%n", CountingBench.loadAverage());
    }

    private static void bench(ECPoint pk, int rounds, int options) {
        SelectionRule single = SelectionRule.single(options);
        SelectionRule approval = new SelectionRule(options, 1, 3, null, null);
        // Projects of 10 million 원 and up in steps of 5 million (a district assembly's range), at most three within 100 million.
        SelectionRule budget = budget(options, 10_000_000L, 5_000_000L, 100_000_000L);
        // Non-round costs, as real projects have (deploy/bench/voting RULE=BUDGET): 14 bits (7 digits) of unspent budget to prove, not 5 (3).
        SelectionRule realBudget = budget(options, 12_340_000L, 7_310_000L, 150_000_000L);
        String[] ids = IntStream.range(0, rounds).mapToObj(i -> UUID.randomUUID().toString()).toArray(String[]::new);
        EncryptedBallot[] singles = encrypt(ids, pk, single, i -> new int[] {i % options});
        EncryptedBallot[] approvals = encrypt(ids, pk, approval, i -> new int[] {i % options, (i + 3) % options});
        EncryptedBallot[] budgets = encrypt(ids, pk, budget, i -> new int[] {0, 1 + i % (options - 1)});
        EncryptedBallot[] realBudgets = encrypt(ids, pk, realBudget, i -> new int[] {0, 1 + i % (options - 1)});
        System.out.printf("proof verification, one thread, %d ballots of each kind after as many for warm-up, %d options%n",
                rounds, options);
        for (int pass = 0; pass < 2; pass++) {
            boolean print = pass == 1;
            time(print, "SINGLE   (exactly 1)                ", rounds, i -> singles[i].verify(pk, single));
            time(print, "APPROVAL (1..3)                     ", rounds, i -> approvals[i].verify(pk, approval));
            time(print, "BUDGET   (1..3, 100,000,000원 limit)", rounds, i -> budgets[i].verify(pk, budget));
            time(print, "BUDGET   (1..3, non-round, 14 bits) ", rounds, i -> realBudgets[i].verify(pk, realBudget));
        }
        int joint = Integer.parseInt(System.getenv().getOrDefault("JOINT", "64"));
        System.out.printf("the same, checked %d ballots at a time (EncryptedBallot.checkAll, as the service does under load)%n", joint);
        for (int pass = 0; pass < 2; pass++) {
            boolean print = pass == 1;
            timeJoint(print, "SINGLE   (exactly 1)                ", rounds, joint, singles, pk, single);
            timeJoint(print, "APPROVAL (1..3)                     ", rounds, joint, approvals, pk, approval);
            timeJoint(print, "BUDGET   (1..3, 100,000,000원 limit)", rounds, joint, budgets, pk, budget);
            timeJoint(print, "BUDGET   (1..3, non-round, 14 bits) ", rounds, joint, realBudgets, pk, realBudget);
        }
    }

    /** BUDGET 1..3 of projects costing first, first + step, … within limit. */
    private static SelectionRule budget(int options, long first, long step, long limit) {
        return new SelectionRule(options, 1, 3,
                java.util.stream.LongStream.range(0, options).mapToObj(i -> first + step * i).toList(), limit);
    }

    private static EncryptedBallot[] encrypt(String[] ids, ECPoint pk, SelectionRule rule,
            java.util.function.IntFunction<int[]> chosen) {
        return IntStream.range(0, ids.length).parallel()
                .mapToObj(i -> BallotEncryption.encrypt(ids[i], pk, rule, chosen.apply(i)).ballot())
                .toArray(EncryptedBallot[]::new);
    }

    private static void timeJoint(boolean print, String what, int rounds, int joint, EncryptedBallot[] ballots, ECPoint pk,
            SelectionRule rule) {
        int groups = rounds / joint;
        time(print, what, groups * joint, joint, g -> EncryptedBallot.checkAll(IntStream.range(g * joint, (g + 1) * joint)
                .mapToObj(i -> new EncryptedBallot.Submission(ballots[i], pk, rule)).toList()).stream().allMatch(v -> v.fault().isEmpty()));
    }

    private static void time(boolean print, String what, int rounds, IntPredicate verify) {
        time(print, what, rounds, 1, verify);
    }

    private static void time(boolean print, String what, int rounds, int perCall, IntPredicate verify) {
        // In a pool of one thread, checkAll's parallel parts run on the thread whose CPU time is taken.
        long[] cpuAndWall = ONE_THREAD.submit(() -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < rounds / perCall; i++) {
                if (!verify.test(i)) {
                    throw new IllegalStateException("an honest ballot did not verify: " + what);
                }
            }
            return new long[] {THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall};
        }).join();
        long cpu = cpuAndWall[0];
        long wall = cpuAndWall[1];
        if (print) {
            double perCore = rounds / (cpu / 1e9);
            System.out.printf("%s %7.0f µs CPU/vote = %5.0f votes/s per core (target >= %.0f: %s; wall %5.0f votes/s on this "
                    + "thread)%n", what, cpu / 1e3 / rounds, perCore, TARGET, perCore >= TARGET ? "met" : "MISSED",
                    rounds / (wall / 1e9));
        }
    }
}
