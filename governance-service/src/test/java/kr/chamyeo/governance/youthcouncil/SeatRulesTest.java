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

    @Test
    void aLimitedRoleIsRefusedOnceAllItsSeatsAreHeld() {
        SeatRules.requireRoleSeat(Role.VICE_SPEAKER, 1, "in 2019");
        SeatRules.requireRoleSeat(Role.MEMBER, 499, "in 2019");
        assertEquals(409, assertThrows(ProblemException.class, () -> SeatRules.requireRoleSeat(Role.VICE_SPEAKER, 2, "in 2019")).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> SeatRules.requireRoleSeat(Role.SPEAKER, 1, "in 2019")).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> SeatRules.requireRoleSeat(Role.SUBCOMMITTEE_CHAIR, 1, "in 공존분과"))
                .status());
    }

    @Test
    void onlyAPromotionMemberOfTheDistrictGroupNamesADistrict() {
        SeatRules.checkPromotionGroup(PromotionCommitteeMember.Group.DISTRICT, "11545");
        SeatRules.checkPromotionGroup(PromotionCommitteeMember.Group.AGENDA, null);
        assertEquals("district", field(() -> SeatRules.checkPromotionGroup(PromotionCommitteeMember.Group.DISTRICT, null)));
        assertEquals("district", field(() -> SeatRules.checkPromotionGroup(PromotionCommitteeMember.Group.INDIVIDUAL, "11545")));
    }

    private static String field(Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        return e.toProblem("/test").errors().get(0).field();
    }
}
