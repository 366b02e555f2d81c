package kr.chamyeo.governance.contest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.ballot.BallotEvents;
import kr.chamyeo.governance.ballot.BallotOutcomes;
import kr.chamyeo.governance.contest.InnovationContest.Status;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;

/** Runs contests through their stages ({@link ContestRules}) and asks voting-service for the online vote. */
@ApplicationScoped
public class ContestService implements BallotOutcomes {

    /** Correlation ids of contest ballots: {@code governance:contest:<contestId>:<attempt>}. */
    static final String PREFIX = "governance:contest:";

    @Inject
    Outbox outbox;

    @Transactional
    public InnovationContest create(String district, int year, String title, int shortlistSize) {
        InnovationContest c = new InnovationContest();
        c.id = UUID.randomUUID();
        c.district = district;
        c.year = year;
        c.title = title;
        c.shortlistSize = shortlistSize;
        c.status = Status.ENTRIES_OPEN;
        c.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.persist();
        return c;
    }

    /**
     * The contest or 404, read without a transaction: a request's first committed transaction carries its audit record,
     * which belongs to the change that follows, not to this look-up.
     */
    public InnovationContest get(UUID id) {
        InnovationContest c = InnovationContest.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Contest", id);
        }
        return c;
    }

    /** The contest locked for a change (stage checks and entry numbers hold against concurrent requests), or 404. */
    private static InnovationContest forChange(UUID id) {
        InnovationContest c = InnovationContest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("Contest", id);
        }
        return c;
    }

    @Transactional
    public ContestEntry enter(UUID contestId, String department, String title, String summary) {
        InnovationContest c = forChange(contestId);
        ContestRules.requireEntriesOpen(c.status);
        ContestEntry e = new ContestEntry();
        e.id = UUID.randomUUID();
        e.contestId = c.id;
        e.number = (int) ContestEntry.count("contestId", c.id) + 1;
        e.department = department;
        e.title = title;
        e.summary = summary;
        e.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.persist();
        return e;
    }

    /** Records the written review of one entry; the first review closes the entries (서면심사 단계). */
    @Transactional
    public ContestEntry review(UUID contestId, UUID entryId, ContestEntry.Review review, int score, String note) {
        InnovationContest c = forChange(contestId);
        ContestRules.requireReviewable(c.status);
        ContestEntry e = ContestEntry.find("id = ?1 and contestId = ?2", entryId, c.id).firstResult();
        if (e == null) {
            throw ProblemException.notFound("Entry", entryId);
        }
        if (review == ContestEntry.Review.SCREENED_OUT && (note == null || note.isBlank())) {
            throw ProblemException.unprocessable("note", "a screened-out entry needs the reason");
        }
        c.status = Status.SCREENING;
        e.review = review;
        e.score = score;
        e.reviewNote = note;
        return e;
    }

    /** Asks voting-service for the online vote among the entries that passed (APPROVAL, up to the shortlist's size). */
    @Transactional
    public InnovationContest requestVote(UUID contestId, Instant opensAt, Instant closesAt) {
        InnovationContest c = forChange(contestId);
        if (!closesAt.isAfter(opensAt)) {
            throw ProblemException.unprocessable("closesAt", "must be after opensAt");
        }
        List<ContestEntry> entries = ContestEntry.of(c.id);
        ContestRules.requireVoteRequestable(c.status, entries, c.shortlistSize);
        int attempt = c.correlationId == null ? 1 : Integer.parseInt(c.correlationId.substring(c.correlationId.lastIndexOf(':') + 1)) + 1;
        c.correlationId = PREFIX + c.id + ":" + attempt;
        c.status = Status.VOTE_REQUESTED;
        c.rejectionReason = null;
        List<BallotEvents.Option> options = entries.stream().filter(e -> e.review == ContestEntry.Review.PASSED)
                .map(e -> new BallotEvents.Option(e.optionKey(), e.department + ": " + e.title, null)).toList();
        String name = SeoulDistricts.name(c.district);
        outbox.publish(BallotEvents.REQUESTS, "BallotRequested", c.correlationId, new BallotEvents.BallotRequested(c.correlationId,
                BallotEvents.REQUESTER, c.year + " " + name + " " + c.title + " 온라인 투표",
                "서면심사를 통과한 " + options.size() + "건 중 우수사례를 최대 " + c.shortlistSize + "건 고르세요; 많이 득표한 "
                        + c.shortlistSize + "건이 2차 현장발표에 오릅니다.",
                c.district, null, new BallotEvents.Eligibility(List.of(c.district), List.of(), null, null, null), opensAt, closesAt,
                options, new BallotEvents.Rule("APPROVAL", 1, Math.min(c.shortlistSize, options.size()), null), false));
        return c;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public void opened(BallotEvents.BallotOpened opened) {
        InnovationContest c = answered(opened.correlationId(), Set.of(Status.VOTE_REQUESTED));
        if (c != null) {
            c.status = Status.VOTING;
            c.ballotId = opened.ballotId();
        }
    }

    @Override
    public void rejected(BallotEvents.BallotRejected rejected) {
        InnovationContest c = answered(rejected.correlationId(), Set.of(Status.VOTE_REQUESTED));
        if (c != null) {
            c.status = Status.VOTE_REJECTED;
            c.rejectionReason = rejected.reason();
        }
    }

    /** The entries with the most votes make the shortlist; a later close of the same ballot changes nothing. */
    @Override
    public void closed(BallotEvents.BallotClosed closed) {
        InnovationContest c = answered(closed.correlationId(), Set.of(Status.VOTE_REQUESTED, Status.VOTING));
        if (c == null) {
            return;
        }
        Map<String, Long> votes = new HashMap<>();
        closed.tallies().forEach(t -> votes.put(t.key(), t.votes()));
        List<ContestEntry> passed = ContestEntry.<ContestEntry>of(c.id).stream().filter(e -> e.review == ContestEntry.Review.PASSED).toList();
        passed.forEach(e -> e.votes = votes.getOrDefault(e.optionKey(), 0L));
        List<String> shortlist = ContestRules.shortlist(passed.stream()
                .map(e -> new ContestRules.Candidate(e.optionKey(), e.votes, e.score, e.number)).toList(), c.shortlistSize);
        passed.forEach(e -> e.shortlisted = shortlist.contains(e.optionKey()));
        c.voters = closed.voters();
        c.ballotId = c.ballotId != null ? c.ballotId : closed.ballotId();
        c.status = Status.SHORTLISTED;
    }

    /** The contest whose current request this answer is for, if it still waits for such an answer. */
    private static InnovationContest answered(String correlationId, Set<Status> waiting) {
        InnovationContest c = InnovationContest.find("correlationId", correlationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return c != null && waiting.contains(c.status) ? c : null;
    }
}
