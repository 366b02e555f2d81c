package kr.chamyeo.governance.contest;

import java.util.Comparator;
import java.util.List;

import kr.chamyeo.governance.contest.InnovationContest.Status;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * The stages of seed 004's contest: "심사방법 : (1차) 사전 서면심사, 온라인 투표 등을 통해 10건 선정". Entries are taken until
 * the written review starts (the first review closes them); every entry is reviewed before the vote; the vote is among the
 * entries that passed, and only if more passed than the shortlist holds; the shortlist is the entries with the most votes.
 * The seed does not say how a tie at the last place is broken: the higher review score, then the earlier entry.
 */
public final class ContestRules {

    /** An entry as the shortlist sees it. */
    public record Candidate(String key, long votes, int score, int number) {
    }

    private ContestRules() {
    }

    static void requireEntriesOpen(Status status) {
        if (status != Status.ENTRIES_OPEN) {
            throw ProblemException.conflict("entries-closed", "Entries closed when the written review (서면심사) began; the contest is " + status);
        }
    }

    static void requireReviewable(Status status) {
        if (status != Status.ENTRIES_OPEN && status != Status.SCREENING) {
            throw ProblemException.conflict("review-closed", "The written review ended when the online vote was requested; the contest is " + status);
        }
    }

    /** Before the ballot is asked for: the review is complete and more entries passed than the shortlist holds. */
    static void requireVoteRequestable(Status status, List<ContestEntry> entries, int shortlistSize) {
        if (status != Status.SCREENING && status != Status.VOTE_REJECTED) {
            throw ProblemException.conflict("not-screened", "An online vote follows the written review; the contest is " + status);
        }
        List<String> unreviewed = entries.stream().filter(e -> e.review == null).map(ContestEntry::optionKey).toList();
        if (!unreviewed.isEmpty()) {
            throw ProblemException.unprocessable("entries", "the written review (서면심사) has not decided " + unreviewed);
        }
        long passed = entries.stream().filter(e -> e.review == ContestEntry.Review.PASSED).count();
        if (passed <= shortlistSize) {
            throw ProblemException.unprocessable("entries", passed + " entries passed the written review: a vote selects "
                    + shortlistSize + " from more than " + shortlistSize);
        }
    }

    /** The keys of the {@code size} candidates with the most votes (ties: higher review score, then earlier entry). */
    public static List<String> shortlist(List<Candidate> candidates, int size) {
        return candidates.stream()
                .sorted(Comparator.comparingLong(Candidate::votes).reversed().thenComparing(Comparator.comparingInt(Candidate::score).reversed())
                        .thenComparingInt(Candidate::number))
                .limit(size).map(Candidate::key).toList();
    }
}
