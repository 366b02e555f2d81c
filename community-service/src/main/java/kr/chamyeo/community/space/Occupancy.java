package kr.chamyeo.community.space;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * The times a space is taken, by approved bookings and by sessions of published programmes. The exclusion
 * constraint {@code space_no_double_occupancy} decides races: of two transactions taking overlapping times of one
 * space, the second to insert waits for the first and fails if it commits.
 */
@ApplicationScoped
public class Occupancy {

    static final String EXCLUSION_VIOLATION = "23P01";
    static final String UNIQUE_VIOLATION = "23505";

    @Inject
    EntityManager em;

    /** A time already taken, without who took it. */
    public record Busy(OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    public boolean taken(UUID spaceId, Instant startsAt, Instant endsAt) {
        Number n = (Number) em.createNativeQuery("select count(*) from space_occupancy where space_id = ?1 and during && tstzrange(?2, ?3, '[)')")
                .setParameter(1, spaceId).setParameter(2, utc(startsAt)).setParameter(3, utc(endsAt)).getSingleResult();
        return n.longValue() > 0;
    }

    @SuppressWarnings("unchecked")
    public List<Busy> busy(UUID spaceId, Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery("select starts_at, ends_at from space_occupancy where space_id = ?1 "
                        + "and during && tstzrange(?2, ?3, '[)') order by starts_at", Object[].class)
                .setParameter(1, spaceId).setParameter(2, utc(from)).setParameter(3, utc(to)).getResultList();
        return rows.stream().map(r -> new Busy(offset(r[0]), offset(r[1]))).toList();
    }

    /** Takes the booking's time, or 409 {@code booking-overlap}. */
    void occupy(Booking b) {
        insert(b.spaceId, b.startsAt, b.endsAt, "booking_id", b.id,
                () -> ProblemException.conflict("booking-overlap", "The space is already taken " + b.startsAt + "–" + b.endsAt));
    }

    /** Takes the session's time, or 409 {@code space-occupied} naming the session by its position in the request. */
    void occupy(UUID spaceId, ProgrammeSession s, int index) {
        insert(spaceId, s.startsAt, s.endsAt, "session_id", s.id,
                () -> ProblemException.conflict("space-occupied", "sessions[" + index + "]: the space is already taken "
                        + s.startsAt + "–" + s.endsAt).with("session", index));
    }

    void release(Booking b) {
        em.createNativeQuery("delete from space_occupancy where booking_id = ?1").setParameter(1, b.id).executeUpdate();
    }

    void releaseSessions(UUID programmeId) {
        em.createNativeQuery("delete from space_occupancy where session_id in (select id from programme_session where programme_id = ?1)")
                .setParameter(1, programmeId).executeUpdate();
    }

    private void insert(UUID spaceId, OffsetDateTime startsAt, OffsetDateTime endsAt, String column, UUID ref,
                        java.util.function.Supplier<ProblemException> taken) {
        // The referenced booking or session must be in the database before the occupancy row points at it.
        em.flush();
        try {
            em.createNativeQuery("insert into space_occupancy (id, space_id, starts_at, ends_at, " + column + ") values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, spaceId).setParameter(3, startsAt).setParameter(4, endsAt)
                    .setParameter(5, ref).executeUpdate();
        } catch (PersistenceException e) {
            if (EXCLUSION_VIOLATION.equals(sqlState(e))) {
                throw taken.get();
            }
            throw e;
        }
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return utc(i);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
