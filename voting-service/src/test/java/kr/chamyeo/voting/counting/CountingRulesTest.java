package kr.chamyeo.voting.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.counting.Counting.Step;

/** The order of counting: k shuffles by k distinct trustees, then k decryptions. */
class CountingRulesTest {

    @Test
    void eachRoundIsAnotherTrusteesShuffleUntilThresholdRoundsAreDone() {
        assertEquals(1, new Counting(3, List.of(), List.of()).roundFor(4));
        assertEquals(3, new Counting(3, List.of(4, 1), List.of()).roundFor(2));
        ProblemException again = assertThrows(ProblemException.class, () -> new Counting(3, List.of(4, 1), List.of()).roundFor(1));
        assertEquals(409, again.status());
        assertEquals(409, assertThrows(ProblemException.class, () -> new Counting(3, List.of(4, 1, 2), List.of()).roundFor(5)).status());
    }

    @Test
    void decryptionStartsAfterTheLastShuffleAndNeedsThresholdDistinctTrustees() {
        assertEquals(409, assertThrows(ProblemException.class, () -> new Counting(2, List.of(1), List.of()).requireDecryption(2)).status());
        new Counting(2, List.of(1, 3), List.of()).requireDecryption(2);
        assertEquals(409, assertThrows(ProblemException.class, () -> new Counting(2, List.of(1, 3), List.of(2)).requireDecryption(2)).status());
        assertEquals(Step.MIX, new Counting(2, List.of(1), List.of()).step());
        assertEquals(Step.DECRYPT, new Counting(2, List.of(1, 3), List.of(2)).step());
        assertEquals(Step.DONE, new Counting(2, List.of(1, 3), List.of(2, 1)).step());
    }
}
