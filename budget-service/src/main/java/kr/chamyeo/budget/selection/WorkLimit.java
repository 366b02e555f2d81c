package kr.chamyeo.budget.selection;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * What one computation of a selection rule may cost, checked inside the rounds so that the computation itself stops
 * (not only the HTTP answer): CPU time of the computing thread, a wall-clock deadline (past it nobody waits for the
 * answer), and a number of reruns of the rule by the add1 completion. CPU time is the measure of work: on a busy
 * machine a wall-clock bound alone would refuse files that a quiet one computes in a second. Anonymous simulations get
 * a tight limit; a cycle's own result, whose figures come from officers, only a cap on reruns.
 */
public record WorkLimit(long deadlineNanos, long cpuStartNanos, long cpuNanos, int maxRuns) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Bounds a cycle's result: no time limit (it must be decided), reruns capped far above any real election. */
    public static final WorkLimit CYCLE = new WorkLimit(Long.MAX_VALUE, 0, Long.MAX_VALUE, 1_000_000);

    /** A limit for a computation starting now on this thread. */
    public static WorkLimit of(Duration cpu, Duration wall, int maxRuns) {
        return new WorkLimit(System.nanoTime() + wall.toNanos(), THREADS.getCurrentThreadCpuTime(), cpu.toNanos(), maxRuns);
    }

    /** CPU time of the current thread, in nanoseconds. */
    static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Throws once the CPU time or the deadline is spent, or the thread was interrupted (a server shutting down). */
    void checkTime() {
        if (cpuNanos != Long.MAX_VALUE && THREADS.getCurrentThreadCpuTime() - cpuStartNanos > cpuNanos) {
            throw new Exceeded("cpu", "the computation would need more than " + Duration.ofNanos(cpuNanos).toMillis()
                    + " ms of CPU time");
        }
        if ((deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) || Thread.currentThread().isInterrupted()) {
            throw new Exceeded("time", "the computation would end after its deadline");
        }
    }

    void checkRuns(int runs) {
        if (runs > maxRuns) {
            throw new Exceeded("reruns", "the add1 completion would rerun the rule more than " + maxRuns + " times");
        }
        checkTime();
    }

    /** A computation stopped at one of its bounds; {@code bound} names which ("cpu", "time", "reruns", "range"). */
    public static final class Exceeded extends RuntimeException {
        private final String bound;

        public Exceeded(String bound, String message) {
            super(message, null, false, false);
            this.bound = bound;
        }

        public String bound() {
            return bound;
        }
    }
}
