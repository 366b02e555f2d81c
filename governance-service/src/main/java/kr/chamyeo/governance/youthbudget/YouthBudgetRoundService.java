package kr.chamyeo.governance.youthbudget;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.youthcouncil.Subcommittee;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;

/** The council's proposal step of the city-level youth autonomous budget ({@link YouthBudgetRules}). */
@ApplicationScoped
public class YouthBudgetRoundService {

    static final String TOPIC = "governance.youth-budget";

    @Inject
    Outbox outbox;

    /** What the council proposes to Seoul, in priority order. */
    public record Proposed(String roundId, int year, long total, long proposed, LocalDate adoptedOn, List<Item> proposals) {
    }

    public record Item(int priority, String title, String subcommittee, long amount) {
    }

    @Transactional
    public YouthBudgetRound open(int year, long total) {
        if (YouthBudgetRound.count("year", year) > 0) {
            throw ProblemException.conflict("round-exists", "The city already fixed the youth budget total of " + year).with("year", year);
        }
        YouthBudgetRound r = new YouthBudgetRound();
        r.id = UUID.randomUUID();
        r.year = year;
        r.total = total;
        r.status = YouthBudgetRound.Status.DELIBERATING;
        r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.persist();
        return r;
    }

    /** Read without a transaction (see ContestService.get): the request's audit record belongs to its change. */
    public YouthBudgetRound get(UUID id) {
        YouthBudgetRound r = YouthBudgetRound.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Youth budget round", id);
        }
        return r;
    }

    /** Adds a proposal, or with {@code proposalId} changes one, while the council deliberates. */
    @Transactional
    public YouthBudgetProposal propose(UUID roundId, UUID proposalId, UUID subcommitteeId, String title, String summary, long amount,
                                       int priority) {
        YouthBudgetRound r = forChange(roundId);
        YouthBudgetRules.requireDeliberating(r.status);
        YouthBudgetProposal p;
        if (proposalId == null) {
            p = new YouthBudgetProposal();
            p.id = UUID.randomUUID();
            p.roundId = roundId;
        } else {
            p = YouthBudgetProposal.find("id = ?1 and roundId = ?2", proposalId, roundId).firstResult();
            if (p == null) {
                throw ProblemException.notFound("Proposal", proposalId);
            }
        }
        if (subcommitteeId != null) {
            Subcommittee s = Subcommittee.findById(subcommitteeId);
            if (s == null || s.year != r.year) {
                throw ProblemException.unprocessable("subcommitteeId", "must be a subcommittee (분과) of the " + r.year + " youth council");
            }
        }
        if (YouthBudgetProposal.count("roundId = ?1 and priority = ?2 and id <> ?3", roundId, priority, p.id) > 0) {
            throw ProblemException.conflict("priority-taken", "Another proposal has priority " + priority).with("priority", priority);
        }
        p.subcommitteeId = subcommitteeId;
        p.title = title;
        p.summary = summary;
        p.amount = amount;
        p.priority = priority;
        p.persist();
        return p;
    }

    /** The plenary adopts the proposals within the total and proposes them to Seoul (YouthBudgetProposed). */
    @Transactional
    public YouthBudgetRound adopt(UUID roundId, LocalDate adoptedOn) {
        YouthBudgetRound r = forChange(roundId);
        YouthBudgetRules.requireDeliberating(r.status);
        List<YouthBudgetProposal> proposals = YouthBudgetProposal.of(roundId);
        YouthBudgetRules.requireAdoptable(r.total, proposals.stream().map(p -> p.amount).toList(),
                proposals.stream().map(p -> p.priority).toList());
        r.status = YouthBudgetRound.Status.ADOPTED;
        r.adoptedOn = adoptedOn;
        List<Item> items = proposals.stream().map(p -> new Item(p.priority, p.title, subcommittee(p.subcommitteeId), p.amount)).toList();
        outbox.publish(TOPIC, "YouthBudgetProposed", r.id.toString(), new Proposed(r.id.toString(), r.year, r.total,
                items.stream().mapToLong(Item::amount).sum(), adoptedOn, items));
        return r;
    }

    static String subcommittee(UUID id) {
        Subcommittee s = id == null ? null : Subcommittee.findById(id);
        return s == null ? null : s.name;
    }

    private static YouthBudgetRound forChange(UUID id) {
        YouthBudgetRound r = YouthBudgetRound.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("Youth budget round", id);
        }
        return r;
    }
}
