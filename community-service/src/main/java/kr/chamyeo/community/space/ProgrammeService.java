package kr.chamyeo.community.space;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import kr.chamyeo.community.space.ProgrammeRequests.ProgrammeRequest;
import kr.chamyeo.community.space.ProgrammeRules.Slot;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;

/**
 * Programmes at community spaces and their sign-ups. Every change to a programme's places happens under a row lock
 * on the programme ({@code select … for update}), so concurrent sign-ups, approvals and cancellations of one
 * programme are serialised and the approved count never passes the capacity (the table's check constraint is the
 * backstop).
 */
@ApplicationScoped
public class ProgrammeService {

    public static final String TOPIC = "community.spaces";

    @Inject
    EntityManager em;

    @Inject
    SpaceService spaces;

    @Inject
    Occupancy occupancy;

    @Inject
    Outbox outbox;

    public record SessionData(int seq, Instant startsAt, Instant endsAt) {
    }

    public record ProgrammePublished(String programmeId, String spaceId, String district, String dong, String spaceName,
                                     String title, int capacity, SpaceProgramme.Eligibility eligibility, Integer minAge,
                                     Integer maxAge, Instant signUpOpensAt, Instant signUpClosesAt, List<SessionData> sessions) {
    }

    public record ProgrammeCancelled(String programmeId, String spaceId, String district, String reason, int cancelledSignUps,
                                     List<SessionData> freedSessions) {
    }

