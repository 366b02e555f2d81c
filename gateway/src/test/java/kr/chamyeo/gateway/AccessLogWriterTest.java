package kr.chamyeo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class AccessLogWriterTest {

    /** Keeps every write call apart, to see what reached the output in which pieces. */
    private static final class Writes extends OutputStream {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException("one byte at a time");
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            calls.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }

    private static LogRecord record(String message, Instant at) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setInstant(at);
        return record;
    }

    @Test
    void linesWaitForTheFlushAndCarryTheirUtcTime() {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, 4096);

        writer.publish(record("request_id=a status=201", Instant.parse("2026-12-03T06:40:00.007Z")));
        writer.publish(record("request_id=b route=/api/v1/community/groups?name=마을 status=200", Instant.parse("2026-12-03T06:40:01.250Z")));
        assertTrue(out.calls.isEmpty(), "nothing is written before the flush or a full chunk");

        writer.flush();
        assertEquals(List.of("2026-12-03T06:40:00.007Z request_id=a status=201\n"
                + "2026-12-03T06:40:01.250Z request_id=b route=/api/v1/community/groups?name=마을 status=200\n"), out.calls);
        writer.flush();
        assertEquals(1, out.calls.size(), "an empty buffer writes nothing");
    }

    @Test
    void aFullChunkIsWrittenInWholeLinesWithinItsSize() {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, 100);
        Instant at = Instant.parse("2026-12-03T06:40:00Z");
        for (int i = 0; i < 10; i++) {
            writer.publish(record("request_id=" + i + " status=201", at));
        }
        writer.flush();

        StringBuilder all = new StringBuilder();
        for (String call : out.calls) {
            assertTrue(call.getBytes(StandardCharsets.UTF_8).length <= 100, call);
            assertTrue(call.endsWith("\n"), "a write ends with a whole line: " + call);
            all.append(call);
        }
        assertTrue(out.calls.size() > 1);
        String[] lines = all.toString().split("\n");
        assertEquals(10, lines.length);
        for (int i = 0; i < 10; i++) {
            assertEquals("2026-12-03T06:40:00.000Z request_id=" + i + " status=201", lines[i]);
        }
    }

    @Test
    void aLineLongerThanAChunkIsWrittenWholeOnItsOwn() {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, 64);
        Instant at = Instant.parse("2026-12-03T06:40:00Z");
        writer.publish(record("short", at));
        String longRoute = "route=/api/v1/budget/" + "x".repeat(200);
        writer.publish(record(longRoute, at));

        assertEquals(List.of("2026-12-03T06:40:00.000Z short\n", "2026-12-03T06:40:00.000Z " + longRoute + "\n"), out.calls);
    }

    @Test
    void aWriterSetToOffWritesNothing() {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, 4096);
        writer.setLevel(Level.OFF);
        writer.publish(record("request_id=a", Instant.now()));
        writer.flush();
        assertTrue(out.calls.isEmpty());
    }

    @Test
    void linesFromManyThreadsArriveIntact() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessLogWriter writer = new AccessLogWriter(out, 4096);
        ExecutorService loops = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int loop = t;
            loops.submit(() -> {
                for (int i = 0; i < 5000; i++) {
                    writer.publish(record("loop=" + loop + " request_id=" + i, Instant.now()));
                }
            });
        }
        loops.shutdown();
        assertTrue(loops.awaitTermination(30, TimeUnit.SECONDS));
        writer.flush();

        List<String> lines = new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
        assertEquals(20_000, lines.size());
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z loop=\\d request_id=\\d+"), line);
            seen.add(line.substring(line.indexOf(' ') + 1));
        }
        assertEquals(20_000, seen.size());
    }
}
