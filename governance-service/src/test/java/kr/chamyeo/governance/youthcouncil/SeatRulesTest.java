package kr.chamyeo.governance.youthcouncil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import kr.chamyeo.governance.youthcouncil.CouncilMember.Role;
import kr.chamyeo.platform.problem.ProblemException;

class SeatRulesTest {

    private static final LocalDate MARCH = LocalDate.of(2019, 3, 1);
    private static final LocalDate FEBRUARY = LocalDate.of(2020, 2, 29);

    @Test
    void membersAre19To39InTheCouncilsYearWithATermStartingThatYear() {
        SeatRules.check(2019, 2000, MARCH, FEBRUARY, Role.MEMBER, false);
        SeatRules.check(2019, 1980, MARCH, FEBRUARY, Role.MEMBER, false);
        assertEquals("birthYear", field(() -> SeatRules.check(2019, 2001, MARCH, FEBRUARY, Role.MEMBER, false)));
        assertEquals("birthYear", field(() -> SeatRules.check(2019, 1979, MARCH, FEBRUARY, Role.MEMBER, false)));
        assertEquals("termStart", field(() -> SeatRules.check(2019, 1990, LocalDate.of(2018, 12, 1), FEBRUARY, Role.MEMBER, false)));
        assertEquals("termEnd", field(() -> SeatRules.check(2019, 1990, MARCH, LocalDate.of(2019, 2, 1), Role.MEMBER, false)));
        assertEquals("subcommitteeId", field(() -> SeatRules.check(2019, 1990, MARCH, FEBRUARY, Role.SUBCOMMITTEE_CHAIR, false)));
    }

    @Test
    void oneSpeakerTwoViceSpeakersOneChairPerSubcommittee() {
        assertEquals(1, SeatRules.limit(Role.SPEAKER));
        assertEquals(2, SeatRules.limit(Role.VICE_SPEAKER));
        assertEquals(1, SeatRules.limit(Role.SUBCOMMITTEE_CHAIR));
        assertNull(SeatRules.limit(Role.MEMBER));
    }

    private static String field(Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        return e.toProblem("/test").errors().get(0).field();
    }
}
