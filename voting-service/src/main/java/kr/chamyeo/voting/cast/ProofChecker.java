package kr.chamyeo.voting.cast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

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
 * Checks the proofs of client-encrypted ballots off the event loop, on one thread per core. A thread takes every
 * ballot queued while it was busy and checks them together ({@link EncryptedBallot#checkAll}): one multi-exponentiation
 * for 64 ballots costs each about 60 % of checking it alone, so the busier the service, the cheaper a ballot.
 * When more than one is waiting (the service is busy) the thread first lingers up to {@code proof-linger} for
 * {@code proof-linger-joint} of them ({@link CommitWindow}, as the vote writers do): 64 clients left only ~10 ballots
 * a group without it (deploy/bench/voting KIND=encrypted). A ballot that arrives at an idle thread is checked at once,
 * alone: no vote waits for company.
 */
@ApplicationScoped
public class ProofChecker {

    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    private record Check(EncryptedBallot.Submission submission, CompletableFuture<EncryptedBallot.Verdict> verdict) {
    }

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
    private final Workers workers = new Workers();
    private volatile boolean running;

    void start(@Observes StartupEvent startup) {
        jointSizes = DistributionSummary.builder("chamyeo.voting.proofs.joint")
                .description("Client-encrypted ballots whose proofs were checked together").register(registry);
        window = new CommitWindow(linger, lingerJoint, maxJoint);
        running = true;
        int count = checkers > 0 ? checkers : Runtime.getRuntime().availableProcessors();
        workers.start("proof-checker", count, this::loop);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        workers.join();
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

    private static void answer(List<Check> batch) {
        try {
            List<EncryptedBallot.Verdict> verdicts = EncryptedBallot.checkAll(batch.stream().map(Check::submission).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).verdict().complete(verdicts.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(check -> check.verdict().completeExceptionally(e));
        }
    }
}
