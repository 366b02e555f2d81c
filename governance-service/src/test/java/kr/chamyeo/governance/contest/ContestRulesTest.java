package kr.chamyeo.governance.contest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import kr.chamyeo.governance.contest.ContestRules.Candidate;
import kr.chamyeo.governance.contest.InnovationContest.Status;
import kr.chamyeo.platform.problem.ProblemException;

/** Seed 004: "(1차) 사전 서면심사, 온라인 투표 등을 통해 10건 선정". */
class ContestRulesTest {

    @Test
    void theTenEntriesWithTheMostVotesAreShortlistedAndATieAtTheLastPlaceGoesToTheBetterReview() {
        List<Candidate> candidates = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            candidates.add(new Candidate("e-" + n, 1000 - n * 10, 70, n));
        }
        assertEquals(IntStream.rangeClosed(1, 10).mapToObj(n -> "e-" + n).toList(), ContestRules.shortlist(candidates, 10));
        // e-10 and e-11 tie at the tenth place: the higher written-review score wins, then the earlier entry.
        candidates.set(10, new Candidate("e-11", 900, 85, 11));
        assertEquals("e-11", ContestRules.shortlist(candidates, 10).get(9));
        candidates.set(10, new Candidate("e-11", 900, 70, 11));
        assertEquals("e-10", ContestRules.shortlist(candidates, 10).get(9));
    }

    @Test
    void theVoteFollowsACompleteReviewThatPassedMoreThanTheShortlist() {
        List<ContestEntry> eleven = IntStream.rangeClosed(1, 11).mapToObj(n -> entry(n, ContestEntry.Review.PASSED)).toList();
        assertDoesNotThrow(() -> ContestRules.requireVoteRequestable(Status.SCREENING, eleven, 10));
        assertThrows(ProblemException.class, () -> ContestRules.requireVoteRequestable(Status.ENTRIES_OPEN, eleven, 10));

        List<ContestEntry> tenPassed = new ArrayList<>(eleven.subList(0, 10));
        tenPassed.add(entry(11, ContestEntry.Review.SCREENED_OUT));
        assertEquals(422, assertThrows(ProblemException.class, () -> ContestRules.requireVoteRequestable(Status.SCREENING, tenPassed, 10))
                .status());
        List<ContestEntry> unreviewed = new ArrayList<>(eleven);
        unreviewed.add(entry(12, null));
        assertEquals("the written review (서면심사) has not decided [e-12]", assertThrows(ProblemException.class,
                () -> ContestRules.requireVoteRequestable(Status.SCREENING, unreviewed, 10)).toProblem("/").errors().get(0).message());
    }

    @Test
    void entriesCloseWithTheReviewAndTheReviewWithTheVote() {
        assertDoesNotThrow(() -> ContestRules.requireEntriesOpen(Status.ENTRIES_OPEN));
        assertEquals(409, assertThrows(ProblemException.class, () -> ContestRules.requireEntriesOpen(Status.SCREENING)).status());
        assertDoesNotThrow(() -> ContestRules.requireReviewable(Status.SCREENING));
        assertEquals(409, assertThrows(ProblemException.class, () -> ContestRules.requireReviewable(Status.VOTING)).status());
    }

    private static ContestEntry entry(int number, ContestEntry.Review review) {
        ContestEntry e = new ContestEntry();
        e.number = number;
        e.review = review;
        return e;
    }
}
