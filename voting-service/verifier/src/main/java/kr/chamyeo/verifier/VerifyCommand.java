package kr.chamyeo.verifier;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java -cp 'target/voting-verifier-1.0.0-SNAPSHOT.jar:target/lib/*' kr.chamyeo.verifier.VerifyCommand <record.json | http(s)://…/record>}
 * <p>
 * Prints one line per check and exits 0 when every check passes, 1 when one fails, 2 when the record cannot be read.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: VerifyCommand <record.json | http(s)://…/api/v1/voting/ballots/{id}/record>"
                    + " (a ballot counted in several batches: the address, whose pages are read as needed)");
            System.exit(2);
        }
        JsonNode record;
        HttpRecord served = isUrl(args[0]) ? new HttpRecord(args[0]) : null;
        try {
            record = served != null ? served.header() : new ObjectMapper().readTree(Files.newInputStream(Path.of(args[0])));
        } catch (IOException | InterruptedException e) {
            System.err.println("cannot read the record " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        // A ballot of several batches is a header and pages (§8.5), read from the service as they are checked.
        Report report = served != null ? Verifier.verify(record, served) : Verifier.verify(record);
        report.checks().forEach(check -> System.out.println(check.line()));
        System.out.printf("%s: %d checks, %d failed; %.1f s, %.1f CPU-s%n", report.passed() ? "VALID" : "INVALID",
                report.checks().size(), report.failures().size(), (System.nanoTime() - start) / 1e9, cpuSeconds());
        System.exit(report.passed() ? 0 : 1);
    }

    /** Process CPU time: on a shared machine the wall clock says more about the neighbours than about the record. */
    private static double cpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }
}
