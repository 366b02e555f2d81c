package kr.chamyeo.verifier;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java -cp 'target/voting-verifier-1.0.0-SNAPSHOT.jar:target/lib/*' kr.chamyeo.verifier.VerifyCommand [--keep DIR] <record.json | DIR | http(s)://…/record>}
 * <p>
 * Prints one line per check and exits 0 when every check passes, 1 when one fails, 2 when the record cannot be read.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        Path keep = args.length == 3 && args[0].equals("--keep") ? Path.of(args[1]) : null;
        if (args.length != 1 && keep == null) {
            System.err.println("usage: VerifyCommand [--keep DIR] <record.json | DIR | http(s)://…/api/v1/voting/ballots/{id}/record>\n"
                    + "  a ballot counted in several batches is a header and pages: give its address (pages are read as needed;\n"
                    + "  --keep DIR also writes them to DIR) or a DIR kept that way, to check it again offline");
            System.exit(2);
        }
        String source = args[args.length - 1];
        JsonNode record;
        RecordPages pages;
        try {
            if (isUrl(source)) {
                HttpRecord served = new HttpRecord(source);
                record = served.header();
                pages = keep == null ? served : RecordArchive.keeping(record, served, keep);
            } else if (Files.isDirectory(Path.of(source))) {
                RecordArchive archive = new RecordArchive(Path.of(source));
                record = archive.header();
                pages = archive;
            } else {
                record = new ObjectMapper().readTree(Files.newInputStream(Path.of(source)));
                pages = null;
            }
        } catch (IOException | java.io.UncheckedIOException | InterruptedException e) {
            System.err.println("cannot read the record " + source + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        // A ballot of several batches is a header and pages (§8.5), read as they are checked.
        Report report = pages != null ? Verifier.verify(record, pages) : Verifier.verify(record);
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
