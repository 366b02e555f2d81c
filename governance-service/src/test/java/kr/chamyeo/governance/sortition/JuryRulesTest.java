package kr.chamyeo.governance.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * Seed 004, 공약이행 평가 「주민배심원」: 모집대상 만18세 이상 지역주민; 모집인원 40명(배심원 35명, 예비 5명); 참여의향을 밝힌
 * 200 ~ 300여명 가운데 40명 선정; 운영기간 90일 이내.
 */
class JuryRulesTest {

    private static final LocalDate TERM_START = LocalDate.of(2021, 4, 1);
    /** 1 April – 29 June 2021 is 90 days with both ends counted. */
    private static final LocalDate DAY_90 = LocalDate.of(2021, 6, 29);

    private static List<LocalDate> adults(int n) {
        return new ArrayList<>(Collections.nCopies(n, LocalDate.of(1980, 1, 1)));
    }

    /** The 422's detail, "field: rule". */
    private static String violation(Runnable check) {
        ProblemException e = assertThrows(ProblemException.class, check::run);
        return e.getMessage();
    }

    @Test
    void theSeedsJuryPasses() {
        JuryRules.check(35, 5, adults(200), TERM_START, DAY_90);
        JuryRules.check(35, 5, adults(300), TERM_START, TERM_START);
        assertEquals(40, JuryRules.JURORS + JuryRules.RESERVES, "모집인원 40명");
    }

    @Test
    void thirtyFivePlusFiveSeats() {
        assertTrue(violation(() -> JuryRules.check(34, 5, adults(250), TERM_START, DAY_90)).startsWith("panelSize: a citizens' jury seats 35 jurors (got 34)"));
        assertTrue(violation(() -> JuryRules.check(40, 0, adults(250), TERM_START, DAY_90)).startsWith("panelSize:"), "40 jurors without reserves is not the seed's 35 + 5");
        assertTrue(violation(() -> JuryRules.check(35, 4, adults(250), TERM_START, DAY_90)).startsWith("reserves: a citizens' jury has 5 reserves (got 4)"));
    }

    @Test
    void poolOfTwoToThreeHundredVolunteers() {
        assertTrue(violation(() -> JuryRules.check(35, 5, adults(199), TERM_START, DAY_90)).startsWith("pool: a citizens' jury is drawn from 200–300 volunteers (got 199)"));
        assertTrue(violation(() -> JuryRules.check(35, 5, adults(301), TERM_START, DAY_90)).startsWith("pool: a citizens' jury is drawn from 200–300 volunteers (got 301)"));
    }

    @Test
    void everyJurorIsEighteenOnTheTermsFirstDay() {
        // 만 18세: born 1 April 2003 turns 18 on 1 April 2021; born a day later is still 17 that day.
        assertTrue(JuryRules.adultOn(LocalDate.of(2003, 4, 1), TERM_START));
        assertFalse(JuryRules.adultOn(LocalDate.of(2003, 4, 2), TERM_START));
        assertFalse(JuryRules.adultOn(LocalDate.of(2003, 12, 31), TERM_START), "18 by birth year alone, 17 in full years");
        List<LocalDate> pool = adults(250);
        pool.set(17, LocalDate.of(2003, 4, 2));
        assertEquals("pool[17].birthDate: a juror is at least 18 (만 18세) on the term's first day 2021-04-01 (aged 17)",
                violation(() -> JuryRules.check(35, 5, pool, TERM_START, DAY_90)));
        pool.set(17, LocalDate.of(2003, 4, 1));
        JuryRules.check(35, 5, pool, TERM_START, DAY_90);
        pool.set(18, null);
        assertTrue(violation(() -> JuryRules.check(35, 5, pool, TERM_START, DAY_90)).startsWith("pool[18].birthDate: is required"));
    }

    @Test
    void termOfAtMostNinetyDays() {
        assertEquals(90, JuryRules.termDays(TERM_START, DAY_90));
        assertTrue(violation(() -> JuryRules.check(35, 5, adults(250), TERM_START, DAY_90.plusDays(1))).startsWith("citizensJury.termEnd: a citizens' jury serves at most 90 days (got 91)"));
        assertTrue(violation(() -> JuryRules.check(35, 5, adults(250), TERM_START, TERM_START.minusDays(1))).startsWith("citizensJury.termEnd: must not be before termStart"));
    }
}
