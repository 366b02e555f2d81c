package kr.chamyeo.governance.taskforce;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

class BodyMemberTermTest {

    private static BodyMemberTerm term(String from, String to) {
        BodyMemberTerm t = new BodyMemberTerm();
        t.termStart = LocalDate.parse(from);
        t.termEnd = LocalDate.parse(to);
        return t;
    }

    @Test
    void aTermRunsForwardsTouchesTheBodysYearAndFollowsTheLastOne() {
        List<BodyMemberTerm> earlier = List.of(term("2020-03-01", "2021-02-28"));
        assertDoesNotThrow(() -> BodyMemberTerm.checkTerm(LocalDate.parse("2021-03-01"), LocalDate.parse("2022-02-28"), 2021, earlier));
        assertDoesNotThrow(() -> BodyMemberTerm.checkTerm(LocalDate.parse("2020-03-01"), LocalDate.parse("2021-02-28"), 2021, List.of()));
        ProblemException backwards = assertThrows(ProblemException.class,
                () -> BodyMemberTerm.checkTerm(LocalDate.parse("2021-03-01"), LocalDate.parse("2021-01-01"), 2021, List.of()));
        assertEquals(422, backwards.status());
        ProblemException otherYear = assertThrows(ProblemException.class,
                () -> BodyMemberTerm.checkTerm(LocalDate.parse("2022-01-01"), LocalDate.parse("2022-12-31"), 2021, List.of()));
        assertEquals(422, otherYear.status());
        ProblemException overlap = assertThrows(ProblemException.class,
                () -> BodyMemberTerm.checkTerm(LocalDate.parse("2021-02-01"), LocalDate.parse("2021-12-31"), 2021, earlier));
        assertEquals(409, overlap.status());
    }
}
