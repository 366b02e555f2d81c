package kr.chamyeo.voting.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kr.chamyeo.voting.result.Turnout.Cell;

class TurnoutTest {

    @Test
    void cellsUnderFiveAreSuppressed() {
        Map<String, Long> dongs = new LinkedHashMap<>();
        dongs.put("가산동", 4L);
        dongs.put("독산1동", 120L);
        dongs.put("시흥1동", 3L);
        List<Cell> cells = Turnout.partition(dongs);
        assertTrue(cells.get(0).suppressed());
        assertNull(cells.get(0).voters());
        assertEquals(120L, cells.get(1).voters());
        assertTrue(cells.get(2).suppressed());
    }

    @Test
    void aLoneSuppressedCellTakesTheNextSmallestWithIt() {
        Map<String, Long> sex = new LinkedHashMap<>();
        sex.put("F", 120L);
        sex.put("M", 3L);
        sex.put("UNKNOWN", 9L);
        List<Cell> cells = Turnout.partition(sex);
        assertFalse(cells.get(0).suppressed());
        assertTrue(cells.get(1).suppressed());
        assertTrue(cells.get(2).suppressed(), "otherwise total − F − UNKNOWN reveals M");
    }

    @Test
    void youthFigureHidesWhatItWouldRevealAboutUnder19s() {
        assertTrue(Turnout.youth(4, new Cell("0-29", 10L, false), new Cell("30-39", 10L, false)).suppressed());
        assertEquals(20L, Turnout.youth(20, new Cell("0-29", 10L, false), new Cell("30-39", 10L, false)).voters());
        // 10 + 10 − 18 = 2 voters aged 18 would be revealed.
        assertTrue(Turnout.youth(18, new Cell("0-29", 10L, false), new Cell("30-39", 10L, false)).suppressed());
    }

    @Test
    void ageBands() {
        assertEquals("0-29", Turnout.band(29));
        assertEquals("30-39", Turnout.band(30));
        assertEquals("50-59", Turnout.band(59));
        assertEquals("60+", Turnout.band(60));
        assertEquals("UNKNOWN", Turnout.band(null));
    }
}
