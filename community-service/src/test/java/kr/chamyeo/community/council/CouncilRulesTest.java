package kr.chamyeo.community.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CouncilRulesTest {

    @Test
    void quotasForThirtySeatsAreTheContractsExample() {
        assertEquals(List.of(new LotteryQuotas.Quota("sex", "F", 0, 18), new LotteryQuotas.Quota("sex", "M", 0, 18),
                new LotteryQuotas.Quota("fortiesOrYounger", "true", 5, 30)), LotteryQuotas.forSeats(30));
    }

    @Test
    void quotasRoundTowardsTheRule() {
        assertEquals(6, LotteryQuotas.maxPerSex(11), "60% of 11 is 6.6: 7 would exceed 60%");
        assertEquals(2, LotteryQuotas.minFortiesOrYounger(11), "15% of 11 is 1.65: 1 would fall short");
        assertEquals(3, LotteryQuotas.minFortiesOrYounger(20));
        assertEquals(12, LotteryQuotas.maxPerSex(20));
    }

    @Test
    void fortiesOrYoungerMeansUnderFiftyInTheLotteryYear() {
        // Seed 002 "40대 이하 15% 이상": the whole forties band counts, the fifties do not.
        assertTrue(LotteryQuotas.fortiesOrYounger(1977, 2026), "49 in 2026: in the forties");
        assertFalse(LotteryQuotas.fortiesOrYounger(1976, 2026), "50 in 2026: in the fifties");
        assertTrue(LotteryQuotas.fortiesOrYounger(1985, 2026), "41 in 2026: excluded by the old reading (40 or under), in the rule");
        assertTrue(LotteryQuotas.fortiesOrYounger(1986, 2026), "40 in 2026");
        assertTrue(LotteryQuotas.fortiesOrYounger(2007, 2026), "19 in 2026: younger still counts");
        assertTrue(LotteryQuotas.fortiesOrYounger(1970, 2019), "49 in a 2019 lottery (the dong's rollout year)");
        assertFalse(LotteryQuotas.fortiesOrYounger(1969, 2019), "50 in a 2019 lottery");
    }

    @Test
    void adoptionNeedsMoreThanHalfOfVoters() {
        assertTrue(MeetingRules.adopted(501, 1000));
        assertFalse(MeetingRules.adopted(500, 1000), "a tie is not a majority");
        assertFalse(MeetingRules.adopted(0, 0));
    }

    @Test
    void turnoutTargetRisesFromTwoPointEightToFivePercent() {
        assertEquals(new BigDecimal("0.028000"), MeetingRules.turnoutTarget(2017));
        assertEquals(new BigDecimal("0.032400"), MeetingRules.turnoutTarget(2018));
        assertEquals(new BigDecimal("0.041200"), MeetingRules.turnoutTarget(2020));
        assertEquals(new BigDecimal("0.050000"), MeetingRules.turnoutTarget(2022));
        assertEquals(new BigDecimal("0.050000"), MeetingRules.turnoutTarget(2030));
        assertEquals(new BigDecimal("0.040000"), MeetingRules.turnout(1000, 25000));
    }

    @Test
    void theGeneralMeetingNeedsOnePercentOfTheDongsResidents() {
        // Seed 002: "주민총회(연 1회) : 주민 누구나(1% 이상) 참석, 자치계획 등 결정".
        assertEquals(250, MeetingRules.quorum(25_000));
        assertEquals(251, MeetingRules.quorum(25_001), "1% of 25,001 is 250.01: 250 voters fall short");
        assertEquals(1, MeetingRules.quorum(99));
        assertFalse(MeetingRules.quorate(249, 250));
        assertTrue(MeetingRules.quorate(250, 250));
    }

    @Test
    void theMeetingsYearIsTheCalendarYearInSeoul() {
        assertEquals(2030, MeetingRules.meetingYear(java.time.OffsetDateTime.parse("2030-12-31T14:59:59Z")));
        assertEquals(2031, MeetingRules.meetingYear(java.time.OffsetDateTime.parse("2030-12-31T15:00:00Z")), "midnight in Seoul");
    }

    @Test
    void executionBudgetOfTheSeed() {
        // Seed 002: 마을계획 의제 실행비 동별 7,500천원(사업비) + 30백만원(동단위 계획형 시민참여예산); 자치계획 30백만원; 매년 25억원.
        assertEquals(30_000_000, ExecutionBudget.ceiling(ExecutionBudget.Kind.SELF_GOVERNANCE));
        assertEquals(37_500_000, ExecutionBudget.ceiling(ExecutionBudget.Kind.VILLAGE_PLAN));
        assertEquals(30_000_000, ExecutionBudget.potClaim(ExecutionBudget.Kind.VILLAGE_PLAN, 37_500_000));
        assertEquals(0, ExecutionBudget.potClaim(ExecutionBudget.Kind.VILLAGE_PLAN, 7_500_000), "the department budget comes first");
        assertEquals(7_500_000, ExecutionBudget.potClaim(ExecutionBudget.Kind.SELF_GOVERNANCE, 7_500_000));
        assertTrue(ExecutionBudget.fitsPot(2_470_000_000L, 30_000_000));
        assertFalse(ExecutionBudget.fitsPot(2_470_000_001L, 30_000_000));
    }

    @Test
    void aLotterySeedOpensOnlyItsOwnCommitment() {
        // SHA-256 of the 64 hex characters, as governance-service's Lottery.commitment computes it.
        String seed = "19b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22b3b64768098d002b";
        assertEquals("97a7b361286a6aa23b0c2ef713152013804c353adf047f90a7e1c9e6487a852b", LotterySeal.commitment(seed));
        assertTrue(LotterySeal.opens(seed.toUpperCase(), LotterySeal.commitment(seed)), "hex digits in either case");
        assertFalse(LotterySeal.opens("29b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22b3b64768098d002b", LotterySeal.commitment(seed)));
        assertFalse(LotterySeal.opens(null, LotterySeal.commitment(seed)));
        String fresh = LotterySeal.newSeed();
        assertTrue(fresh.matches("[0-9a-f]{64}") && !fresh.equals(LotterySeal.newSeed()));
    }
}
