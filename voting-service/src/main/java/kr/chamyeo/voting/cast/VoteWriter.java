package kr.chamyeo.voting.cast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kr.chamyeo.election.Selection;
import kr.chamyeo.voting.ballot.BoardChain;
import kr.chamyeo.voting.result.Turnout;

/**
 * Group commit for votes. Request threads queue their vote and wait; writer threads take a batch of what has
 * queued up (see {@link CommitWindow}) and store it in one transaction, then complete each vote's future with its
 * outcome — so a vote is acknowledged only after PostgreSQL has durably committed it, and at 5,000 votes/s one
 * fsync covers dozens of votes.
 * <p>
 * The transaction share-locks the open ballots and re-checks their window in the database (a closing waits for
 * in-flight batches, so no acknowledged vote misses the frozen board), then locks each ballot's board head: batches
 * of any replica append to a ballot's chain one after another, so it never forks. "One vote per person" is the
 * roll's primary key (ballot, voter hash) with {@code on conflict do nothing}; only voters whose roll row went in get
 * a board entry. A ciphertext already on the board (a copied ballot) is refused: its tracker is unique per ballot; so
 * is a ballot the voter's app opened for an audit, whose content is public.
 * The board holds only ciphertexts, so a roll row and a board entry written in the same transaction reveal nothing
 * but who cast some encrypted ballot — the shuffle before decryption is what unlinks them.
 */
@ApplicationScoped
public class VoteWriter {

    private static final Logger LOG = Logger.getLogger(VoteWriter.class);
    /** How often an idle writer looks whether the service is stopping. */
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    private static final String OPEN = "select id from ballot where id = any(cast(? as uuid[])) and status = 'OPEN' "
            + "and opens_at <= now() and now() < closes_at for share";
    private static final String HEADS = "select ballot_id, seq, chain from board_head where ballot_id = any(cast(? as uuid[])) "
            + "order by ballot_id for update";
    private static final String COPIES = "select ballot_id, tracker, false from board_entry "
            + "where (ballot_id, tracker) in (select * from unnest(cast(? as uuid[]), cast(? as text[]))) "
            + "union all select ballot_id, tracker, true from audited_ballot "
            + "where (ballot_id, tracker) in (select * from unnest(cast(? as uuid[]), cast(? as text[])))";
    private static final String ROLL = """
            insert into voting_roll (ballot_id, voter_hash, sex, age_band, youth, dong)
            select * from unnest(cast(? as uuid[]), cast(? as bytea[]), cast(? as text[]), cast(? as text[]), cast(? as boolean[]),
                                 cast(? as text[]))
            on conflict do nothing
            returning ballot_id, voter_hash
            """;
    private static final String BOARD = """
            insert into board_entry (ballot_id, seq, tracker, ciphertexts, proof, chain)
            select * from unnest(cast(? as uuid[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]))
            """;
    private static final String MOVE_HEADS = """
            update board_head h set seq = n.seq, chain = n.chain
              from unnest(cast(? as uuid[]), cast(? as bigint[]), cast(? as text[])) as n(ballot_id, seq, chain)
             where h.ballot_id = n.ballot_id
            """;

    public enum Kind { ACCEPTED, ALREADY_VOTED, NOT_OPEN, COPIED, AUDITED }

    /** What became of a vote; an accepted one has its board position and the chain value after it. */
    public record Outcome(Kind kind, long seq, String chain) {

        static final Outcome ALREADY_VOTED = new Outcome(Kind.ALREADY_VOTED, 0, null);
        static final Outcome NOT_OPEN = new Outcome(Kind.NOT_OPEN, 0, null);
        static final Outcome COPIED = new Outcome(Kind.COPIED, 0, null);
        static final Outcome AUDITED = new Outcome(Kind.AUDITED, 0, null);
    }

