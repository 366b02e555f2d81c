package kr.chamyeo.budget.pabulib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** Simulations in flight share half the heap by their files' size, so two 30 MB files never run at once. */
class SimulationSlotsTest {

    private static final long MB = 1L << 20;

    @Test
    void aSecondThirtyMegabyteFileWaitsForTheFirstWhileSmallFilesStillRun() {
        // The production pod: 1 GiB, 75 % heap = 768 MB; half of it for simulations.
        SimulationSlots slots = new SimulationSlots(384 * MB);
        SimulationSlots.Slot first = slots.take(30 * MB);
        ProblemException busy = assertThrows(ProblemException.class, () -> slots.take(30 * MB));
        assertEquals(503, busy.status());
        assertEquals("Simulations busy", busy.toProblem("/api/v1/budget/simulations").title());
        // 30 MB reserve 360 MB of the 384: a 1 MB file (12 MB) still fits beside it, a 3 MB file (36 MB) does not.
        slots.take(MB).close();
        assertTrue(slots.tryTake(3 * MB).isEmpty());
        first.close();
        slots.take(30 * MB).close();
    }

    @Test
    void aFileOfUnknownSizeOrLargerThanTheShareRunsAlone() {
        SimulationSlots slots = new SimulationSlots(100 * MB);
        SimulationSlots.Slot unknown = slots.take(-1);
        assertTrue(slots.tryTake(1).isEmpty());
        unknown.close();
        SimulationSlots.Slot huge = slots.take(60 * MB);
        assertTrue(slots.tryTake(1).isEmpty());
        huge.close();
        slots.take(1).close();
    }
}
