package kr.chamyeo.governance.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YouthShareTest {

    @Test
    void fifteenPercentRoundsUpToWholeMembers() {
        assertEquals(3, YouthShare.needed(20, 0));
        assertEquals(0, YouthShare.needed(20, 3));
        assertEquals(2, YouthShare.needed(7, 0));
        assertEquals(0, YouthShare.needed(7, 2));
        assertEquals(1, YouthShare.needed(21, 3));
    }

    @Test
    void youngMeans19To39InTheReferenceYear() {
        assertTrue(YouthShare.isYoung(2001, 2020));
        assertTrue(YouthShare.isYoung(1981, 2020));
        assertFalse(YouthShare.isYoung(1980, 2020));
        assertFalse(YouthShare.isYoung(2002, 2020));
    }
}
