package kr.chamyeo.governance.youthcouncil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** Seed 001: "청년의회 청년의원 500명", "청년자치정부 추진위원회 1,000명" (대상: … 1,000명 이내). */
class SeatLimitsTest {

    @Test
    void youthCouncilSeatsFiveHundred() {
        assertEquals(500, SeatLimits.YOUTH_COUNCIL);
        SeatLimits.requireRoom("The youth council", 2019, 499, SeatLimits.YOUTH_COUNCIL);
        ProblemException full = assertThrows(ProblemException.class,
                () -> SeatLimits.requireRoom("The youth council", 2019, 500, SeatLimits.YOUTH_COUNCIL));
        assertEquals(409, full.status());
        assertEquals("The youth council of 2019 has 500 seats, all filled", full.getMessage());
    }

    @Test
    void promotionCommitteeSeatsAtMostOneThousand() {
        assertEquals(1000, SeatLimits.PROMOTION_COMMITTEE);
        SeatLimits.requireRoom("The promotion committee", 2018, 999, SeatLimits.PROMOTION_COMMITTEE);
        assertEquals(409, assertThrows(ProblemException.class,
                () -> SeatLimits.requireRoom("The promotion committee", 2018, 1000, SeatLimits.PROMOTION_COMMITTEE)).status());
    }

    @Test
    void compositionCountsOpenSeats() {
        assertEquals(new SeatLimits.Seats(499, 500, 1), SeatLimits.Seats.of(499, 500));
        assertEquals(new SeatLimits.Seats(1000, 1000, 0), SeatLimits.Seats.of(1000, 1000));
    }
}
