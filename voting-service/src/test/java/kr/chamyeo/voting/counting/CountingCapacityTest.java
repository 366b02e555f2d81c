package kr.chamyeo.voting.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** A counting step that would not fit in the heap is refused before anything is parsed, with the figures. */
class CountingCapacityTest {

    private static final long KB = 1024;

    @Test
    void theProductionPodChecksTwoHundredThousandCiphertextsButNotThreeHundredThousand() {
        // prod overlay: 1,536 MiB pod, 75 % heap = 1,152 MiB; 5 KB a ciphertext as measured.
        CountingCapacity prod = CountingCapacity.of(5 * KB, 1152L << 20);
        prod.require(150_000);
        ProblemException refused = assertThrows(ProblemException.class, () -> prod.require(300_000));
        assertEquals(503, refused.status());
        var problem = refused.toProblem("/api/v1/voting/ballots/x/counting/mixes");
        assertEquals("Count too large for this replica", problem.title());
        assertEquals(300_000L, problem.extensions().get("ciphertexts"));
        assertEquals(300_000L * 5 * KB, problem.extensions().get("neededBytes"));
    }

    @Test
    void theLimitIsTheShareOfTheHeapAStepMayTake() {
        CountingCapacity capacity = CountingCapacity.of(1000, 4000);
        capacity.require(3);
        assertThrows(ProblemException.class, () -> capacity.require(4));
    }
}
