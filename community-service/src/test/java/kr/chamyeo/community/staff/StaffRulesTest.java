package kr.chamyeo.community.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** Seed 002: 뉴딜일자리 최대 23개월·월 최대 171만원; 동 자치지원관 동별 1명; 마을자치전문가 동별 2명. */
class StaffRulesTest {

    private static final YearMonth MARCH_2019 = YearMonth.of(2019, 3);

    @Test
    void monthsAreCountedFromStartThroughEnd() {
        assertEquals(23, StaffRules.months(MARCH_2019, YearMonth.of(2021, 1)));
        assertEquals(1, StaffRules.months(MARCH_2019, MARCH_2019));
    }

    @Test
    void aNewDealJobLastsAtMostTwentyThreeMonthsAt1710000WonAMonth() {
        StaffRules.check(StaffRules.Role.VILLAGE_EXPERT, "독산1동", StaffRules.Funding.NEW_DEAL, MARCH_2019, YearMonth.of(2021, 1), 1_710_000);
        assertThrows(ProblemException.class, () -> StaffRules.check(StaffRules.Role.VILLAGE_EXPERT, "독산1동", StaffRules.Funding.NEW_DEAL,
                MARCH_2019, YearMonth.of(2021, 2), 1_710_000));
        assertThrows(ProblemException.class, () -> StaffRules.check(StaffRules.Role.VILLAGE_EXPERT, "독산1동", StaffRules.Funding.NEW_DEAL,
                MARCH_2019, YearMonth.of(2021, 1), 1_710_001));
        StaffRules.check(StaffRules.Role.VILLAGE_EXPERT, "독산1동", StaffRules.Funding.LOCAL, MARCH_2019, YearMonth.of(2023, 12), 2_500_000);
    }

    @Test
    void oneSupportOfficerAndTwoVillageExpertsPerDong() {
        StaffRules.checkDongLimit(StaffRules.Role.DONG_SUPPORT_OFFICER, "독산1동", 0);
        assertThrows(ProblemException.class, () -> StaffRules.checkDongLimit(StaffRules.Role.DONG_SUPPORT_OFFICER, "독산1동", 1));
        StaffRules.checkDongLimit(StaffRules.Role.VILLAGE_EXPERT, "독산1동", 1);
        assertThrows(ProblemException.class, () -> StaffRules.checkDongLimit(StaffRules.Role.VILLAGE_EXPERT, "독산1동", 2));
        StaffRules.checkDongLimit(StaffRules.Role.SPACE_OPERATOR, "독산1동", 40);
    }
}
