package kr.chamyeo.budget.cycle;

import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * Seoul's own cycle: besides the 25 districts (자치구), Seoul itself ({@value SeoulDistricts#SEOUL_CITY}) owns the
 * city-level youth budget (청년자율예산제, seeds 000/001: the youth council deliberates within a total the city sets and
 * a city-wide vote, 대시민투표, is part of it). City administrators open it, residents of every district propose, and
 * its ballots are open to all of Seoul.
 */
public final class CityCycle {

    private CityCycle() {
    }

    public static boolean isCity(String owner) {
        return SeoulDistricts.SEOUL_CITY.equals(owner);
    }

    /** Seoul owns youth cycles only; 주민참여예산 (RESIDENT) cycles belong to a district. */
    public static void requireKind(String owner, CycleKind kind) {
        if (isCity(owner) && kind != CycleKind.YOUTH) {
            throw ProblemException.unprocessable("district", "11000 (Seoul) owns YOUTH cycles only (청년자율예산제); a "
                    + kind + " cycle belongs to a district");
        }
    }
}
