package kr.chamyeo.voting.result;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.result.ResultResource.TurnoutView;

/**
 * Live results of an open ballot are turnout only — choices are ciphertexts until the trustees count them — and
 * are released as snapshots, never as the roll is now: two polls around one vote would otherwise show its voter's
 * sex, age band and dong, and the gateway log says who voted then. A new snapshot replaces the last one only when {@code chamyeo.voting.live-results.interval} (10
 * minutes) has passed since it and at least {@link #MIN_NEW_VOTES} votes have come in since; the first needs as
 * many votes since opening. So the difference of any two releases is the sum of at least five votes.
 * <p>
 * Snapshots are kept in the database ({@code live_result}) and replaced by compare-and-set, so every replica
 * serves the same one: snapshots taken by each replica on its own would differ by whatever arrived between them.
 */
@ApplicationScoped
public class LiveResults {

    static final int MIN_NEW_VOTES = Turnout.THRESHOLD;
    /** Between two counts of the roll that found too few new votes, so polling does not count it every time. */
    private static final Duration RECHECK = Duration.ofSeconds(10);

    /** A released snapshot; {@code takenAt} is null while none has been released. */
    public record Snapshot(Instant takenAt, long voters, TurnoutView turnout) {
    }

    @ConfigProperty(name = "chamyeo.voting.live-results.interval", defaultValue = "10m")
    Duration interval;

    @Inject
    EntityManager em;

    @Inject
    TurnoutQuery turnout;

    @Inject
    ObjectMapper mapper;

    private final Map<UUID, Instant> nextCheck = new ConcurrentHashMap<>();

    /** The snapshot to show now, taking a new one first if one is due. */
    public Snapshot current(Ballot ballot) {
        Snapshot released = released(ballot);
        Instant now = Instant.now();
        Instant last = released.takenAt() == null ? ballot.opensAt() : released.takenAt();
        if (!due(last, now, interval) || now.isBefore(nextCheck.getOrDefault(ballot.id(), Instant.MIN))) {
            return released;
        }
        long voters = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from voting_roll where ballot_id = ?1").setParameter(1, ballot.id()).getSingleResult()).longValue());
        if (!enoughNewVotes(released.voters(), voters)) {
            nextCheck.put(ballot.id(), now.plus(RECHECK.compareTo(interval) < 0 ? RECHECK : interval));
            return released;
        }
        // Whole seconds, as stored and served again: the first answer must not differ from the next in precision.
        Snapshot taken = take(ballot, now.truncatedTo(ChronoUnit.SECONDS));
        return enoughNewVotes(released.voters(), taken.voters()) && publish(ballot.id(), released, taken) ? taken : released(ballot);
    }

    static boolean due(Instant last, Instant now, Duration interval) {
        return !now.isBefore(last.plus(interval));
    }

    static boolean enoughNewVotes(long released, long now) {
        return now - released >= MIN_NEW_VOTES;
    }

    /** Voters and turnout from one database snapshot, so that they agree with each other. */
    private Snapshot take(Ballot ballot, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
            long voters = ((Number) em.createNativeQuery("select count(*) from voting_roll where ballot_id = ?1")
                    .setParameter(1, ballot.id()).getSingleResult()).longValue();
            return new Snapshot(now, voters, turnout.of(ballot.id()));
        });
    }

    /** Replaces {@code released} by {@code taken} unless another request or replica replaced it first. */
    private boolean publish(UUID id, Snapshot released, Snapshot taken) {
        String cells = json(taken.turnout());
        OffsetDateTime at = taken.takenAt().atOffset(ZoneOffset.UTC);
        int stored = QuarkusTransaction.requiringNew().call(() -> released.takenAt() == null
                ? em.createNativeQuery("insert into live_result (ballot_id, taken_at, voters, turnout) "
                                + "values (?1, ?2, ?3, cast(?4 as jsonb)) on conflict (ballot_id) do nothing")
                        .setParameter(1, id).setParameter(2, at).setParameter(3, taken.voters()).setParameter(4, cells).executeUpdate()
                // Voters only grow between snapshots, so the released count identifies the snapshot being replaced.
                : em.createNativeQuery("update live_result set taken_at = ?2, voters = ?3, turnout = cast(?4 as jsonb) "
                                + "where ballot_id = ?1 and voters = ?5")
                        .setParameter(1, id).setParameter(2, at).setParameter(3, taken.voters()).setParameter(4, cells)
                        .setParameter(5, released.voters()).executeUpdate());
        return stored == 1;
    }

    private Snapshot released(Ballot ballot) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select taken_at, voters, cast(turnout as text) from live_result where ballot_id = ?1")
                .setParameter(1, ballot.id()).getResultList());
        if (rows.isEmpty()) {
            return new Snapshot(null, 0, TurnoutQuery.none());
        }
        Object[] row = rows.get(0);
        try {
            return new Snapshot(BallotStore.instant(row[0]), ((Number) row[1]).longValue(), mapper.readValue((String) row[2], TurnoutView.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
