package kr.chamyeo.election;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.ThresholdDecryption.PartialDecryption;
import kr.chamyeo.election.shuffle.MixRound;
import kr.chamyeo.election.shuffle.Shuffle;

/**
 * deploy/bench/counting's counting pipeline (issue 21 "Speed"; not a test): N server-style ballots (10 options, one
 * ciphertext each) encrypted under a 3-of-3 trustees' key, then what the trustees and voting-service do after voting
 * ends — three shuffles, each proved by its trustee and verified as the service verifies it, three decryption shares
 * with proofs, each verified, the combination (which verifies every share again, as {@code CountingService} calls it)
 * and the decoding of every selection. Prints wall and CPU time per phase, the total, and a linear projection for
 * 1,000,000 ballots; checks that the decoded tallies equal what was encrypted.
 * <p>
 * {@code N} (environment, default 100000) sets the size. Needs about 1 GB of heap per 100,000 ballots.
 */
public final class CountingBench {

    private static final int OPTIONS = 10;
    private static final int TRUSTEES = 3;

    private CountingBench() {
    }

    private record Phase(String name, long wallNanos, long cpuNanos) {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(System.getenv().getOrDefault("N", "100000"));
        String ballotId = "bench-ballot-" + n;
        System.out.printf("counting bench: N=%,d ballots, %d options (one ciphertext each), %d-of-%d trustees, %d cores, "
                + "heap %d MB%n", n, OPTIONS, TRUSTEES, TRUSTEES, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        long[] start = now();
        Ceremony ceremony = Ceremony.run("bench-election", TRUSTEES, TRUSTEES);
        ElectionKey key = ceremony.key();
        ECPoint pk = key.publicPoint();
        Phase keyCeremony = phase("key ceremony (3 trustees, in process)", start);
        print(keyCeremony, n, false);

        // The board: what voting-service stored while voting (server-encrypted, random APPROVAL selections of 1..3).
        ECPoint[] encodings = new ECPoint[1 << OPTIONS];
        long[] expected = new long[OPTIONS];
        int[][] chosen = new int[n][];
        for (int i = 0; i < n; i++) {
            chosen[i] = randomSelection(ThreadLocalRandom.current());
            for (int index : chosen[i]) {
                expected[index]++;
            }
        }
        start = now();
        IntStream.range(0, 1 << OPTIONS).parallel().forEach(mask -> encodings[mask] = Selection.encode(indexes(mask), OPTIONS)[0]);
        List<List<Ciphertext>> board = IntStream.range(0, n).parallel()
                .mapToObj(i -> List.of(Ciphertext.encrypt(pk, encodings[mask(chosen[i])], Group.randomScalar()))).toList();
        print(phase("board: encrypting the ballots (voting-service's work while voting)", start), n, false);

        List<Phase> phases = new ArrayList<>();
        List<List<Ciphertext>> current = board;
        for (int round = 1; round <= TRUSTEES; round++) {
            String context = MixRound.context(ballotId, round);
            start = now();
            Shuffle.Result result = Shuffle.shuffle(pk, context, current);
            phases.add(print(phase("trustee " + round + ": shuffle + proof (round " + round + ")", start), n, true));
            start = now();
            boolean valid = Shuffle.verify(pk, context, current, result.outputs(), result.proof());
            phases.add(print(phase("service: verify shuffle of round " + round, start), n, true));
            if (!valid) {
                throw new IllegalStateException("an honest shuffle did not verify (round " + round + ")");
            }
            current = result.outputs();
        }
        List<Ciphertext> last = current.stream().map(ballot -> ballot.get(0)).toList();

        List<PartialDecryption> partials = new ArrayList<>();
        for (Trustee trustee : ceremony.trustees()) {
            int seat = trustee.secret().index();
            start = now();
            PartialDecryption partial = trustee.decrypt(key, ballotId, last);
            phases.add(print(phase("trustee " + seat + ": decryption shares + proofs", start), n, true));
            start = now();
            boolean valid = ThresholdDecryption.verify(key, ballotId, last, partial);
            phases.add(print(phase("service: verify trustee " + seat + "'s shares", start), n, true));
            if (!valid) {
                throw new IllegalStateException("honest decryption shares did not verify (trustee " + seat + ")");
            }
            partials.add(partial);
        }
        start = now();
        List<ECPoint> points = ThresholdDecryption.combineVerified(key, last, partials);
        phases.add(print(phase("service: combine (shares verified at their post, as CountingService)", start), n, true));

        start = now();
        List<Optional<int[]>> decoded = points.parallelStream().map(p -> Selection.decode(new ECPoint[] {p}, OPTIONS)).toList();
        phases.add(print(phase("service: decode selections (Selection.decode)", start), n, true));
        long[] counted = new long[OPTIONS];
        for (Optional<int[]> selection : decoded) {
            for (int index : selection.orElseThrow(() -> new IllegalStateException("a ballot did not decode"))) {
                counted[index]++;
            }
        }
        if (!Arrays.equals(counted, expected)) {
            throw new IllegalStateException("tallies differ: counted " + Arrays.toString(counted) + ", cast " + Arrays.toString(expected));
        }

        long wall = phases.stream().mapToLong(Phase::wallNanos).sum();
        long cpu = phases.stream().mapToLong(Phase::cpuNanos).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        double scale = 1_000_000.0 / n;
        System.out.printf("tallies           : %s (decoded = encrypted)%n", Arrays.toString(counted));
        System.out.printf("TOTAL N=%d shuffle+verify+decrypt+verify+combine+decode: %.1f s wall, %.1f CPU-s (%.2f CPU-ms/ballot); "
                        + "target <= 600 s: %s%n", n, wall / 1e9, cpu / 1e9, cpu / 1e6 / n, wall / 1e9 <= 600 ? "met" : "MISSED");
        System.out.printf("PROJECTION N=1,000,000 (linear in N): %.0f s wall at this run's speed (%.1f min); %.0f CPU-s = %.1f min on %d "
                        + "idle cores%n", wall / 1e9 * scale, wall / 1e9 * scale / 60, cpu / 1e9 * scale, cpu / 1e9 * scale / 60 / cores,
                cores);
        // A board that large is counted in batches of at most 100,000 (PROTOCOL.md §8.6), each this pipeline on its own.
        System.out.printf("  as %d batches of %d (voting-service's default batch-size): the same work, each step checked alone%n",
                (1_000_000 + 99_999) / 100_000, 100_000);
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private static int[] randomSelection(ThreadLocalRandom random) {
        int count = 1 + random.nextInt(3);
        int mask = 0;
        while (Integer.bitCount(mask) < count) {
            mask |= 1 << random.nextInt(OPTIONS);
        }
        return indexes(mask);
    }

    private static int[] indexes(int mask) {
        return IntStream.range(0, OPTIONS).filter(i -> (mask & (1 << i)) != 0).toArray();
    }

    private static int mask(int[] indexes) {
        int mask = 0;
        for (int index : indexes) {
            mask |= 1 << index;
        }
        return mask;
    }

    private static Phase print(Phase phase, int n, boolean counted) {
        System.out.printf("%-62s %8.1f s wall %8.1f CPU-s  %6.3f CPU-ms/ballot%s%n", phase.name(), phase.wallNanos() / 1e9,
                phase.cpuNanos() / 1e9, phase.cpuNanos() / 1e6 / n, counted ? "" : "  (not counted in the total)");
        return phase;
    }

    private static Phase phase(String name, long[] start) {
        return new Phase(name, System.nanoTime() - start[0], cpu() - start[1]);
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), cpu()};
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
