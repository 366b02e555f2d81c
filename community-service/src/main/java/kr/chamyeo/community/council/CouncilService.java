package kr.chamyeo.community.council;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.community.council.CouncilEvents.PoolEntry;
import kr.chamyeo.community.council.CouncilRequests.ApplicantRequest;
import kr.chamyeo.community.council.CouncilRequests.CouncilRequest;
import kr.chamyeo.community.council.CouncilRequests.PlanRequest;
import kr.chamyeo.community.council.CouncilRequests.VoteRequest;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;

@ApplicationScoped
public class CouncilService {

    private static final Logger LOG = Logger.getLogger(CouncilService.class);
    /** Advisory lock keys of the yearly participatory-budget pots (key = this + year). */
    private static final long POT_LOCK = 0x5047_0000L;
    /** 주민자치학교: 사전 교육 이수(최소 6시간). */
    static final java.math.BigDecimal MIN_EDUCATION_HOURS = java.math.BigDecimal.valueOf(6);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Council create(CouncilRequest r) {
        if (Council.count("district = ?1 and dong = ?2", r.district(), r.dong()) > 0) {
            throw ProblemException.conflict("council-exists", "Dong " + r.dong() + " already has a council");
        }
        Council c = new Council();
        c.id = UUID.randomUUID();
        c.district = r.district();
        c.dong = r.dong();
        c.name = r.name() != null ? r.name() : r.dong() + " 주민자치회";
        c.rolloutYear = r.rolloutYear();
        c.seats = r.seats();
        c.reserves = r.reserves() != null ? r.reserves() : 0;
        c.requiredEducationHours = r.requiredEducationHours() != null ? r.requiredEducationHours() : MIN_EDUCATION_HOURS;
        c.persist();
        return c;
    }

