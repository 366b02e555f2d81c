package kr.chamyeo.voting.closing;

import java.time.Instant;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * Ending voting before closes-at takes from residents the time they were promised, so it is done only with a reason
 * that everyone sees (issue 23): in the ballot, in its election record, and with the officer's audit record of the
 * request. At or after closes-at voting ends anyway and no reason is asked.
 */
public final class EarlyClosing {

    public static final int MAX_REASON = 500;

    private EarlyClosing() {
    }

    /** The reason to store (stripped, null when none was given after closes-at); 422 naming {@code reason} when it is missing early. */
    public static String reason(Instant closesAt, Instant now, String reason) {
        String text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text == null && now.isBefore(closesAt)) {
            throw ProblemException.unprocessable("reason", "is required to end voting before closes-at (" + closesAt + ")");
        }
        return text;
    }
}
