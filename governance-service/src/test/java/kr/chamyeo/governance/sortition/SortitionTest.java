package kr.chamyeo.governance.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** A sortition is drawn once, on the seed that opens its commitment, and re-checked only once drawn (issue 23). */
class SortitionTest {

    private static Sortition committed(String seed) {
        Sortition s = new Sortition();
        s.status = Sortition.Status.COMMITTED;
        s.seedCommitment = Lottery.commitment(seed);
        return s;
    }

    @Test
    void theDrawRunsOnlyOnTheSeedThatOpensTheCommitment() {
        String seed = Lottery.newSeed();
        Sortition s = committed(seed);
        assertEquals(seed, s.drawingSeed(seed.toUpperCase(Locale.ROOT)));
        assertEquals("seed", field(422, () -> s.drawingSeed(null)));
        assertEquals("seed", field(422, () -> s.drawingSeed(Lottery.newSeed())));
    }

    @Test
    void aSortitionKeepingItsSeedFromBeforeTheCeremonyNeedsNoneBrought() {
        String seed = Lottery.newSeed();
        Sortition s = committed(seed);
        s.seed = seed;
        assertEquals(seed, s.drawingSeed(null));
    }

    @Test
    void aSortitionIsDrawnOnceAndVerifiedOnlyOnceDrawn() {
        String seed = Lottery.newSeed();
        Sortition s = committed(seed);
        assertEquals(409, assertThrows(ProblemException.class, s::requireDrawn).status());
        s.status = Sortition.Status.DRAWN;
        s.requireDrawn();
        assertEquals(409, assertThrows(ProblemException.class, () -> s.drawingSeed(seed)).status());
        s.status = Sortition.Status.FAILED;
        assertEquals(409, assertThrows(ProblemException.class, s::requireDrawn).status());
    }

    private static String field(int status, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(status, e.status());
        return e.toProblem("/test").errors().get(0).field();
    }
}
