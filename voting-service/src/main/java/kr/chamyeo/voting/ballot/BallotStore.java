package kr.chamyeo.voting.ballot;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.voting.ballot.BallotSpec.Eligibility;
import kr.chamyeo.voting.ballot.BallotSpec.Option;
import kr.chamyeo.voting.ballot.BallotSpec.Rule;

/**
 * Ballot rows. Definitions never change once stored, so each replica keeps them in memory after the first
 * read and the cast path does not ask the database for them; the status lives only in the database.
 */
@ApplicationScoped
public class BallotStore {

    private static final String COLUMNS = "id, correlation_id, requester, title, description, owner_district, owner_dong, "
            + "cast(eligibility as text), opens_at, closes_at, cast(options as text), cast(rule as text), live_results, election_id";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    private final Map<UUID, Ballot> definitions = new ConcurrentHashMap<>();

    /** Stores a new ballot; false when a ballot for the same correlation id already exists. */
    public boolean insert(Ballot ballot) {
        int inserted = em.createNativeQuery("insert into ballot (id, correlation_id, requester, title, description, owner_district, "
                        + "owner_dong, eligibility, opens_at, closes_at, options, rule, live_results, election_id) values (?1, ?2, ?3, ?4, ?5, ?6, "
                        + "?7, cast(?8 as jsonb), ?9, ?10, cast(?11 as jsonb), cast(?12 as jsonb), ?13, ?14) on conflict (correlation_id) do nothing")
                .setParameter(1, ballot.id())
                .setParameter(2, ballot.correlationId())
                .setParameter(3, ballot.requester())
                .setParameter(4, ballot.title())
                .setParameter(5, ballot.description())
                .setParameter(6, ballot.ownerDistrict())
                .setParameter(7, ballot.ownerDong())
                .setParameter(8, json(ballot.eligibility()))
                .setParameter(9, Timestamp.from(ballot.opensAt()))
                .setParameter(10, Timestamp.from(ballot.closesAt()))
                .setParameter(11, json(ballot.options()))
                .setParameter(12, json(ballot.rule()))
                .setParameter(13, ballot.liveResults())
                .setParameter(14, ballot.electionId())
                .executeUpdate();
        if (inserted == 1) {
            // The board's head exists from the start, so every vote batch can lock it (chains never fork).
            em.createNativeQuery("insert into board_head (ballot_id, seq, chain) values (?1, 0, ?2)")
                    .setParameter(1, ballot.id()).setParameter(2, BoardChain.genesis(ballot.id())).executeUpdate();
        }
        return inserted == 1;
    }

    /** The definition if this replica already holds it, without asking the database. */
    public Optional<Ballot> remembered(UUID id) {
        return Optional.ofNullable(definitions.get(id));
    }

    public Optional<Ballot> find(UUID id) {
        Ballot cached = definitions.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from ballot where id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Ballot ballot = toBallot(rows.get(0));
        definitions.put(id, ballot);
        return Optional.of(ballot);
    }

    public Optional<Ballot> findByCorrelation(String correlationId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from ballot where correlation_id = ?1").setParameter(1, correlationId)
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : find((UUID) ids.get(0));
    }

    /**
     * The mutable part of a ballot. {@code status} OPEN (voting or due), COUNTING (voting ended, trustees at work),
     * CLOSED (counted); {@code boardSize} and {@code boardHead} are frozen when voting ends, with the officer's
     * {@code closeReason} when it ended before closes-at.
     */
    public record State(String status, Instant closedAt, Long voters, Long invalid, String talliesJson, Long boardSize,
                        String boardHead, String closeReason) {

        public boolean closed() {
            return "CLOSED".equals(status);
        }
    }

    private static final String STATE_COLUMNS = "status, closed_at, voters, invalid, cast(tallies as text), board_size, board_head, close_reason";

    public State state(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select " + STATE_COLUMNS + " from ballot where id = ?1")
                .setParameter(1, id).getSingleResult();
        return toState(row, 0);
    }

    private static State toState(Object[] row, int from) {
        return new State((String) row[from], instant(row[from + 1]), number(row[from + 2]), number(row[from + 3]),
                (String) row[from + 4], number(row[from + 5]), (String) row[from + 6], (String) row[from + 7]);
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** A listed ballot: its definition and its state, read in the same query as the page. */
    public record Listed(Ballot ballot, State state) {
    }

    /**
     * One page of ballots, newest window first, with their states. {@code phase}: UPCOMING, OPEN, CLOSING (past
     * closes-at, voting not yet ended), COUNTING (trustees shuffling and decrypting) or CLOSED.
     */
    public List<Listed> list(String district, String phase, int page, int size) {
        StringBuilder sql = new StringBuilder("select id, " + STATE_COLUMNS
                + " from ballot where (cast(?1 as text) is null or owner_district = ?1)");
        if (phase != null) {
            sql.append(switch (phase) {
                case "UPCOMING" -> " and status = 'OPEN' and now() < opens_at";
                case "OPEN" -> " and status = 'OPEN' and opens_at <= now() and now() < closes_at";
                case "CLOSING" -> " and status = 'OPEN' and closes_at <= now()";
                case "COUNTING" -> " and status = 'COUNTING'";
                case "CLOSED" -> " and status = 'CLOSED'";
                default -> throw new IllegalArgumentException(phase);
            });
        }
        sql.append(" order by opens_at desc, id limit ?2 offset ?3");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql.toString()).setParameter(1, district).setParameter(2, size)
                .setParameter(3, (long) page * size).getResultList();
        return rows.stream().map(row -> new Listed(find((UUID) row[0]).orElseThrow(), toState(row, 1))).toList();
    }

    private Ballot toBallot(Object[] row) {
        return new Ballot((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                (String) row[6], read((String) row[7], new TypeReference<Eligibility>() { }), instant(row[8]), instant(row[9]),
                read((String) row[10], new TypeReference<List<Option>>() { }), read((String) row[11], new TypeReference<Rule>() { }),
                (Boolean) row[12], (UUID) row[13]);
    }

    /** A timestamp column as JDBC and Hibernate hand it back (Timestamp, OffsetDateTime or Instant). */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored ballot JSON is unreadable", e);
        }
    }
}
