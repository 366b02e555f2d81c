package kr.chamyeo.community.council;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import kr.chamyeo.community.council.CouncilRequests.PlanRequest;
import kr.chamyeo.community.council.CouncilRequests.VoteRequest;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * A council's self-governance plans (자치계획) and their general meeting (주민총회): the agenda within its ceiling, the
 * meeting's ballot asked of voting-service once a year, the quorum and majority read from its result
 * ({@link MeetingRules}), and the city's yearly pot ({@link ExecutionBudget}); the dong's resident counts the quorum
 * comes from. The council itself, its applicants and lottery are {@link CouncilService}'s.
 */
@ApplicationScoped
public class SelfGovernancePlanService {

    private static final Logger LOG = Logger.getLogger(SelfGovernancePlanService.class);
    /** Advisory lock keys of the yearly participatory-budget pots (key = this + year). */
    private static final long POT_LOCK = 0x5047_0000L;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Transactional
    public SelfGovernancePlan createPlan(Council c, PlanRequest r) {
        if (SelfGovernancePlan.count("councilId = ?1 and year = ?2", c.id, r.year()) > 0) {
            throw ProblemException.conflict("plan-exists", "The council already has a self-governance plan for " + r.year());
        }
        ExecutionBudget.Kind kind = r.kind() != null ? r.kind() : ExecutionBudget.Kind.SELF_GOVERNANCE;
        long cost = r.items().stream().mapToLong(i -> i.cost() == null ? 0 : i.cost()).sum();
        if (cost > ExecutionBudget.ceiling(kind)) {
            throw ProblemException.unprocessable("items", "the agenda costs " + cost + "원; a " + kind + " of one dong may spend at most "
                    + ExecutionBudget.ceiling(kind) + "원 (의제 실행비)").with("cost", cost).with("ceiling", ExecutionBudget.ceiling(kind));
        }
        SelfGovernancePlan p = new SelfGovernancePlan();
        p.id = UUID.randomUUID();
        p.councilId = c.id;
        p.year = r.year();
        p.kind = kind;
        p.title = r.title();
        p.status = SelfGovernancePlan.Status.DRAFT;
        p.turnoutTarget = MeetingRules.turnoutTarget(r.year());
        p.persist();
        for (int i = 0; i < r.items().size(); i++) {
            AgendaItem item = new AgendaItem();
            item.id = UUID.randomUUID();
            item.planId = p.id;
            item.optionKey = "a-" + (i + 1);
            item.title = r.items().get(i).title();
            item.description = r.items().get(i).description();
            item.cost = r.items().get(i).cost();
            item.persist();
        }
        return p;
    }

    public SelfGovernancePlan plan(Council c, UUID planId) {
        SelfGovernancePlan p = SelfGovernancePlan.findById(planId);
        if (p == null || !p.councilId.equals(c.id)) {
            throw ProblemException.notFound("Self-governance plan", planId);
        }
        return p;
    }

    /** Asks voting-service for the general meeting's ballot: residents of the dong choose among the agenda items. */
    @Transactional
    public SelfGovernancePlan requestVote(Council c, UUID planId, VoteRequest r) {
        SelfGovernancePlan p = em.find(SelfGovernancePlan.class, planId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !p.councilId.equals(c.id)) {
            throw ProblemException.notFound("Self-governance plan", planId);
        }
        if (!p.canRequestVote()) {
            throw ProblemException.conflict("vote-exists", "The plan's vote is already " + p.status);
        }
        if (!r.closesAt().isAfter(r.opensAt())) {
            throw ProblemException.unprocessable("closesAt", "must be after opensAt");
        }
        int meetingYear = MeetingRules.meetingYear(r.opensAt());
        long held = SelfGovernancePlan.<SelfGovernancePlan>list("councilId = ?1 and id <> ?2 and opensAt is not null and status <> ?3",
                        c.id, p.id, SelfGovernancePlan.Status.VOTE_REJECTED).stream()
                .filter(other -> MeetingRules.meetingYear(other.opensAt) == meetingYear).count();
        if (held > 0) {
            throw ProblemException.conflict("meeting-held", "주민총회 is held once a year: " + c.dong + " already has a meeting vote in "
                    + meetingYear).with("year", meetingYear);
        }
        if (r.eligibleResidents() != null) {
            p.eligibleResidents = r.eligibleResidents();
            p.residentsSource = "given with the vote request";
        } else {
            CouncilResidents count = CouncilResidents.upTo(c.id, meetingYear);
            if (count == null) {
                throw ProblemException.unprocessable("eligibleResidents", "no resident count of " + c.dong + " for " + meetingYear
                        + " or before: record it (PUT /councils/" + c.id + "/residents/" + meetingYear + ") or give eligibleResidents");
            }
            p.eligibleResidents = count.residents;
            p.residentsSource = count.source + " (" + count.year + ")";
        }
        p.quorum = MeetingRules.quorum(p.eligibleResidents);
        // The pot is the city's: one vote request of a year at a time reserves from it.
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(?1)").setParameter(1, POT_LOCK + p.year).getSingleResult();
        long claim = ExecutionBudget.potClaim(p.kind, agendaCost(p.id, false));
        long claimed = claimed(p.year, p.id);
        if (!ExecutionBudget.fitsPot(claimed, claim)) {
            throw ProblemException.conflict("pot-exhausted", "The " + p.year + " 동단위 계획형 시민참여예산 of " + ExecutionBudget.YEARLY_POT
                            + "원 has " + (ExecutionBudget.YEARLY_POT - claimed) + "원 left; this agenda needs " + claim + "원")
                    .with("pot", ExecutionBudget.YEARLY_POT).with("claimed", claimed).with("claim", claim);
        }
        p.potClaim = claim;
        List<AgendaItem> items = AgendaItem.of(p.id);
        int attempt = p.correlationId == null ? 1 : Integer.parseInt(p.correlationId.substring(p.correlationId.lastIndexOf(':') + 1)) + 1;
        p.correlationId = CouncilEvents.MEETING_PREFIX + p.id + ":" + attempt;
        p.status = SelfGovernancePlan.Status.VOTE_REQUESTED;
        p.opensAt = r.opensAt().withOffsetSameInstant(ZoneOffset.UTC);
        p.closesAt = r.closesAt().withOffsetSameInstant(ZoneOffset.UTC);
        p.rejectionReason = null;
        List<CouncilEvents.Option> options = items.stream().map(i -> new CouncilEvents.Option(i.optionKey, i.title, i.cost)).toList();
        outbox.publish(CouncilEvents.VOTING_REQUESTS, "BallotRequested", p.correlationId, new CouncilEvents.BallotRequested(
                p.correlationId, CouncilEvents.REQUESTER, c.dong + " 주민총회 " + p.year + "년 자치계획: " + p.title,
                "주민총회 자치계획 의제 투표 (" + c.name + "). 찬성하는 의제를 모두 고르세요; 투표자 과반이 찬성한 의제가 채택됩니다.",
                c.district, c.dong, new CouncilEvents.Eligibility(List.of(c.district), List.of(c.dong), null, null, null),
                p.opensAt.toInstant(), p.closesAt.toInstant(), options,
                new CouncilEvents.Rule("APPROVAL", 1, options.size(), null), false));
        return p;
    }

