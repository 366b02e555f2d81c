package kr.chamyeo.community.space;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import kr.chamyeo.platform.problem.ProblemException;

/** The rules of a space programme (공간 프로그램) and its sign-ups, free of the database. */
public final class ProgrammeRules {

    private ProgrammeRules() {
    }

    /** A session's time; {@code index} is its position in the request, for naming it in problems. */
    public record Slot(int index, Instant startsAt, Instant endsAt) {
    }

    /** Each session lies in the space's opening hours and in the future, and no two sessions of the programme overlap. */
    public static void checkSessions(LocalTime opens, LocalTime closes, List<Slot> sessions, Instant now) {
        for (Slot s : sessions) {
            BookingRules.checkSlot("sessions[" + s.index() + "].", opens, closes, s.startsAt(), s.endsAt(), now);
        }
        List<Slot> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(Slot::startsAt));
        for (int i = 1; i < sorted.size(); i++) {
            Slot before = sorted.get(i - 1);
            Slot after = sorted.get(i);
            if (after.startsAt().isBefore(before.endsAt())) {
                throw ProblemException.unprocessable("sessions[" + after.index() + "].startsAt",
                        "overlaps sessions[" + before.index() + "] of the same programme");
            }
        }
    }

    /** Sign-ups open before they close, close in the future and no later than the first session starts. */
    public static void checkWindow(Instant opensAt, Instant closesAt, Instant firstSession, Instant now) {
        if (!closesAt.isAfter(opensAt)) {
            throw ProblemException.unprocessable("signUpClosesAt", "must be after signUpOpensAt");
        }
        if (!closesAt.isAfter(now)) {
            throw ProblemException.unprocessable("signUpClosesAt", "must be in the future");
        }
        if (closesAt.isAfter(firstSession)) {
            throw ProblemException.unprocessable("signUpClosesAt", "must not be after the first session starts (" + firstSession + ")");
        }
    }

    public static void checkCapacity(int capacity, int spaceCapacity) {
        if (capacity > spaceCapacity) {
            throw ProblemException.unprocessable("capacity", "the space holds at most " + spaceCapacity).with("spaceCapacity", spaceCapacity);
        }
    }

    public static void checkAges(Integer minAge, Integer maxAge) {
        if (minAge != null && maxAge != null && minAge > maxAge) {
            throw ProblemException.unprocessable("maxAge", "must not be below minAge");
        }
    }

    /**
     * Why this resident may not sign up, or empty when they may. Age is the current year minus the birth year,
     * as everywhere in Chamyeo.
     */
    public static Optional<String> ineligibility(SpaceProgramme.Eligibility eligibility, Integer minAge, Integer maxAge,
                                                 String spaceDistrict, String spaceDong, Optional<String> district,
                                                 Optional<String> dong, Optional<Integer> birthYear, Instant now) {
        boolean inDistrict = district.filter(spaceDistrict::equals).isPresent();
        if (eligibility == SpaceProgramme.Eligibility.DISTRICT && !inDistrict) {
            return Optional.of("Only residents of district " + spaceDistrict + " may sign up");
        }
        if (eligibility == SpaceProgramme.Eligibility.DONG && !(inDistrict && dong.filter(spaceDong::equals).isPresent())) {
            return Optional.of("Only residents of " + spaceDong + " may sign up");
        }
        if (minAge != null || maxAge != null) {
            if (birthYear.isEmpty()) {
                return Optional.of("The programme has an age limit and the token carries no birth year");
            }
            int age = now.atZone(ZoneOffset.UTC).getYear() - birthYear.get();
            if ((minAge != null && age < minAge) || (maxAge != null && age > maxAge)) {
                return Optional.of("The programme is for ages " + (minAge == null ? "" : minAge) + "–" + (maxAge == null ? "" : maxAge));
            }
        }
        return Optional.empty();
    }

    public static void checkSignUpOpen(SpaceProgramme.Status status, Instant opensAt, Instant closesAt, Instant now) {
        if (status != SpaceProgramme.Status.PUBLISHED) {
            throw ProblemException.conflict("programme-cancelled", "The programme is " + status);
        }
        if (now.isBefore(opensAt) || !now.isBefore(closesAt)) {
            throw ProblemException.conflict("sign-up-closed", "Sign-ups are open from " + opensAt + " until " + closesAt)
                    .with("signUpOpensAt", opensAt.toString()).with("signUpClosesAt", closesAt.toString());
        }
    }

    /**
     * Where an accepted sign-up goes: a place while there is one, else the waitlist if the programme keeps one.
     * A full programme without a waitlist refuses (409), so capacity is never exceeded.
     */
    public static SignUp.Status placeFor(int approved, int capacity, boolean waitlist) {
        if (approved < capacity) {
            return SignUp.Status.APPROVED;
        }
        if (waitlist) {
            return SignUp.Status.WAITLISTED;
        }
        throw ProblemException.conflict("programme-full", "All " + capacity + " places are taken").with("capacity", capacity);
    }
}
