package kr.chamyeo.voting.cast;

import java.util.ArrayList;
import java.util.List;

/**
 * The daemon threads that drain one of the service's queues (votes to store, proofs to check). They are joined at
 * shutdown, after the owner stops taking work, so that every queued request still gets its answer.
 */
final class Workers {

    private final List<Thread> threads = new ArrayList<>();

    void start(String name, int count, Runnable loop) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(loop, name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void join() {
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