    public void ballotOpened(CouncilEvents.BallotOpened data) {
        SelfGovernancePlan p = meeting(data.correlationId());
        if (p != null) {
            p.opened(data.ballotId());
        }
    }

    public void ballotRejected(CouncilEvents.BallotRejected data) {
        SelfGovernancePlan p = meeting(data.correlationId());
        if (p != null) {
            p.rejected(data.reason());
        }
    }

    /**
     * Records the tallies and turnout; when the voters reach the quorum (1% of the dong's residents) marks the agenda
     * items a majority of voters approved as adopted, otherwise the meeting decided nothing (NOT_QUORATE).
     */
    public void ballotClosed(CouncilEvents.BallotClosed data) {
        SelfGovernancePlan p = meeting(data.correlationId());
        if (p == null || p.settled()) {
            return;
        }
        if (data.voters() == null || data.voters() < 0) {
            throw new IllegalArgumentException("BallotClosed without voters");
        }
        int voters = data.voters();
        Map<String, Integer> tallies = new HashMap<>();
        (data.tallies() == null ? List.<CouncilEvents.Tally>of() : data.tallies()).forEach(t -> tallies.put(t.key(), t.votes()));
        boolean quorate = p.quorate(voters);
        for (AgendaItem item : AgendaItem.of(p.id)) {
            item.votes = tallies.getOrDefault(item.optionKey, 0);
            item.adopted = quorate && MeetingRules.adopted(item.votes, voters);
        }
        // Only what the meeting adopted stays claimed from the year's pot.
        p.closed(voters, data.ballotId(), ExecutionBudget.potClaim(p.kind, agendaCost(p.id, true)));
    }

    /** The agenda's cost: every item, or the adopted ones. */
    public long agendaCost(UUID planId, boolean adoptedOnly) {
        return AgendaItem.of(planId).stream().filter(i -> !adoptedOnly || Boolean.TRUE.equals(i.adopted))
                .mapToLong(i -> i.cost == null ? 0 : i.cost).sum();
    }

    /** What the plans of a year hold of its pot, leaving one plan out. */
    public long claimed(int year, UUID except) {
        Number n = (Number) em.createQuery("select coalesce(sum(p.potClaim), 0) from SelfGovernancePlan p where p.year = ?1 and p.id <> ?2")
                .setParameter(1, year).setParameter(2, except).getSingleResult();
        return n.longValue();
    }

    /** Records (or corrects) the residents of the council's dong in a year. */
    @Transactional
    public CouncilResidents recordResidents(Council c, int year, int residents, String source, String officer) {
        CouncilResidents count = CouncilResidents.findById(new CouncilResidents.Key(c.id, year));
        if (count == null) {
            count = new CouncilResidents();
            count.councilId = c.id;
            count.year = year;
        }
        count.residents = residents;
        count.source = source;
        count.recordedBy = officer;
        count.persist();
        return count;
    }

    private SelfGovernancePlan meeting(String correlation) {
        if (correlation == null || !correlation.startsWith(CouncilEvents.MEETING_PREFIX)) {
            return null;
        }
        SelfGovernancePlan p = SelfGovernancePlan.byCorrelation(correlation);
        if (p == null) {
            LOG.warnf("Ballot event for unknown general meeting %s ignored", correlation);
        }
        return p;
    }
}
