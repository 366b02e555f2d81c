package kr.chamyeo.community.space;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import kr.chamyeo.platform.problem.ProblemException;

/** What a booking request must satisfy before a manager sees it. Opening hours are Seoul local time. */
public final class BookingRules {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private BookingRules() {
    }

    public static void check(LocalTime opens, LocalTime closes, int capacity, Instant startsAt, Instant endsAt, int attendees, Instant now) {
        checkSlot("", opens, closes, startsAt, endsAt, now);
        if (attendees > capacity) {
            throw ProblemException.unprocessable("attendees", "the space holds at most " + capacity).with("capacity", capacity);
        }
    }

    /**
     * A time at the space, booked or a programme session: in the future, within one day's opening hours.
     * {@code field} prefixes the names of the offending inputs, e.g. {@code "sessions[2]."}.
     */
    public static void checkSlot(String field, LocalTime opens, LocalTime closes, Instant startsAt, Instant endsAt, Instant now) {
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.unprocessable(field + "endsAt", "must be after startsAt");
        }
        if (startsAt.isBefore(now)) {
            throw ProblemException.unprocessable(field + "startsAt", "must not be in the past");
        }
        ZonedDateTime start = startsAt.atZone(SEOUL);
        ZonedDateTime end = endsAt.atZone(SEOUL);
        boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
        if (!sameDay || start.toLocalTime().isBefore(opens) || end.toLocalTime().isAfter(closes)) {
            throw ProblemException.unprocessable(field + "startsAt", "must lie within one day's opening hours " + opens + "–" + closes + " (Seoul time)");
        }
    }
}
