package kr.chamyeo.election;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The request bodies of deploy/bench/voting {@code KIND=encrypted} (issue 21 "Speed": client-encrypted votes, not a test):
 * one ballot a voter's app would send to {@code POST /ballots/{id}/encrypted-votes}, made with
 * {@link BallotEncryption#encrypt} for each distinct (voter, ballot) pair, so each is bound to its own ballot id and none is
 * a copy the service would refuse (409 ballot-copied).
 * <pre>
 *   EncryptedVoteBodies &lt;election public key hex&gt; &lt;options&gt; &lt;min&gt; &lt;max&gt; &lt;ballot ids, comma-separated&gt;
 *                       &lt;voters&gt; &lt;count&gt; &lt;files&gt; &lt;output prefix&gt; [&lt;costs, comma-separated&gt; &lt;budget limit&gt;]
 * </pre>
 * Pair p (0 ≤ p &lt; count) is voter p mod voters on ballot ⌊p / voters⌋ mod ballots, choosing options p and p + 3 (mod
 * options), as the script's server-encrypted votes do. It goes to file {@code <prefix>-<p mod files>.txt} (one per wrk
 * thread) as the line {@code <voter index> <ballot id> <JSON body>}; the bodies are encrypted on every core. The rule is
 * the script's benchmark ballots': APPROVAL min..max of the options, or BUDGET when costs and a limit are given.
 */
public final class EncryptedVoteBodies {

    private static final int BLOCK = 4096;

    private EncryptedVoteBodies() {
    }

    public static void main(String[] args) throws IOException {
        ECPoint publicKey = Group.point(args[0]);
        int options = Integer.parseInt(args[1]);
        boolean budget = args.length > 9;
        SelectionRule rule = new SelectionRule(options, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                budget ? Arrays.stream(args[9].split(",")).map(Long::valueOf).toList() : null, budget ? Long.valueOf(args[10]) : null);
        String[] ballots = args[4].split(",");
        int voters = Integer.parseInt(args[5]);
        int count = Integer.parseInt(args[6]);
        int files = Integer.parseInt(args[7]);
        if ((long) voters * ballots.length < count) {
            throw new IllegalArgumentException(count + " bodies need more than " + voters + " voters × " + ballots.length + " ballots");
        }
        long wall = System.nanoTime();
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
        long bytes = 0;
        List<BufferedWriter> out = new ArrayList<>(files);
        for (int f = 0; f < files; f++) {
            out.add(Files.newBufferedWriter(Path.of(args[8] + "-" + f + ".txt"), StandardCharsets.UTF_8));
        }
        for (int from = 0; from < count; from += BLOCK) {
            String[] lines = IntStream.range(from, Math.min(count, from + BLOCK)).parallel()
                    .mapToObj(p -> line(p, voters, ballots, publicKey, rule)).toArray(String[]::new);
            for (int i = 0; i < lines.length; i++) {
                BufferedWriter writer = out.get((from + i) % files);
                writer.write(lines[i]);
                writer.newLine();
                bytes += lines[i].length() + 1;
            }
        }
        for (BufferedWriter writer : out) {
            writer.close();
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? (os.getProcessCpuTime() - cpu) / 1e9 : Double.NaN;
        System.out.printf("%d client-encrypted ballots (%d options, %s %d..%d%s) in %d files: %.1f s wall, %.1f CPU-s "
                + "(%.2f CPU-ms a ballot), %.1f KB a line, %.0f MB in all%n", count, options, budget ? "BUDGET" : "APPROVAL",
                rule.min(), rule.max(), budget ? " within " + args[10] + "원, " + rule.budgetBits() + " bits in " + BudgetProof.digits(rule) + " digits" : "", files,
                seconds, cpuSeconds, 1000 * cpuSeconds / count, bytes / 1024.0 / count, bytes / 1048576.0);
    }

    private static String line(int p, int voters, String[] ballots, ECPoint publicKey, SelectionRule rule) {
        String ballotId = ballots[(p / voters) % ballots.length];
        int options = rule.options();
        int[] chosen = rule.max() >= 2 ? new int[] {p % options, (p + 3) % options} : new int[] {p % options};
        return (p % voters) + " " + ballotId + " " + json(BallotEncryption.encrypt(ballotId, publicKey, rule, chosen).ballot());
    }

    /** The ballot as the service reads it (EncryptedBallot's fields; every value is hex text, so nothing needs escaping). */
    static String json(EncryptedBallot ballot) {
        return "{\"ballotId\":\"" + ballot.ballotId() + "\",\"choices\":" + strings(ballot.choices())
                + ",\"choiceProofs\":" + ballot.choiceProofs().stream().map(EncryptedVoteBodies::strings).collect(Collectors.joining(",", "[", "]"))
                + ",\"countProof\":" + strings(ballot.countProof())
                + ",\"budgetDigits\":" + strings(ballot.budgetDigits())
                + ",\"budgetDigitProofs\":" + ballot.budgetDigitProofs().stream().map(EncryptedVoteBodies::strings).collect(Collectors.joining(",", "[", "]"))
                + ",\"budgetProof\":" + strings(ballot.budgetProof()) + "}";
    }

    private static String strings(List<String> values) {
        return values.stream().collect(Collectors.joining("\",\"", values.isEmpty() ? "[" : "[\"", values.isEmpty() ? "]" : "\"]"));
    }
}
