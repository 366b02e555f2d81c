package kr.chamyeo.election.shuffle;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.Group;

/**
 * Prints the cost of a shuffle for the planning figures of PROTOCOL.md §7.8; not a test (timings on a shared
 * machine are not assertions). Run after {@code mvn install}, from the module, with
 * {@code java -cp target/classes:target/test-classes:<bcprov jar> kr.chamyeo.election.shuffle.ShuffleTiming 1000
 * 10000} (sizes N; {@code -Dwidth=2} for ballots of two ciphertexts).
 */
public final class ShuffleTiming {

    private ShuffleTiming() {
    }

    public static void main(String[] args) {
        ECPoint pk = Group.base(Group.randomScalar());
        int width = Integer.getInteger("width", 1);
        // Warm-up so that the JIT and the comb tables do not count against the first size.
        run(pk, 500, width, false);
        for (String arg : args) {
            run(pk, Integer.parseInt(arg), width, true);
        }
    }

    private static void run(ECPoint pk, int n, int width, boolean print) {
        List<List<Ciphertext>> inputs = IntStream.range(0, n).parallel()
                .mapToObj(i -> IntStream.range(0, width)
                        .mapToObj(k -> Ciphertext.encrypt(pk, Group.base(BigInteger.valueOf(i + 1)),
                                Group.randomScalar()))
                        .toList())
                .toList();
        String context = "timing / " + n;

        long[] start = now();
        ECPoint[] h = Generators.derive(Generators.seed(pk, context), n);
        long[] generators = since(start);

        start = now();
        Shuffle.Result result = Shuffle.shuffle(pk, context, inputs);
        long[] prove = since(start);

        start = now();
        boolean valid = Shuffle.verify(pk, context, inputs, result.outputs(), result.proof());
        long[] verify = since(start);

        if (!valid || h.length != n) {
            throw new IllegalStateException("an honest shuffle of " + n + " did not verify");
        }
        if (print) {
            System.out.printf("N=%d w=%d: generators %s; shuffle+prove (generators included) %s; verify %s%n",
                    n, width, perBallot(generators, n), perBallot(prove, n), perBallot(verify, n));
        }
    }

    /**
     * Wall time and the process's CPU time: the machine is shared, so CPU time divided by the cores is the
     * figure to plan with, wall time what this run happened to get.
     */
    private static long[] now() {
        return new long[] {System.nanoTime(), cpu()};
    }

    private static long[] since(long[] start) {
        return new long[] {System.nanoTime() - start[0], cpu() - start[1]};
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String perBallot(long[] elapsed, int n) {
        return String.format("%.3f ms/ballot wall, %.3f CPU-ms/ballot", elapsed[0] / 1e6 / n, elapsed[1] / 1e6 / n);
    }
}