    public Council council(UUID id) {
        Council c = Council.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Council", id);
        }
        return c;
    }

    @Transactional
    public CouncilApplicant apply(Council c, ApplicantRequest r, String participant, String sex, int birthYear) {
        if (CouncilApplicant.count("councilId = ?1 and participantId = ?2", c.id, participant) > 0) {
            throw ProblemException.conflict("already-applied", "You have already applied to this council");
        }
        CouncilApplicant a = new CouncilApplicant();
        a.id = UUID.randomUUID();
        a.councilId = c.id;
        a.participantId = participant;
        a.name = r.name();
        a.sex = sex;
        a.birthYear = birthYear;
        a.appliedAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.persist();
        return a;
    }

    /** Publishes the applicant pool (ids and features only, no names) and the quotas as counts. */
    @Transactional
    public CouncilLottery requestLottery(UUID councilId, Integer seatsOverride, Integer reservesOverride) {
        Council c = em.find(Council.class, councilId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("Council", councilId);
        }
        if (CouncilLottery.count("councilId = ?1 and status = ?2", c.id, CouncilLottery.Status.REQUESTED) > 0) {
            throw ProblemException.conflict("lottery-pending", "A lottery of this council is still waiting for its draw");
        }
        int seats = seatsOverride != null ? seatsOverride : c.seats;
        int reserves = reservesOverride != null ? reservesOverride : c.reserves;
        List<CouncilApplicant> all = CouncilApplicant.list("councilId = ?1 order by appliedAt", c.id);
        List<CouncilApplicant> applicants = all.stream()
                .filter(a -> educationHours(a.participantId).compareTo(c.requiredEducationHours) >= 0).toList();
        if (applicants.size() < seats) {
            throw ProblemException.unprocessable("seats", "the pool has " + applicants.size() + " applicants with at least "
                            + c.requiredEducationHours + " hours of 주민자치학교 for " + seats + " seats")
                    .with("poolSize", applicants.size()).with("excludedApplicants", all.size() - applicants.size());
        }
        int year = Year.now(ZoneOffset.UTC).getValue();
        List<PoolEntry> pool = applicants.stream().map(a -> new PoolEntry(a.id.toString(), Map.of(
                "sex", a.sex,
                LotteryQuotas.FORTIES_OR_YOUNGER, Boolean.toString(LotteryQuotas.fortiesOrYounger(a.birthYear, year)),
                "area", c.dong), null)).toList();
        List<LotteryQuotas.Quota> quotas = LotteryQuotas.forSeats(seats);
        CouncilLottery l = new CouncilLottery();
        l.id = UUID.randomUUID();
        l.councilId = c.id;
        l.round = (int) CouncilLottery.count("councilId", c.id) + 1;
        l.correlationId = "council:" + c.id + ":" + l.round;
        l.status = CouncilLottery.Status.REQUESTED;
        l.seats = seats;
        l.reserves = reserves;
        l.quotas = json(quotas);
        l.poolSize = pool.size();
        l.excludedApplicants = all.size() - applicants.size();
        l.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        // Only the commitment is stored and sent: the officer keeps the seed for the ceremony (issue 23).
        String seed = LotterySeal.newSeed();
        l.seedCommitment = LotterySeal.commitment(seed);
        l.persist();
        l.sealedSeed = seed;
        outbox.publish(CouncilEvents.COUNCILS, "CouncilLotteryRequested", c.id.toString(),
                new CouncilEvents.CouncilLotteryRequested(l.correlationId, c.id.toString(), c.district, c.dong, seats, reserves, pool, quotas,
                        l.seedCommitment));
        return l;
    }

    /**
     * The public ceremony (공개 추첨식): the officer brings the committed seed and the value drawn in public, and
     * governance-service draws on both. One public value per round — a second attempt could pick between panels.
     */
    @Transactional
    public CouncilLottery requestDraw(UUID councilId, int round, String seed, String publicValue) {
        Council c = em.find(Council.class, councilId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("Council", councilId);
        }
        CouncilLottery l = CouncilLottery.round(c.id, round);
        if (l == null) {
            throw ProblemException.notFound("Lottery round", round);
        }
        if (l.status != CouncilLottery.Status.REQUESTED || l.publicValue != null) {
            throw ProblemException.conflict("lottery-not-waiting", "Round " + round + " is " + l.status
                    + (l.publicValue != null ? " and its public value was entered already" : "") + ", not waiting for its ceremony");
        }
        if (!LotterySeal.opens(seed, l.seedCommitment)) {
            throw ProblemException.unprocessable("seed", "does not match the round's seedCommitment " + l.seedCommitment);
        }
        l.publicValue = publicValue;
        outbox.publish(CouncilEvents.COUNCILS, "CouncilLotteryDrawRequested", c.id.toString(),
                new CouncilEvents.CouncilLotteryDrawRequested(l.correlationId, c.id.toString(), seed.toLowerCase(Locale.ROOT), publicValue));
        return l;
    }

    /** Seats the drawn members. A lottery already answered is left as it is, so a repeated answer changes nothing. */
    public void membersDrawn(CouncilEvents.CouncilMembersDrawn data) {
        CouncilLottery l = pending(data.correlationId());
        if (l == null) {
            return;
        }
        // Drawn only at the ceremony, on the committed seed and the public value the officer entered.
        if (l.publicValue == null || !l.publicValue.equals(data.publicValue()) || !LotterySeal.opens(data.seed(), l.seedCommitment)) {
            throw new IllegalArgumentException("Draw of " + l.correlationId + " is not on the committed seed and the ceremony's public value");
        }
        Map<String, CouncilApplicant> pool = new HashMap<>();
        CouncilApplicant.<CouncilApplicant>list("councilId", l.councilId).forEach(a -> pool.put(a.id.toString(), a));
        List<String> selected = data.selected() == null ? List.of() : data.selected();
        List<String> reserves = data.reserves() == null ? List.of() : data.reserves();
        Set<String> seen = new HashSet<>();
        for (String id : concat(selected, reserves)) {
            if (!pool.containsKey(id) || !seen.add(id)) {
                throw new IllegalArgumentException("Drawn applicant " + id + " is not (once) in the pool of " + l.correlationId);
            }
        }
        if (selected.size() != l.seats) {
            throw new IllegalArgumentException("Drew " + selected.size() + " members for " + l.seats + " seats");
        }
        // A new round replaces the seats of an earlier one.
        CouncilSeat.delete("councilId", l.councilId);
        em.flush();
        seat(l, selected, CouncilSeat.Role.MEMBER);
        seat(l, reserves, CouncilSeat.Role.RESERVE);
        l.status = CouncilLottery.Status.DRAWN;
        l.sortitionId = data.sortitionId();
        l.seed = data.seed();
        l.completedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void lotteryFailed(CouncilEvents.CouncilLotteryFailed data) {
        CouncilLottery l = pending(data.correlationId());
        if (l == null) {
            return;
        }
        l.status = CouncilLottery.Status.FAILED;
        l.reason = data.reason();
        l.conflictingQuotas = json(data.conflictingQuotas() == null ? List.of() : data.conflictingQuotas());
        l.completedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

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

    /** Education hours recorded for a participant by district officers (participant history). */
    private java.math.BigDecimal educationHours(String participant) {
        Object sum = em.createNativeQuery("select coalesce(sum(hours), 0) from participant_activity where participant_id = ?1 and kind = 'EDUCATION'")
                .setParameter(1, participant).getSingleResult();
        return new java.math.BigDecimal(sum.toString());
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

    private CouncilLottery pending(String correlation) {
        CouncilLottery l = correlation == null ? null : CouncilLottery.byCorrelation(correlation);
        if (l == null) {
            LOG.warnf("Sortition answer for unknown lottery %s ignored", correlation);
            return null;
        }
        return l.status == CouncilLottery.Status.REQUESTED ? l : null;
    }

    private void seat(CouncilLottery l, List<String> ids, CouncilSeat.Role role) {
        for (int i = 0; i < ids.size(); i++) {
            CouncilSeat s = new CouncilSeat();
            s.councilId = l.councilId;
            s.applicantId = UUID.fromString(ids.get(i));
            s.lotteryId = l.id;
            s.role = role;
            s.position = i + 1;
            s.persist();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
