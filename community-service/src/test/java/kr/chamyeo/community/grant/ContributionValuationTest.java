package kr.chamyeo.community.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.community.grant.ContributionValuation.Contribution;
import kr.chamyeo.community.grant.ContributionValuation.Kind;
import kr.chamyeo.community.grant.ContributionValuation.Result;
import kr.chamyeo.community.grant.ContributionValuation.Rule;

class ContributionValuationTest {

    private static final List<Contribution> MIXED = List.of(
            new Contribution(Kind.CASH, "회비", null, null, 50_000L),
            new Contribution(Kind.VOLUNTEER_HOURS, "자원활동", new BigDecimal("10"), null, null),
            new Contribution(Kind.PROFESSIONAL_HOURS, "강의 재능기부", new BigDecimal("2"), 150_000L, null),
            new Contribution(Kind.IN_KIND, "화분 기증", null, null, 30_000L),
            new Contribution(Kind.PUBLIC_RESOURCE, "주민센터 강당", new BigDecimal("5"), null, 500_000L));

    @Test
    void seedRatesValueEachKind() {
        Result r = ContributionValuation.value(Rule.defaults(), 2022, 1_000_000, MIXED);
        assertEquals(50_000, r.lines().get(0).value());
        assertEquals(200_000, r.lines().get(1).value(), "10 h × 20,000원");
        assertEquals(200_000, r.lines().get(2).value(), "the 150,000원/h claimed is capped at 100,000원/h");
        assertEquals(30_000, r.lines().get(3).value(), "in kind at stated market value");
        assertEquals(0, r.lines().get(4).value(), "public resources are not counted");
        assertEquals(50_000, r.cash());
        assertEquals(430_000, r.nonCash());
    }

    @Test
    void nonCashShareRisesTenPointsAYear() {
        assertEquals(new BigDecimal("0.10"), ContributionValuation.nonCashShareCap(2018));
        assertEquals(new BigDecimal("0.20"), ContributionValuation.nonCashShareCap(2019));
        assertEquals(new BigDecimal("0.30"), ContributionValuation.nonCashShareCap(2020));
        assertEquals(new BigDecimal("0.40"), ContributionValuation.nonCashShareCap(2021));
        assertEquals(new BigDecimal("0.50"), ContributionValuation.nonCashShareCap(2022));
        assertEquals(new BigDecimal("0.50"), ContributionValuation.nonCashShareCap(2025));
        assertEquals(0, ContributionValuation.nonCashShareCap(2017).signum());
    }

    @Test
    void nonCashIsCappedByTheYearsShareButCashIsNot() {
        Result y2018 = ContributionValuation.value(Rule.defaults(), 2018, 1_000_000, MIXED);
        assertEquals(100_000, y2018.nonCashCap());
        assertEquals(100_000, y2018.recognisedNonCash());
        assertEquals(150_000, y2018.recognised());
        Result y2020 = ContributionValuation.value(Rule.defaults(), 2020, 1_000_000, MIXED);
        assertEquals(300_000, y2020.recognisedNonCash());
        Result y2022 = ContributionValuation.value(Rule.defaults(), 2022, 1_000_000, MIXED);
        assertEquals(430_000, y2022.recognisedNonCash(), "under the 50% cap everything counts");
        assertEquals(480_000, y2022.recognised());
        assertEquals(new BigDecimal("0.4800"), y2022.recognisedShareOfGrant());
    }

    @Test
    void programmeRulesOverrideRatesAndSetAMinimum() {
        Rule nmf = new Rule(25_000, 80_000, new BigDecimal("0.45"));
        Result r = ContributionValuation.value(nmf, 2022, 1_000_000, MIXED);
        assertEquals(250_000, r.lines().get(1).value());
        assertEquals(160_000, r.lines().get(2).value());
        assertEquals(440_000, r.nonCash());
        assertEquals(490_000, r.recognised());
        assertTrue(r.meetsMinimum());
        assertFalse(ContributionValuation.value(nmf, 2019, 1_000_000, MIXED).meetsMinimum(), "2019 caps non-cash at 20%");
    }

    @Test
    void fractionalHoursRoundDown() {
        Result r = ContributionValuation.value(Rule.defaults(), 2022, 1_000_000,
                List.of(new Contribution(Kind.VOLUNTEER_HOURS, null, new BigDecimal("1.33333"), null, null)));
        assertEquals(26_666, r.nonCash());
    }

    @Test
    void theNmfMinimumIsHalfOfTheGrantAskedExactly() {
        // Seed 002, 시애틀 NMF: "자부담 총액은 보조금 신청액의 절반 이상".
        Rule nmf = new Rule(20_000, 100_000, ContributionValuation.NMF_MINIMUM_SHARE);
        Contribution hours = new Contribution(Kind.VOLUNTEER_HOURS, "자원활동", new BigDecimal("12.5"), null, null);
        Result half = ContributionValuation.value(nmf, 2022, 1_000_000,
                List.of(new Contribution(Kind.CASH, "회비", null, null, 250_000L), hours));
        assertEquals(500_000, half.recognised());
        assertTrue(half.meetsMinimum(), "exactly half");
        Result short1 = ContributionValuation.value(nmf, 2022, 1_000_000,
                List.of(new Contribution(Kind.CASH, "회비", null, null, 249_999L), hours));
        assertEquals(new BigDecimal("0.5000"), short1.recognisedShareOfGrant(), "the shown share rounds up to half");
        assertFalse(short1.meetsMinimum(), "but 499,999원 is less than half of 1,000,000원");
        List<Contribution> onlyHours = List.of(new Contribution(Kind.VOLUNTEER_HOURS, null, new BigDecimal("100"), null, null));
        assertTrue(ContributionValuation.value(nmf, 2022, 1_000_000, onlyHours).meetsMinimum(), "2022: hours count up to 50%");
        assertFalse(ContributionValuation.value(nmf, 2021, 1_000_000, onlyHours).meetsMinimum(), "2021: hours count only up to 40%");
    }

    @Test
    void theSeedsDollarRatesFollowTheConfiguredExchangeRate() {
        assertEquals(new Rule(20_000, 100_000, null), Rule.defaults(), "$20 and $100 at the default 1,000원");
        assertEquals(new Rule(21_320, 106_600, null), Rule.nmf(1_066), "$20 and $100 at 1,066원");
    }
}
