package kr.chamyeo.budget.result;

import java.time.Duration;

/**
 * What one computation of a selection rule may cost: a wall-clock deadline, checked inside the rounds so that the
 * computation itself stops (not only the HTTP answer), and a number of reruns of the rule by the add1 completion.
 * Anonymous simulations get a tight one; a cycle's own result, whose figures come from officers, a generous one.
 */
public record WorkLimit(long deadlineNanos, int maxRuns) {

    /** Bounds a cycle's result: no deadline (it must be decided), reruns capped far above any real election. */
    public static final WorkLimit CYCLE = new WorkLimit(Long.MAX_VALUE, 1_000_000);

    public static WorkLimit of(Duration time, int maxRuns) {
        return new WorkLimit(System.nanoTime() + time.toNanos(), maxRuns);
    }

    /** Throws once the deadline has passed (also when the thread was interrupted, e.g. by a shutting-down server). */
    void checkTime() {
        if ((deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) || Thread.currentThread().isInterrupted()) {
            throw new Exceeded("time", "the computation would take longer than this request may (deadline reached)");
        }
    }

    void checkRuns(int runs) {
        if (runs > maxRuns) {
            throw new Exceeded("reruns", "the add1 completion would rerun the rule more than " + maxRuns + " times");
        }
        checkTime();
    }

    /** A computation stopped at one of its bounds; {@code bound} names which ("time", "reruns", "range"). */
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
