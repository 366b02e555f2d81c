package kr.chamyeo.community.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kr.chamyeo.community.space.ProgrammeRules.Slot;
import kr.chamyeo.platform.problem.ProblemException;

class ProgrammeRulesTest {

    private static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(22, 0);

    /** Seoul local time on 2030-05-04. */
    private static Instant seoul(String time) {
        return Instant.parse("2030-05-04T" + time + ":00+09:00");
    }

    private static String field(ProblemException e) {
        return e.toProblem("/").errors().get(0).field();
    }

    @Test
    void sessionsMayTouchButNotOverlap() {
        ProgrammeRules.checkSessions(OPENS, CLOSES, List.of(new Slot(0, seoul("12:00"), seoul("14:00")),
                new Slot(1, seoul("10:00"), seoul("12:00"))), NOW);
        ProblemException e = assertThrows(ProblemException.class, () -> ProgrammeRules.checkSessions(OPENS, CLOSES,
                List.of(new Slot(0, seoul("12:00"), seoul("14:00")), new Slot(1, seoul("10:00"), seoul("12:30"))), NOW));
        assertEquals("sessions[0].startsAt", field(e));
    }

    @Test
    void sessionsLieInOpeningHoursSeoulTime() {
        ProblemException early = assertThrows(ProblemException.class, () -> ProgrammeRules.checkSessions(OPENS, CLOSES,
                List.of(new Slot(0, seoul("10:00"), seoul("11:00")), new Slot(1, seoul("08:30"), seoul("09:30"))), NOW));
        assertEquals("sessions[1].startsAt", field(early));
        ProblemException backwards = assertThrows(ProblemException.class, () -> ProgrammeRules.checkSessions(OPENS, CLOSES,
                List.of(new Slot(0, seoul("11:00"), seoul("10:00"))), NOW));
        assertEquals("sessions[0].endsAt", field(backwards));
    }

    @Test
    void signUpsCloseBeforeTheFirstSession() {
        ProgrammeRules.checkWindow(NOW, seoul("10:00"), seoul("10:00"), NOW);
        assertEquals("signUpClosesAt", field(assertThrows(ProblemException.class,
                () -> ProgrammeRules.checkWindow(NOW, seoul("10:01"), seoul("10:00"), NOW))));
        assertEquals("signUpClosesAt", field(assertThrows(ProblemException.class,
                () -> ProgrammeRules.checkWindow(NOW.minusSeconds(10), NOW, seoul("10:00"), NOW))));
    }

    @Test
    void placesThenWaitlistThenFull() {
        assertEquals(SignUp.Status.APPROVED, ProgrammeRules.placeFor(11, 12, false));
        assertEquals(SignUp.Status.WAITLISTED, ProgrammeRules.placeFor(12, 12, true));
        ProblemException full = assertThrows(ProblemException.class, () -> ProgrammeRules.placeFor(12, 12, false));
        assertEquals(409, full.status());
    }

    @Test
    void eligibilityByDistrictDongAndAge() {
        Optional<String> geumcheon = Optional.of("11545");
        assertTrue(ProgrammeRules.ineligibility(SpaceProgramme.Eligibility.DONG, null, null, "11545", "독산1동", geumcheon,
                Optional.of("독산1동"), Optional.of(1980), NOW).isEmpty());
        assertTrue(ProgrammeRules.ineligibility(SpaceProgramme.Eligibility.DONG, null, null, "11545", "독산1동", geumcheon,
                Optional.of("독산2동"), Optional.of(1980), NOW).isPresent());
        // Same dong name in another district is not the space's dong.
        assertTrue(ProgrammeRules.ineligibility(SpaceProgramme.Eligibility.DONG, null, null, "11545", "독산1동", Optional.of("11110"),
                Optional.of("독산1동"), Optional.of(1980), NOW).isPresent());
        assertTrue(ProgrammeRules.ineligibility(SpaceProgramme.Eligibility.SEOUL, null, null, "11545", "독산1동", Optional.of("11110"),
                Optional.empty(), Optional.empty(), NOW).isEmpty());
        // Age = current year − birth year: in 2030, born 2011 is 19, born 1991 is 39, born 1990 is 40.
        assertTrue(ProgrammeRules.ineligibility(SpaceProgramme.Eligibility.DISTRICT, 19, 39, "11545", "독산1동", geumcheon,
                Optional.empty(), Optional.of(2011), NOW).isEmpty());
        assertTrue(ProgrammeRules.ineligibility(SpaceProgramme.Eligibility.DISTRICT, 19, 39, "11545", "독산1동", geumcheon,
                Optional.empty(), Optional.of(1991), NOW).isEmpty());
        assertTrue(ProgrammeRules.ineligibility(SpaceProgramme.Eligibility.DISTRICT, 19, 39, "11545", "독산1동", geumcheon,
                Optional.empty(), Optional.of(1990), NOW).isPresent());
        assertTrue(ProgrammeRules.ineligibility(SpaceProgramme.Eligibility.DISTRICT, 19, null, "11545", "독산1동", geumcheon,
                Optional.empty(), Optional.empty(), NOW).isPresent());
    }
}
