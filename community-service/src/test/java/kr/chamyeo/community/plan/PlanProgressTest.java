package kr.chamyeo.community.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import kr.chamyeo.community.council.MeetingRules;

class PlanProgressTest {

    private static final PlanDocument.Kpi TURNOUT = new PlanDocument.Kpi("U-2-1-1b", "자치계획 투표율", "%", null, "2-1-1",
            new BigDecimal("2.8"), 2017, new BigDecimal("5"), 2022, null);
    private static final PlanDocument.Kpi TRUST = new PlanDocument.Kpi("K8", "행정기관 신뢰율", "%", "민관협력 성숙", null,
            null, null, new BigDecimal("70"), 2022, null);
    private static final PlanDocument.Kpi PARTIES = new PlanDocument.Kpi("U-3-3-1", "네트워크 파티", "회/년", null, "3-3-1",
            null, null, new BigDecimal("300"), null, null);

    @Test
    void theStraightLineOfTheTurnoutKpiIsTheGeneralMeetingsTarget() {
        for (int year = 2016; year <= 2024; year++) {
            assertEquals(0, MeetingRules.turnoutTarget(year).movePointRight(2).compareTo(PlanProgress.expected(TURNOUT, year)),
                    "year " + year);
        }
    }

    @Test
    void withoutABaselineProgressIsTheShareOfTheTarget() {
        PlanProgress.KpiProgress p = PlanProgress.kpi(TRUST, 2020, new PlanProgress.KpiValue(2020, new BigDecimal("63")));
        assertEquals(new BigDecimal("0.9000"), p.progress());
        assertNull(p.expected(), "the seed gives no path to the 70% target");
        assertEquals(new BigDecimal("300"), PlanProgress.expected(PARTIES, 2019), "매년 300회 stands every year");
        assertNull(PlanProgress.kpi(TRUST, 2020, null).progress());
    }

    @Test
    void withABaselineProgressIsTheShareOfTheWay() {
        PlanProgress.KpiProgress p = PlanProgress.kpi(TURNOUT, 2020, new PlanProgress.KpiValue(2019, new BigDecimal("3.9")));
        assertEquals(new BigDecimal("0.5000"), p.progress(), "2.8 → 5: 3.9 is halfway");
        assertEquals(2019, p.measuredYear());
    }
}
