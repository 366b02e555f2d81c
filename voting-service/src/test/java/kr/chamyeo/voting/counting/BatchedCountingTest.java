package kr.chamyeo.voting.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.counting.Counting.Step;

/** Each batch is counted as a whole ballot is; the ballot is done when every batch is. */
class BatchedCountingTest {

    private final BatchedCounting counting = new BatchedCounting(List.of(
            new Counting(2, List.of(2, 1), List.of(3, 2)),
            new Counting(2, List.of(3, 2), List.of(2)),
            new Counting(2, List.of(2), List.of())));

    @Test
    void theBallotIsAsFarAsItsLeastAdvancedBatch() {
        assertEquals(Step.MIX, counting.step());
        assertEquals(Step.DECRYPT, new BatchedCounting(counting.batches().subList(0, 2)).step());
        assertEquals(Step.DONE, new BatchedCounting(counting.batches().subList(0, 1)).step());
        assertEquals(List.of(3, 2), counting.batch(1).mixedBy());
        assertEquals(List.of(2), counting.mixedByAll(), "seat 2 mixed every batch; 1 and 3 only some of them");
        assertEquals(List.of(), counting.decryptedByAll());
    }

    @Test
    void eachBatchHasItsOwnRoundsAndItsOwnConflicts() {
        // Seat 3 mixed batches 0 and 1 but not 2, where it takes round 2.
        assertEquals(2, counting.batch(2).roundFor(3));
        assertEquals(409, assertThrows(ProblemException.class, () -> counting.batch(1).roundFor(3)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> counting.batch(2).requireDecryption(1)).status());
        counting.batch(1).requireDecryption(3);
        assertEquals(409, assertThrows(ProblemException.class, () -> counting.batch(1).requireDecryption(2)).status());
    }

    @Test
    void anUnknownBatchIsA422NamingBatch() {
        for (int batch : new int[] {-1, 3}) {
            ProblemException unknown = assertThrows(ProblemException.class, () -> counting.batch(batch));
            assertEquals(422, unknown.status());
            assertEquals("batch", unknown.toProblem(null).errors().get(0).field());
        }
    }
}
