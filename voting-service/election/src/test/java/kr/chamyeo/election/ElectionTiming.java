package kr.chamyeo.election;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

/**
 * Prints the one-core cost of encryption and the trustees' decryption operations (CPU time of this thread per
 * operation) for the planning figures of issue 21; not a test (timings on a shared machine are not assertions). The
 * proof checks of client-encrypted ballots are timed by {@link ProofBench}, per rule and option count. Run after
 * {@code mvn install} with
 * {@code java -cp target/classes:target/test-classes:<bcprov jar> kr.chamyeo.election.ElectionTiming [rounds]}.
 */
public final class ElectionTiming {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ElectionTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "1");
        Ceremony ceremony = Ceremony.run("timing", 3, 2);
        ElectionKey key = ceremony.key();
        ECPoint pk = key.publicPoint();
        ECPoint message = Selection.encode(new int[] {3}, 10)[0];
        List<Ciphertext> ciphertexts = IntStream.range(0, rounds)
                .mapToObj(i -> Ciphertext.encrypt(pk, message, Group.randomScalar())).toList();
        ThresholdDecryption.PartialDecryption[] partials = new ThresholdDecryption.PartialDecryption[rounds];
        Trustee trustee = ceremony.trustees().get(0);
        for (int pass = 0; pass < 2; pass++) {
            boolean print = pass == 1;
            time(print, "ElGamal encryption (one ciphertext)", rounds,
                    i -> Ciphertext.encrypt(pk, message, Group.randomScalar()));
            time(print, "decryption share + proof (one ciphertext)", rounds,
                    i -> partials[i] = trustee.decrypt(key, "timing/tally", List.of(ciphertexts.get(i))));
            time(print, "decryption proof verification (one ciphertext)", rounds,
                    i -> check(ThresholdDecryption.verify(key, "timing/tally", List.of(ciphertexts.get(i)),
                            partials[i])));
        }
    }

    private static void check(boolean valid) {
        if (!valid) {
            throw new IllegalStateException("an honest proof did not verify");
        }
    }

    private static void time(boolean print, String what, int rounds, IntConsumer operation) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            operation.accept(i);
        }
        long micros = (THREADS.getCurrentThreadCpuTime() - start) / 1000 / rounds;
        if (print) {
            System.out.printf("%-52s %6d µs%n", what, micros);
        }
    }
}
