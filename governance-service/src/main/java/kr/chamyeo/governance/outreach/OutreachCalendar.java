package kr.chamyeo.governance.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * The calendar of a year's outreach-centre programme (seed 003): the programme runs in its operating period
 * (운영기간 3–11월); the public–private meetings (민관협력 간담회) are held in their window (3–4월); advisory meetings
 * (자문회의) anywhere in the operating period; and the district councils' support (협의체 설계·운영지원, 4–11월) is
 * planned once a quarter (분기별 1회 지원계획) for each quarter that window touches (2016: the 2nd, 3rd and 4th).
 */
public record OutreachCalendar(LocalDate operatingFrom, LocalDate operatingTo, LocalDate meetingsFrom, LocalDate meetingsTo,
                               LocalDate councilFrom, LocalDate councilTo) {

    static OutreachCalendar of(OutreachProgramme p) {
        return new OutreachCalendar(p.operatingFrom, p.operatingTo, p.meetingsFrom, p.meetingsTo, p.councilFrom, p.councilTo);
    }

    /** 422 on {@code heldOn} when a meeting of this kind falls outside its window. */
    void requireMeetingDate(OutreachMeeting.Kind kind, LocalDate heldOn) {
        if (kind == OutreachMeeting.Kind.MEETING) {
            requireWithin("heldOn", heldOn, meetingsFrom, meetingsTo, "민관협력 간담회 (public–private meetings)");
        } else {
            requireWithin("heldOn", heldOn, operatingFrom, operatingTo, "자문회의 (advisory meetings) of the 운영기간");
        }
    }

    /** The quarters whose support is planned: those the council-support window touches. */
    List<Integer> plannedQuarters() {
        return IntStream.rangeClosed(quarter(councilFrom), quarter(councilTo)).boxed().toList();
    }

    /** 422 when the quarter is not one of {@link #plannedQuarters()} or the plan is made after that quarter ended. */
    void requireSupportPlan(int quarter, LocalDate plannedOn) {
        if (!plannedQuarters().contains(quarter)) {
            throw ProblemException.unprocessable("quarter", "support is planned for the quarters of the 협의체 지원 period "
                    + councilFrom + " – " + councilTo + ": " + plannedQuarters());
        }
        if (quarter(plannedOn) > quarter || plannedOn.getYear() != councilFrom.getYear()) {
            throw ProblemException.unprocessable("plannedOn", "a quarter's plan is made before that quarter ends");
        }
    }

    static int quarter(LocalDate date) {
        return (date.getMonthValue() - 1) / 3 + 1;
    }

    private static void requireWithin(String field, LocalDate date, LocalDate from, LocalDate to, String what) {
        if (date.isBefore(from) || date.isAfter(to)) {
            throw ProblemException.unprocessable(field, what + " are held " + from + " – " + to);
        }
    }
}
