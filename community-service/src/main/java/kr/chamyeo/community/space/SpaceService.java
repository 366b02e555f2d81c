package kr.chamyeo.community.space;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.community.space.SpaceRequests.BookingRequest;
import kr.chamyeo.community.space.SpaceRequests.SpaceRequest;
import kr.chamyeo.community.plan.PlanDocument;
import kr.chamyeo.community.plan.PlanService;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@ApplicationScoped
public class SpaceService {

    /** The plan whose 현황표 the registry is compared with. */
    static final String SECOND_PLAN = "seoul-village-community-2";

    @Inject
    Occupancy occupancy;

    @Inject
    ObjectMapper mapper;

    @Inject
    PlanService plans;

    /** The registry (in a district, or city-wide) against the 2nd plan's spaces tables. */
    public SpaceStock.View stock(String district) {
        PlanDocument.Inventory existing = plans.inventory(SECOND_PLAN, "SPACES-2017")
                .orElseThrow(() -> ProblemException.notFound("Plan table", SECOND_PLAN + "/SPACES-2017"));
        PlanDocument.Inventory planned = plans.inventory(SECOND_PLAN, "SPACES-2022")
                .orElseThrow(() -> ProblemException.notFound("Plan table", SECOND_PLAN + "/SPACES-2022"));
        Map<Space.Kind, Long> registered = new EnumMap<>(Space.Kind.class);
        for (Space.Kind kind : Space.Kind.values()) {
            registered.put(kind, district == null ? Space.count("kind", kind) : Space.count("kind = ?1 and district = ?2", kind, district));
        }
        return SpaceStock.compare(existing, planned, registered);
    }

    @Transactional
    public Space register(SpaceRequest r, String manager) {
        if (!r.closesAt().isAfter(r.opensAt())) {
            throw ProblemException.unprocessable("closesAt", "must be after opensAt");
        }
        Space s = new Space();
        s.id = UUID.randomUUID();
        s.district = r.district();
        s.dong = r.dong();
        s.name = r.name();
        s.kind = r.kind();
        s.address = r.address();
        s.capacity = r.capacity();
        try {
            s.facilities = mapper.writeValueAsString(r.facilities() == null ? java.util.List.of() : r.facilities());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.opensAt = r.opensAt();
        s.closesAt = r.closesAt();
        s.rules = r.rules();
        s.manager = manager;
        s.persist();
        return s;
    }

    public Space space(UUID id) {
        Space s = Space.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Space", id);
        }
        return s;
    }

    /**
     * The booking, row-locked: decisions and cancellations are serialised, so that an approval and a cancellation at
     * the same moment cannot both pass (which would leave the space occupied by a cancelled booking).
     */
    private Booking locked(UUID id) {
        Booking b = Booking.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            throw ProblemException.notFound("Booking", id);
        }
        return b;
    }

    /** The space's manager, an officer of its district or a city administrator. */
    public boolean manages(Caller caller, Space s) {
        return s.manager.equals(caller.subject()) || caller.actsFor(s.district, Roles.OFFICER);
    }

    @Transactional
    public Booking request(UUID spaceId, BookingRequest r, String requester) {
        Space s = space(spaceId);
        Instant starts = r.startsAt().toInstant();
        Instant ends = r.endsAt().toInstant();
        BookingRules.check(s.opensAt, s.closesAt, s.capacity, starts, ends, r.attendees(), Instant.now());
        if (occupancy.taken(s.id, starts, ends)) {
            throw ProblemException.conflict("booking-overlap", "The space is already booked at that time");
        }
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.spaceId = s.id;
        b.requester = requester;
        b.purpose = r.purpose();
        b.attendees = r.attendees();
        b.startsAt = starts.atOffset(ZoneOffset.UTC);
        b.endsAt = ends.atOffset(ZoneOffset.UTC);
        b.status = Booking.Status.REQUESTED;
        b.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        b.persist();
        return b;
    }

    /**
     * Approves or rejects. The overlap check is the database's exclusion constraint on the space's occupancy
     * (approved bookings and programme sessions), so of two managers approving overlapping requests at the same
     * moment exactly one succeeds; the other gets 409.
     */
    @Transactional
    public Booking decide(UUID bookingId, boolean approve, String reason, Caller caller) {
        Booking b = locked(bookingId);
        if (!manages(caller, space(b.spaceId))) {
            throw ProblemException.forbidden("Only the space's manager (or an officer of its district) decides bookings");
        }
        if (b.status != Booking.Status.REQUESTED) {
            throw ProblemException.conflict("already-decided", "The booking is " + b.status);
        }
        if (!approve && (reason == null || reason.isBlank())) {
            throw ProblemException.unprocessable("reason", "a rejection needs a reason");
        }
        b.status = approve ? Booking.Status.APPROVED : Booking.Status.REJECTED;
        b.reason = reason;
        b.decidedBy = caller.subject();
        b.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (approve) {
            occupancy.occupy(b);
        }
        return b;
    }

    @Transactional
    public Booking cancel(UUID bookingId, Caller caller) {
        Booking b = locked(bookingId);
        if (!b.requester.equals(caller.subject()) && !manages(caller, space(b.spaceId))) {
            throw ProblemException.forbidden("Only the requester or the space's manager may cancel");
        }
        if (b.status != Booking.Status.REQUESTED && b.status != Booking.Status.APPROVED) {
            throw ProblemException.conflict("not-cancellable", "The booking is " + b.status);
        }
        if (b.status == Booking.Status.APPROVED) {
            occupancy.release(b);
        }
        b.status = Booking.Status.CANCELLED;
        return b;
    }
}
