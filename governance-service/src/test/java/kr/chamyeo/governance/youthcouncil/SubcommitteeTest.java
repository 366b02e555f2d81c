package kr.chamyeo.governance.youthcouncil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** A subcommittee's members and agendas belong to its year's council: it keeps that year, and goes only when empty. */
class SubcommitteeTest {

    private static Subcommittee coexistence2019() {
        Subcommittee s = new Subcommittee();
        s.year = 2019;
        s.name = "공존분과";
        return s;
    }

    @Test
    void aSubcommitteeWithMembersOrAgendasKeepsItsYear() {
        Subcommittee s = coexistence2019();
        s.requireYearChangeAllowed(2019, true);
        s.requireYearChangeAllowed(2020, false);
        ProblemException e = assertThrows(ProblemException.class, () -> s.requireYearChangeAllowed(2020, true));
        assertEquals(409, e.status());
    }

    @Test
    void onlyAnEmptySubcommitteeIsRemoved() {
        Subcommittee s = coexistence2019();
        s.requireRemovable(false);
        ProblemException e = assertThrows(ProblemException.class, () -> s.requireRemovable(true));
        assertEquals(409, e.status());
    }
}