    /**
     * One vote waiting for the next batch: the roll's entry (keyed voter hash and the turnout attributes) and the
     * board's (tracker, ciphertexts, and the voter's proof when the app encrypted). The voter's age is kept only as
     * the turnout figures report it ({@link Turnout#band}, {@link Turnout#isYouth}; null when unknown): with sex and
     * dong, an exact age on the roll often names the voter.
     */
    public record PendingVote(UUID ballotId, byte[] voterHash, String sex, String ageBand, Boolean youth, String dong, String tracker,
                              String ciphertexts, String proof, CompletableFuture<Outcome> outcome) {

        public PendingVote(UUID ballotId, byte[] voterHash, String sex, Integer age, String dong, String tracker, String ciphertexts,
                           String proof, CompletableFuture<Outcome> outcome) {
            this(ballotId, voterHash, sex, age == null ? null : Turnout.band(age), age == null ? null : Turnout.isYouth(age),
                    dong, tracker, ciphertexts, proof, outcome);
        }

        String voterKey() {
            return ballotId + ":" + java.util.HexFormat.of().formatHex(voterHash);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "chamyeo.voting.writers", defaultValue = "1")
    int writers;

    @ConfigProperty(name = "chamyeo.voting.max-batch", defaultValue = "500")
    int maxBatch;

    @ConfigProperty(name = "chamyeo.voting.linger", defaultValue = "2ms")
    Duration linger;

    @ConfigProperty(name = "chamyeo.voting.linger-batch", defaultValue = "16")
    int lingerBatch;

    private final LinkedBlockingQueue<PendingVote> queue = new LinkedBlockingQueue<>(100_000);
    private final Workers workers = new Workers();
    private volatile boolean running;
    private CommitWindow window;
    private DistributionSummary batchSizes;

    void start(@Observes StartupEvent startup) {
        batchSizes = DistributionSummary.builder("chamyeo.voting.batch.size")
                .description("Votes committed together in one transaction (group commit)").register(registry);
        window = new CommitWindow(linger, lingerBatch, maxBatch);
        // The selection table is built off the startup path, so neither readiness nor the first vote waits for it.
        Thread table = new Thread(Selection::prepare, "selection-table");
        table.setDaemon(true);
        table.start();
        running = true;
        workers.start("vote-writer", writers, this::loop);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        workers.join();
    }

    public CompletableFuture<Outcome> submit(PendingVote vote) {
        if (!running || !queue.offer(vote)) {
            vote.outcome().completeExceptionally(new IllegalStateException("vote queue is full or stopping"));
        }
        return vote.outcome();
    }

    private void loop() {
        List<PendingVote> batch = new ArrayList<>(maxBatch);
        // Keep draining after a stop request so that no queued vote is left without an answer.
        while (running || !queue.isEmpty()) {
            try {
                if (window.take(queue, batch, IDLE_POLL)) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Vote batch failed");
                batch.forEach(v -> v.outcome().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<PendingVote> batch) {
        // Several devices of one voter in the same batch: the batch stores the voter once, the others are
        // answered like a second attempt after the first.
        Map<String, PendingVote> firsts = new HashMap<>();
        List<PendingVote> unique = new ArrayList<>(batch.size());
        Map<PendingVote, PendingVote> repeats = new IdentityHashMap<>();
        for (PendingVote vote : batch) {
            PendingVote first = firsts.putIfAbsent(vote.voterKey(), vote);
            if (first == null) {
                unique.add(vote);
            } else {
                repeats.put(vote, first);
            }
        }
        Collections.shuffle(unique);
        Map<PendingVote, Outcome> outcomes = new IdentityHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                store(connection, unique, outcomes);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store votes: " + e.getMessage(), e);
        }
        // Reached only after the commit returned, i.e. after it was flushed.
        batchSizes.record(unique.size());
        unique.forEach(vote -> vote.outcome().complete(outcomes.get(vote)));
        repeats.forEach((repeat, first) -> {
            Outcome firstOutcome = outcomes.get(first);
            repeat.outcome().complete(firstOutcome.kind() == Kind.ACCEPTED ? Outcome.ALREADY_VOTED : firstOutcome);
        });
    }

    private void store(Connection connection, List<PendingVote> votes, Map<PendingVote, Outcome> outcomes) throws SQLException {
        UUID[] ballotIds = votes.stream().map(PendingVote::ballotId).distinct().toArray(UUID[]::new);
        Set<UUID> open = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(OPEN)) {
            statement.setArray(1, connection.createArrayOf("uuid", ballotIds));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    open.add(rows.getObject(1, UUID.class));
                }
            }
        }
        Map<UUID, long[]> seqs = new HashMap<>();
        Map<UUID, String> chains = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(HEADS)) {
            statement.setArray(1, connection.createArrayOf("uuid", open.toArray(UUID[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID ballot = rows.getObject(1, UUID.class);
                    seqs.put(ballot, new long[] {rows.getLong(2)});
                    chains.put(ballot, rows.getString(3));
                }
            }
        }
        List<PendingVote> candidates = new ArrayList<>(votes.size());
        for (PendingVote vote : votes) {
            if (open.contains(vote.ballotId())) {
                candidates.add(vote);
            } else {
                outcomes.put(vote, Outcome.NOT_OPEN);
            }
        }
        Set<String> copies = new HashSet<>();
        Set<String> audited = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(COPIES)) {
            java.sql.Array candidateBallots = connection.createArrayOf("uuid", candidates.stream().map(PendingVote::ballotId).toArray(UUID[]::new));
            java.sql.Array trackers = connection.createArrayOf("text", candidates.stream().map(PendingVote::tracker).toArray(String[]::new));
            statement.setArray(1, candidateBallots);
            statement.setArray(2, trackers);
            statement.setArray(3, candidateBallots);
            statement.setArray(4, trackers);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    (rows.getBoolean(3) ? audited : copies).add(rows.getObject(1, UUID.class) + ":" + rows.getString(2));
                }
            }
        }
        List<PendingVote> roll = new ArrayList<>(candidates.size());
        Set<String> trackersInBatch = new HashSet<>();
        for (PendingVote vote : candidates) {
            String key = vote.ballotId() + ":" + vote.tracker();
            if (audited.contains(key)) {
                outcomes.put(vote, Outcome.AUDITED);
            } else if (copies.contains(key) || !trackersInBatch.add(key)) {
                outcomes.put(vote, Outcome.COPIED);
            } else {
                roll.add(vote);
            }
        }
        Set<String> entered = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(ROLL)) {
            statement.setArray(1, connection.createArrayOf("uuid", roll.stream().map(PendingVote::ballotId).toArray(UUID[]::new)));
            statement.setArray(2, connection.createArrayOf("bytea", roll.stream().map(PendingVote::voterHash).toArray(byte[][]::new)));
            statement.setArray(3, connection.createArrayOf("text", roll.stream().map(PendingVote::sex).toArray(String[]::new)));
            statement.setArray(4, connection.createArrayOf("text", roll.stream().map(PendingVote::ageBand).toArray(String[]::new)));
            statement.setArray(5, connection.createArrayOf("bool", roll.stream().map(PendingVote::youth).toArray(Boolean[]::new)));
            statement.setArray(6, connection.createArrayOf("text", roll.stream().map(PendingVote::dong).toArray(String[]::new)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entered.add(rows.getObject(1, UUID.class) + ":" + java.util.HexFormat.of().formatHex(rows.getBytes(2)));
                }
            }
        }
        List<PendingVote> cast = new ArrayList<>(roll.size());
        for (PendingVote vote : roll) {
            if (entered.contains(vote.voterKey())) {
                long seq = ++seqs.get(vote.ballotId())[0];
                String chain = BoardChain.next(chains.get(vote.ballotId()), seq, vote.tracker(), vote.ciphertexts(), vote.proof());
                chains.put(vote.ballotId(), chain);
                outcomes.put(vote, new Outcome(Kind.ACCEPTED, seq, chain));
                cast.add(vote);
            } else {
                outcomes.put(vote, Outcome.ALREADY_VOTED);
            }
        }
        if (cast.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(BOARD)) {
            statement.setArray(1, connection.createArrayOf("uuid", cast.stream().map(PendingVote::ballotId).toArray(UUID[]::new)));
            statement.setArray(2, connection.createArrayOf("int8", cast.stream().map(v -> outcomes.get(v).seq()).toArray(Long[]::new)));
            statement.setArray(3, connection.createArrayOf("text", cast.stream().map(PendingVote::tracker).toArray(String[]::new)));
            statement.setArray(4, connection.createArrayOf("text", cast.stream().map(PendingVote::ciphertexts).toArray(String[]::new)));
            statement.setArray(5, connection.createArrayOf("text", cast.stream().map(PendingVote::proof).toArray(String[]::new)));
            statement.setArray(6, connection.createArrayOf("text", cast.stream().map(v -> outcomes.get(v).chain()).toArray(String[]::new)));
            statement.executeUpdate();
        }
        List<UUID> moved = cast.stream().map(PendingVote::ballotId).distinct().toList();
        try (PreparedStatement statement = connection.prepareStatement(MOVE_HEADS)) {
            statement.setArray(1, connection.createArrayOf("uuid", moved.toArray(UUID[]::new)));
            statement.setArray(2, connection.createArrayOf("int8", moved.stream().map(b -> seqs.get(b)[0]).toArray(Long[]::new)));
            statement.setArray(3, connection.createArrayOf("text", moved.stream().map(chains::get).toArray(String[]::new)));
            statement.executeUpdate();
        }
    }
}
