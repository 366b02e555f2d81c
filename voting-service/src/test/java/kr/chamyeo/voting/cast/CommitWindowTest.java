package kr.chamyeo.voting.cast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitWindowTest {

    private static final Duration LONG_LINGER = Duration.ofSeconds(10);
    private static final Duration IDLE = Duration.ofMillis(50);

    private final LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    private final List<Integer> batch = new ArrayList<>();
    private final ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopArrivals() {
        arrivals.shutdownNow();
    }

    @Test
    void aLoneVoteIsCommittedWithoutWaiting() throws Exception {
        queue.add(1);
        long started = System.nanoTime();

        assertTrue(new CommitWindow(LONG_LINGER, 16, 500).take(queue, batch, IDLE));

        assertEquals(List.of(1), batch);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) < 0);
    }

    @Test
    void nothingQueuedWithinTheIdleWaitTakesNothing() throws Exception {
        assertFalse(new CommitWindow(LONG_LINGER, 16, 500).take(queue, batch, IDLE));
        assertTrue(batch.isEmpty());
    }

    @Test
    void aBusyWriterWaitsForLaterVotesUntilTheTarget() throws Exception {
        queue.addAll(List.of(1, 2, 3));
        for (int vote = 4; vote <= 20; vote++) {
            int arriving = vote;
            arrivals.schedule(() -> queue.add(arriving), 10L * vote, TimeUnit.MILLISECONDS);
        }

        long started = System.nanoTime();

        assertTrue(new CommitWindow(LONG_LINGER, 8, 500).take(queue, batch, IDLE));

        // Votes that arrive together are drained together, so a slow test machine may add one or two past the target.
        assertEquals(IntStream.rangeClosed(1, batch.size()).boxed().toList(), batch);
        assertTrue(batch.size() >= 8 && batch.size() < 20, "batch of " + batch.size());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void aBusyWriterCommitsWhatItHasWhenTheLingerIsOver() throws Exception {
        queue.addAll(List.of(1, 2, 3));
        arrivals.schedule(() -> queue.add(4), 20, TimeUnit.MILLISECONDS);
        arrivals.schedule(() -> queue.add(5), 2, TimeUnit.SECONDS);
        long started = System.nanoTime();

        assertTrue(new CommitWindow(Duration.ofMillis(300), 16, 500).take(queue, batch, IDLE));

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(List.of(1, 2, 3, 4), batch);
        assertTrue(waited >= 290 && waited < 1500, "waited " + waited + " ms");
    }

    @Test
    void aBatchNeverExceedsTheMaximum() throws Exception {
        IntStream.rangeClosed(1, 30).forEach(queue::add);

        assertTrue(new CommitWindow(LONG_LINGER, 5, 10).take(queue, batch, IDLE));

        assertEquals(IntStream.rangeClosed(1, 10).boxed().toList(), batch);
        assertEquals(20, queue.size());
    }

    @Test
    void aTargetAboveTheMaximumIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new CommitWindow(LONG_LINGER, 600, 500));
    }
}
