package kr.chamyeo.voting.cast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kr.chamyeo.election.EncryptedBallot;

/**
 * Checks the proofs of client-encrypted ballots off the event loop. One thread takes every ballot queued while the
 * previous group was checked and checks them together ({@link EncryptedBallot#checkAll}), on a fork-join pool of one
 * thread per core: one multi-exponentiation for 64 ballots costs each about 55 % of checking it alone, so the busier
 * the service, the cheaper a ballot. One group on all cores, rather than a group per core, doubles the groups: with a
 * thread per core, 64 clients of 14-bit BUDGET ballots left 14.5 ballots a group (deploy/bench/voting KIND=encrypted).
 * When more than one is waiting (the service is busy) the thread first lingers up to {@code proof-linger} for
 * {@code proof-linger-joint} of them ({@link CommitWindow}, as the vote writers do). A ballot that arrives while no
 * group is being checked is checked at once, alone: no vote waits for company.
 */
@ApplicationScoped
public class ProofChecker {

    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    private record Check(EncryptedBallot.Submission submission, CompletableFuture<EncryptedBallot.Verdict> verdict) {
    }

    /** Threads of the pool that checks a group; 0 is one per core. */
    @ConfigProperty(name = "chamyeo.voting.proof-checkers", defaultValue = "0")
    int checkers;

    @ConfigProperty(name = "chamyeo.voting.max-joint", defaultValue = "64")
    int maxJoint;

    @ConfigProperty(name = "chamyeo.voting.proof-linger", defaultValue = "5ms")
    Duration linger;

    @ConfigProperty(name = "chamyeo.voting.proof-linger-joint", defaultValue = "32")
    int lingerJoint;

    private CommitWindow window;

    @Inject
    MeterRegistry registry;

    private DistributionSummary jointSizes;
    private final LinkedBlockingQueue<Check> queue = new LinkedBlockingQueue<>(10_000);
    private final Workers collector = new Workers();
    private ForkJoinPool pool;
    private volatile boolean running;

    void start(@Observes StartupEvent startup) {
        jointSizes = DistributionSummary.builder("chamyeo.voting.proofs.joint")
                .description("Client-encrypted ballots whose proofs were checked together").register(registry);
        window = new CommitWindow(linger, lingerJoint, maxJoint);
        pool = new ForkJoinPool(checkers > 0 ? checkers : Runtime.getRuntime().availableProcessors(), CheckerThread::new, null,
                false);
        running = true;
        collector.start("proof-collector", 1, this::loop);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        collector.join();
        pool.shutdown();
    }

    /** Named, so that the benchmark's CPU by thread shows the checks. */
    private static final class CheckerThread extends ForkJoinWorkerThread {

        private static final AtomicInteger NUMBER = new AtomicInteger();

        CheckerThread(ForkJoinPool pool) {
            super(pool);
            setName("proof-checker-" + NUMBER.getAndIncrement());
        }
    }

    /** The ballot's first faulty field (as {@link EncryptedBallot#fault} names it), or its selection ciphertexts. */
    public CompletableFuture<EncryptedBallot.Verdict> check(EncryptedBallot.Submission submission) {
        CompletableFuture<EncryptedBallot.Verdict> verdict = new CompletableFuture<>();
        if (!running || !queue.offer(new Check(submission, verdict))) {
            verdict.completeExceptionally(new IllegalStateException("proof queue is full or stopping"));
        }
        return verdict;
    }

    private void loop() {
        List<Check> batch = new ArrayList<>(maxJoint);
        while (running || !queue.isEmpty()) {
            try {
                if (window.take(queue, batch, IDLE_POLL)) {
                    jointSizes.record(batch.size());
                    answer(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void answer(List<Check> batch) {
        try {
            List<EncryptedBallot.Submission> submissions = batch.stream().map(Check::submission).toList();
            List<EncryptedBallot.Verdict> verdicts = pool.submit(() -> EncryptedBallot.checkAll(submissions)).join();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).verdict().complete(verdicts.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(check -> check.verdict().completeExceptionally(e));
        }
    }
}