    public SpaceProgramme programme(UUID id) {
        SpaceProgramme p = SpaceProgramme.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Programme", id);
        }
        return p;
    }

    public SignUp signUp(UUID id) {
        SignUp s = SignUp.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Sign-up", id);
        }
        return s;
    }

    public List<ProgrammeSession> sessions(UUID programmeId) {
        return ProgrammeSession.list("programmeId = ?1 order by seq", programmeId);
    }

    public List<SpaceProgramme> ofSpace(UUID spaceId) {
        return SpaceProgramme.list("spaceId = ?1 order by signUpClosesAt, title", spaceId);
    }

    /** Programmes at spaces of the district and dong given (null: any); with {@code openOn}, only those taking sign-ups that day. */
    public List<SpaceProgramme> search(String district, String dong, LocalDate openOn) {
        String query = "from SpaceProgramme p where exists (select 1 from Space s where s.id = p.spaceId "
                + "and (:d is null or s.district = :d) and (:dong is null or s.dong = :dong))";
        Parameters parameters = Parameters.with("d", district).and("dong", dong);
        if (openOn != null) {
            query += " and p.status = :published and p.signUpOpensAt < :to and p.signUpClosesAt > :from";
            parameters = parameters.and("published", SpaceProgramme.Status.PUBLISHED)
                    .and("from", openOn.atStartOfDay(BookingRules.SEOUL).toOffsetDateTime())
                    .and("to", openOn.plusDays(1).atStartOfDay(BookingRules.SEOUL).toOffsetDateTime());
        }
        return SpaceProgramme.list(query + " order by p.signUpClosesAt, p.title", parameters);
    }

    /** A programme's sign-ups in the order they were requested. */
    public List<SignUp> signUpsTo(UUID programmeId) {
        return SignUp.list("programmeId = ?1 order by requestedAt, id", programmeId);
    }

    /** A participant's sign-ups, newest first, each with its programme. */
    public Map<SignUp, SpaceProgramme> signUpsOf(String participant) {
        List<SignUp> mine = SignUp.list("participant = ?1 order by requestedAt desc, id", participant);
        Map<UUID, SpaceProgramme> byId = mine.isEmpty() ? Map.of()
                : SpaceProgramme.<SpaceProgramme>list("id in ?1", mine.stream().map(s -> s.programmeId).distinct().toList()).stream()
                        .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<SignUp, SpaceProgramme> signUps = new LinkedHashMap<>();
        mine.forEach(s -> signUps.put(s, byId.get(s.programmeId)));
        return signUps;
    }

    /** What a programme's public view shows beside it: its space, its sessions and how many sign-ups wait. */
    public record Listing(SpaceProgramme programme, Space space, List<ProgrammeSession> sessions, long requested, long waitlisted) {
    }

    @SuppressWarnings("unchecked")
    public List<Listing> listings(List<SpaceProgramme> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = found.stream().map(p -> p.id).toList();
        Map<UUID, Space> places = Space.<Space>list("id in ?1", found.stream().map(p -> p.spaceId).distinct().toList()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<UUID, List<ProgrammeSession>> sessions = ProgrammeSession.<ProgrammeSession>list("programmeId in ?1 order by seq", ids).stream()
                .collect(Collectors.groupingBy(s -> s.programmeId));
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createQuery("select s.programmeId, s.status, count(s) from SignUp s where s.programmeId in :ids "
                + "and s.status in :waiting group by s.programmeId, s.status").setParameter("ids", ids)
                .setParameter("waiting", List.of(SignUp.Status.REQUESTED, SignUp.Status.WAITLISTED)).getResultList()) {
            counts.put(row[0] + "/" + row[1], (Long) row[2]);
        }
        return found.stream().map(p -> new Listing(p, places.get(p.spaceId), sessions.getOrDefault(p.id, List.of()),
                counts.getOrDefault(p.id + "/" + SignUp.Status.REQUESTED, 0L),
                counts.getOrDefault(p.id + "/" + SignUp.Status.WAITLISTED, 0L))).toList();
    }

    /**
     * Publishes the programme and takes its sessions' times at the space. A session overlapping an approved booking
     * or another programme's session is refused with 409 by the database's exclusion constraint.
     */
    @Transactional
    public SpaceProgramme publish(UUID spaceId, ProgrammeRequest r, Caller caller) {
        Space space = spaces.space(spaceId);
        requireManager(caller, space);
        Instant now = Instant.now();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < r.sessions().size(); i++) {
            slots.add(new Slot(i, r.sessions().get(i).startsAt().toInstant(), r.sessions().get(i).endsAt().toInstant()));
        }
        ProgrammeRules.checkSessions(space.opensAt, space.closesAt, slots, now);
        Instant first = slots.stream().map(Slot::startsAt).min(Comparator.naturalOrder()).orElseThrow();
        ProgrammeRules.checkWindow(r.signUpOpensAt().toInstant(), r.signUpClosesAt().toInstant(), first, now);
        ProgrammeRules.checkCapacity(r.capacity(), space.capacity);
        ProgrammeRules.checkAges(r.minAge(), r.maxAge());

        SpaceProgramme p = new SpaceProgramme();
        p.id = UUID.randomUUID();
        p.spaceId = space.id;
        p.title = r.title();
        p.description = r.description();
        p.capacity = r.capacity();
        p.eligibility = r.eligibility();
        p.minAge = r.minAge();
        p.maxAge = r.maxAge();
        p.autoApprove = Boolean.TRUE.equals(r.autoApprove());
        p.waitlist = Boolean.TRUE.equals(r.waitlist());
        p.signUpOpensAt = utc(r.signUpOpensAt().toInstant());
        p.signUpClosesAt = utc(r.signUpClosesAt().toInstant());
        p.status = SpaceProgramme.Status.PUBLISHED;
        p.publishedBy = caller.subject();
        p.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.persist();
        List<Slot> inOrder = slots.stream().sorted(Comparator.comparing(Slot::startsAt)).toList();
        List<SessionData> published = new ArrayList<>();
        for (int seq = 0; seq < inOrder.size(); seq++) {
            Slot slot = inOrder.get(seq);
            ProgrammeSession s = new ProgrammeSession();
            s.id = UUID.randomUUID();
            s.programmeId = p.id;
            s.seq = seq + 1;
            s.startsAt = utc(slot.startsAt());
            s.endsAt = utc(slot.endsAt());
            s.persist();
            occupancy.occupy(space.id, s, slot.index());
            published.add(new SessionData(s.seq, slot.startsAt(), slot.endsAt()));
        }
        outbox.publish(TOPIC, "SpaceProgrammePublished", space.id.toString(), new ProgrammePublished(p.id.toString(),
                space.id.toString(), space.district, space.dong, space.name, p.title, p.capacity, p.eligibility, p.minAge, p.maxAge,
                p.signUpOpensAt.toInstant(), p.signUpClosesAt.toInstant(), published));
        return p;
    }

    /** Cancels the programme: its sessions free the space and every live sign-up is cancelled with the reason. */
    @Transactional
    public SpaceProgramme cancel(UUID programmeId, String reason, Caller caller) {
        SpaceProgramme p = locked(programmeId);
        Space space = spaces.space(p.spaceId);
        requireManager(caller, space);
        if (p.status == SpaceProgramme.Status.CANCELLED) {
            throw ProblemException.conflict("programme-cancelled", "The programme is already cancelled");
        }
        occupancy.releaseSessions(p.id);
        List<SignUp> live = SignUp.list("programmeId = ?1 and status in ?2", p.id,
                List.of(SignUp.Status.REQUESTED, SignUp.Status.APPROVED, SignUp.Status.WAITLISTED));
        for (SignUp s : live) {
            decided(s, SignUp.Status.CANCELLED, reason, caller.subject());
        }
        p.approved = 0;
        p.status = SpaceProgramme.Status.CANCELLED;
        p.cancelReason = reason;
        outbox.publish(TOPIC, "SpaceProgrammeCancelled", space.id.toString(), new ProgrammeCancelled(p.id.toString(),
                space.id.toString(), space.district, reason, live.size(),
                sessions(p.id).stream().map(s -> new SessionData(s.seq, s.startsAt.toInstant(), s.endsAt.toInstant())).toList()));
        return p;
    }

    /**
     * A resident signs up. With {@code autoApprove} the sign-up takes a place at once (or the waitlist, or 409 when
     * full); otherwise it waits for the manager.
     */
    @Transactional
    public SignUp signUp(UUID programmeId, String note, Caller caller) {
        SpaceProgramme p = locked(programmeId);
        Space space = spaces.space(p.spaceId);
        Instant now = Instant.now();
        ProgrammeRules.checkSignUpOpen(p.status, p.signUpOpensAt.toInstant(), p.signUpClosesAt.toInstant(), now);
        ProgrammeRules.ineligibility(p.eligibility, p.minAge, p.maxAge, space.district, space.dong, caller.district(), caller.dong(),
                caller.birthYear(), now).ifPresent(reason -> {
                    throw ProblemException.forbidden(reason);
                });
        if (SignUp.count("programmeId = ?1 and participant = ?2 and status in ?3", p.id, caller.subject(),
                List.of(SignUp.Status.REQUESTED, SignUp.Status.APPROVED, SignUp.Status.WAITLISTED)) > 0) {
            throw ProblemException.conflict("already-signed-up", "You have already signed up for this programme");
        }
        SignUp s = new SignUp();
        s.id = UUID.randomUUID();
        s.programmeId = p.id;
        s.participant = caller.subject();
        s.district = caller.district().orElse(null);
        s.dong = caller.dong().orElse(null);
        s.note = note;
        s.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.status = SignUp.Status.REQUESTED;
        if (p.autoApprove) {
            take(p, s, ProgrammeRules.placeFor(p.approved, p.capacity, p.waitlist), null, null);
        }
        s.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Occupancy.UNIQUE_VIOLATION.equals(Occupancy.sqlState(e))) {
                throw ProblemException.conflict("already-signed-up", "You have already signed up for this programme");
            }
            throw e;
        }
        return s;
    }

    /**
     * The manager approves (a place, or the waitlist when full and the programme keeps one; 409 {@code programme-full}
     * otherwise) or rejects with a reason.
     */
    @Transactional
    public SignUp decide(UUID signUpId, boolean approve, String reason, Caller caller) {
        SignUp s = signUp(signUpId);
        SpaceProgramme p = locked(s.programmeId);
        em.refresh(s);
        requireManager(caller, spaces.space(p.spaceId));
        if (s.status != SignUp.Status.REQUESTED) {
            throw ProblemException.conflict("already-decided", "The sign-up is " + s.status);
        }
        if (p.status != SpaceProgramme.Status.PUBLISHED) {
            throw ProblemException.conflict("programme-cancelled", "The programme is " + p.status);
        }
        if (approve) {
            take(p, s, ProgrammeRules.placeFor(p.approved, p.capacity, p.waitlist), reason, caller.subject());
        } else {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.unprocessable("reason", "a rejection needs a reason");
            }
            decided(s, SignUp.Status.REJECTED, reason, caller.subject());
        }
        return s;
    }

    /**
     * The resident (or the manager) cancels. A freed place goes to the longest-waiting sign-up on the waitlist.
     */
    @Transactional
    public SignUp cancel(UUID signUpId, Caller caller) {
        SignUp s = signUp(signUpId);
        SpaceProgramme p = locked(s.programmeId);
        em.refresh(s);
        if (!s.participant.equals(caller.subject()) && !spaces.manages(caller, spaces.space(p.spaceId))) {
            throw ProblemException.forbidden("Only the resident who signed up or the programme's manager may cancel");
        }
        if (!s.status.live()) {
            throw ProblemException.conflict("not-cancellable", "The sign-up is " + s.status);
        }
        boolean heldPlace = s.status == SignUp.Status.APPROVED;
        decided(s, SignUp.Status.CANCELLED, null, caller.subject());
        if (heldPlace) {
            p.approved--;
            SignUp next = SignUp.find("programmeId = ?1 and status = ?2 order by requestedAt, id", p.id, SignUp.Status.WAITLISTED).firstResult();
            if (next != null) {
                take(p, next, SignUp.Status.APPROVED, "대기 순번에 따라 승인", null);
            }
        }
        return s;
    }

    private void take(SpaceProgramme p, SignUp s, SignUp.Status place, String reason, String by) {
        if (place == SignUp.Status.APPROVED) {
            p.approved++;
        }
        decided(s, place, reason, by);
    }

    private static void decided(SignUp s, SignUp.Status status, String reason, String by) {
        s.status = status;
        s.reason = reason;
        s.decidedBy = by;
        s.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private SpaceProgramme locked(UUID id) {
        SpaceProgramme p = SpaceProgramme.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("Programme", id);
        }
        return p;
    }

    private void requireManager(Caller caller, Space space) {
        if (!spaces.manages(caller, space)) {
            throw ProblemException.forbidden("Only the space's manager or an officer of its district (or CITY_ADMIN)");
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
