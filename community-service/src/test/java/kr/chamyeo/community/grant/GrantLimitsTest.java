package kr.chamyeo.community.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** Seed 002, 실·본부·국 사업 현황: the departments' grant ranges per group. */
class GrantLimitsTest {

    @Test
    void theSeedsRanges() {
        assertEquals(new GrantLimits.Range(1, 2_000_000), GrantLimits.of(ResidentGroup.Kind.PARENT_COMMUNITY).orElseThrow(), "모임별 2백만원 이내");
        assertEquals(new GrantLimits.Range(3_500_000, 10_000_000), GrantLimits.of(ResidentGroup.Kind.CO_PARENTING).orElseThrow());
        assertEquals(new GrantLimits.Range(35_000_000, 55_000_000), GrantLimits.of(ResidentGroup.Kind.ART_STUDIO).orElseThrow());
        assertEquals(new GrantLimits.Range(2_000_000, 13_000_000), GrantLimits.of(ResidentGroup.Kind.VILLAGE_MEDIA).orElseThrow());
        assertEquals(new GrantLimits.Range(40_000_000, 40_000_000), GrantLimits.of(ResidentGroup.Kind.VILLAGE_MEDIA_HUB).orElseThrow(), "거점형 40백만원");
        assertEquals(new GrantLimits.Range(1_000_000, 8_000_000), GrantLimits.of(ResidentGroup.Kind.APARTMENT).orElseThrow());
        assertEquals(new GrantLimits.Range(8_000_000, 30_000_000), GrantLimits.of(ResidentGroup.Kind.ENERGY_VILLAGE).orElseThrow());
        assertTrue(GrantLimits.of(ResidentGroup.Kind.NEIGHBOURS).isEmpty(), "이웃만들기 sets its own amount");
    }

    @Test
    void aProgrammeGrantsWithinItsKindsRangeAndGroupsAskWithinTheProgrammes() {
        GrantLimits.Range range = GrantLimits.forProgramme(ResidentGroup.Kind.CO_PARENTING, 8_000_000);
        assertEquals(new GrantLimits.Range(3_500_000, 8_000_000), range);
        assertThrows(ProblemException.class, () -> GrantLimits.forProgramme(ResidentGroup.Kind.CO_PARENTING, 10_000_001));
        assertThrows(ProblemException.class, () -> GrantLimits.forProgramme(ResidentGroup.Kind.CO_PARENTING, 3_499_999));
        GrantLimits.checkRequest(range, 3_500_000);
        GrantLimits.checkRequest(range, 8_000_000);
        assertThrows(ProblemException.class, () -> GrantLimits.checkRequest(range, 8_000_001));
        assertEquals(new GrantLimits.Range(1, 500_000), GrantLimits.forProgramme(ResidentGroup.Kind.NEIGHBOURS, 500_000));
    }
}
