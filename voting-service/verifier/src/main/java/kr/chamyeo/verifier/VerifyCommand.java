package kr.chamyeo.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
            System.err.println("usage: VerifyCommand <record.json | http(s)://…/api/v1/voting/ballots/{id}/record>");
            System.exit(2);
        }
        JsonNode record;
        try {
            record = read(args[0]);
        } catch (IOException | InterruptedException e) {
            System.err.println("cannot read the record " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        Report report = Verifier.verify(record);
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

    static JsonNode read(String source) throws IOException, InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        if (source.startsWith("http://") || source.startsWith("https://")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(source)).header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode() + ": " + new String(body.readNBytes(500)));
                }
                return mapper.readTree(body);
            }
        }
        return mapper.readTree(Files.newInputStream(Path.of(source)));
    }
}
