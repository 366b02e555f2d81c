package kr.chamyeo.governance.outreach;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.governance.outreach.OutreachMeeting.Kind;
import kr.chamyeo.platform.problem.ProblemException;

/** Seed 003: 운영기간 2016. 3 ~ 11월; 간담회 기간 2016. 3 ~ 4월; 협의체 설계·운영지원 2016. 4월~11월, 분기별 1회 지원계획. */
class OutreachCalendarTest {

    private static final OutreachCalendar Y2016 = new OutreachCalendar(LocalDate.of(2016, 3, 1), LocalDate.of(2016, 11, 30),
            LocalDate.of(2016, 3, 1), LocalDate.of(2016, 4, 30), LocalDate.of(2016, 4, 1), LocalDate.of(2016, 11, 30));

    @Test
    void publicPrivateMeetingsAreHeldInMarchAndApril() {
        assertDoesNotThrow(() -> Y2016.requireMeetingDate(Kind.MEETING, LocalDate.of(2016, 3, 1)));
        assertDoesNotThrow(() -> Y2016.requireMeetingDate(Kind.MEETING, LocalDate.of(2016, 4, 30)));
        assertThrows(ProblemException.class, () -> Y2016.requireMeetingDate(Kind.MEETING, LocalDate.of(2016, 2, 29)));
        assertThrows(ProblemException.class, () -> Y2016.requireMeetingDate(Kind.MEETING, LocalDate.of(2016, 5, 1)));
    }

    @Test
    void advisoryMeetingsAreHeldInTheOperatingPeriodMarchToNovember() {
        assertDoesNotThrow(() -> Y2016.requireMeetingDate(Kind.ADVISORY, LocalDate.of(2016, 11, 30)));
        assertThrows(ProblemException.class, () -> Y2016.requireMeetingDate(Kind.ADVISORY, LocalDate.of(2016, 12, 1)));
        assertThrows(ProblemException.class, () -> Y2016.requireMeetingDate(Kind.ADVISORY, LocalDate.of(2016, 2, 29)));
    }

    @Test
    void supportIsPlannedOnceAQuarterForTheSecondToFourthQuarterBeforeEachEnds() {
        assertEquals(List.of(2, 3, 4), Y2016.plannedQuarters());
        assertDoesNotThrow(() -> Y2016.requireSupportPlan(2, LocalDate.of(2016, 3, 28)));
        assertDoesNotThrow(() -> Y2016.requireSupportPlan(4, LocalDate.of(2016, 12, 31)));
        assertEquals("quarter", assertThrows(ProblemException.class, () -> Y2016.requireSupportPlan(1, LocalDate.of(2016, 3, 2)))
                .toProblem("/").errors().get(0).field());
        assertThrows(ProblemException.class, () -> Y2016.requireSupportPlan(2, LocalDate.of(2016, 7, 1)));
        assertThrows(ProblemException.class, () -> Y2016.requireSupportPlan(3, LocalDate.of(2015, 7, 1)));
    }
}
