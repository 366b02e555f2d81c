package kr.chamyeo.voting.cast;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Which queued votes go into the next group commit. A writer takes everything that has queued up; when that is
 * more than one vote (the service is busy), it waits up to {@code linger} for the batch to reach {@code target}
 * before committing — as PostgreSQL's {@code commit_delay} does only while other transactions are active. A lone
 * vote is committed at once.
 * <p>
 * Without the wait a batch held whatever arrived during the previous commit, so its size followed the arrival
 * rate: at a lower rate every vote carried a larger share of the per-transaction cost (statement, ballot lock,
 * WAL flush), which lowered the rate further. Votes that arrive through the gateway came in 6.5 to a commit
 * against 10 straight at the service, and each cost the service and PostgreSQL a third more CPU.
 */
final class CommitWindow {

    private final Duration linger;
    private final int target;
    private final int max;

    /**
     * @param linger how long a busy writer waits for more votes
     * @param target the batch size at which it stops waiting
     * @param max    the most votes in one commit
     */
    CommitWindow(Duration linger, int target, int max) {
        if (target > max) {
            throw new IllegalArgumentException("linger-batch " + target + " is larger than max-batch " + max);
        }
        this.linger = linger;
        this.target = target;
        this.max = max;
    }

    /**
     * Adds the next batch to the empty {@code batch}, waiting up to {@code idle} for its first vote.
     *
     * @return false when no vote came within {@code idle}
     */
    <T> boolean take(BlockingQueue<T> queue, List<T> batch, Duration idle) throws InterruptedException {
        T first = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        queue.drainTo(batch, max - 1);
        if (batch.size() == 1) {
            return true;
        }
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < target) {
            long remaining = deadline - System.nanoTime();
            T next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return true;
            }
            batch.add(next);
            queue.drainTo(batch, max - batch.size());
        }
        return true;
    }
}
