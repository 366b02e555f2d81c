package kr.chamyeo.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kr.chamyeo.trustee.TrusteeRunner;

/**
 * The trustees of the scenario's election panel, each running the trustees' own code ({@code deploy/trustee}'s
 * {@link TrusteeRunner}) with their own token and share files, as threads of this JVM instead of processes on their
 * machines: they take part in the key ceremony and count every closed ballot of their panel.
 */
final class Trustees implements AutoCloseable {

    private final ScheduledExecutorService threads;

    /** @param votingApi voting-service's API root; {@code tokens} the trustees' tokens; {@code secrets} where their share files go */
    Trustees(String votingApi, List<String> tokens, Path secrets) {
        threads = Executors.newScheduledThreadPool(tokens.size());
        List<TrusteeRunner> runners = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            runners.add(new TrusteeRunner(votingApi, () -> token, secrets.resolve("trustee-" + i)));
        }
        for (TrusteeRunner runner : runners) {
            threads.scheduleWithFixedDelay(() -> {
                try {
                    runner.step();
                } catch (RuntimeException e) {
                    // A step refused or interrupted is tried again on the next pass, as the trustee command does.
                    System.out.println("[contract] trustee: " + e.getMessage());
                }
            }, 0, 300, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
