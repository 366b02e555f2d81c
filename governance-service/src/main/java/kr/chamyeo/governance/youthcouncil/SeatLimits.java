package kr.chamyeo.governance.youthcouncil;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * The sizes seed 001 gives the bodies of Seoul's Youth Self-Government (청년자치정부): 청년의회 청년의원 500명 and
 * 청년자치정부 추진위원회 "1,000명 이내". Both are counted per year, all roles included (the speaker is a member too).
 */
public final class SeatLimits {

    public static final int YOUTH_COUNCIL = 500;
    public static final int PROMOTION_COMMITTEE = 1000;

    /** Seats of one body in one year, as the composition view shows them. */
    public record Seats(long filled, int limit, long open) {
        public static Seats of(long filled, int limit) {
            return new Seats(filled, limit, Math.max(0, limit - filled));
        }
    }

    private SeatLimits() {
    }

    /**
     * 409 when {@code filled} (the body's seats taken that year, not counting the person being seated) leaves no
     * room: the request is valid, the body is full, and it may succeed after someone leaves.
     */
    static void requireRoom(String body, int year, long filled, int limit) {
        if (filled >= limit) {
            throw ProblemException.conflict("seats-full", body + " of " + year + " has " + limit + " seats, all filled")
                    .with("limit", limit).with("filled", filled);
        }
    }
}
