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
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * A dong's autonomy council (주민자치회): its applicants (주민자치학교 hours), and the lottery that seats them, drawn by
 * governance-service at the public ceremony ({@link LotterySeal}). Its plans and general meetings are
 * {@link SelfGovernancePlanService}'s.
 */
@ApplicationScoped
public class CouncilService {

    private static final Logger LOG = Logger.getLogger(CouncilService.class);
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

    /** Education hours recorded for a participant by district officers (participant history). */
    private java.math.BigDecimal educationHours(String participant) {
        Object sum = em.createNativeQuery("select coalesce(sum(hours), 0) from participant_activity where participant_id = ?1 and kind = 'EDUCATION'")
                .setParameter(1, participant).getSingleResult();
        return new java.math.BigDecimal(sum.toString());
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
