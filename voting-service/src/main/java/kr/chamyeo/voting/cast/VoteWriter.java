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
import java.util.Map;
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
import kr.chamyeo.voting.result.Turnout;

/**
 * Group commit for votes. Request threads queue their vote and wait; writer threads take a batch of what has
 * queued up (see {@link CommitWindow}) and store it with ONE statement in its own (autocommit) transaction, then
 * complete each vote's future with its outcome — so a vote is acknowledged only after PostgreSQL has durably
 * committed it, and at 5,000 votes/s one fsync covers dozens of votes.
 * <p>
 * The statement is the single source of truth for "one vote per person": roll rows go in with
 * {@code on conflict do nothing} on (ballot, voter hash), and only the voters whose roll row was inserted
 * get a box row. It also share-locks the ballot row and re-checks the window in the database, so a closing
 * (which updates that row) waits for in-flight batches and no acknowledged vote misses the tally, on any
 * replica. Within a batch the roll and the box are written in independent random orders, so neither the
 * physical row order nor the batch's shared transaction id tells which box entry belongs to which voter of
 * the batch.
 */
@ApplicationScoped
public class VoteWriter {

    private static final Logger LOG = Logger.getLogger(VoteWriter.class);
    /** How often an idle writer looks whether the service is stopping. */
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    static final String CAST = """
            with input as (
                select * from unnest(cast(? as uuid[]), cast(? as bytea[]), cast(? as text[]), cast(? as text[]),
                                     cast(? as boolean[]), cast(? as text[]), cast(? as bytea[]), cast(? as text[]))
                    with ordinality as t(ballot_id, voter_hash, sex, age_band, youth, dong, receipt_hash, choices, n)
            ), open_ballot as (
                select id from ballot
                 where id in (select ballot_id from input) and status = 'OPEN' and opens_at <= now() and now() < closes_at
                   for share
            ), roll as (
                insert into voting_roll (ballot_id, voter_hash, sex, age_band, youth, dong)
                select i.ballot_id, i.voter_hash, i.sex, i.age_band, i.youth, i.dong from input i join open_ballot o on o.id = i.ballot_id
                 order by i.n
                on conflict do nothing
                returning ballot_id, voter_hash
            ), box as (
                insert into voting_box (ballot_id, receipt_hash, choices)
                select i.ballot_id, i.receipt_hash, cast(i.choices as smallint[])
                  from input i join roll r on r.ballot_id = i.ballot_id and r.voter_hash = i.voter_hash
                 order by random()
                returning receipt_hash
            )
            select i.n, o.id is not null, b.receipt_hash is not null
              from input i left join open_ballot o on o.id = i.ballot_id left join box b on b.receipt_hash = i.receipt_hash
            """;

    public enum Outcome { ACCEPTED, ALREADY_VOTED, NOT_OPEN }

    /**
     * One vote waiting for the next batch. {@code choices} are sorted option indexes. The voter's age is kept only as
     * the turnout figures report it ({@link Turnout#band}, {@link Turnout#isYouth}; null when unknown): with sex and
     * dong, an exact age on the roll often names the voter.
     */
    public record PendingVote(UUID ballotId, byte[] voterHash, String sex, String ageBand, Boolean youth, String dong,
                              byte[] receiptHash, short[] choices, CompletableFuture<Outcome> outcome) {

        public PendingVote(UUID ballotId, byte[] voterHash, String sex, Integer age, String dong, byte[] receiptHash,
                           short[] choices, CompletableFuture<Outcome> outcome) {
            this(ballotId, voterHash, sex, age == null ? null : Turnout.band(age), age == null ? null : Turnout.isYouth(age),
                    dong, receiptHash, choices, outcome);
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
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private CommitWindow window;
    private DistributionSummary batchSizes;

    void start(@Observes StartupEvent startup) {
        batchSizes = DistributionSummary.builder("chamyeo.voting.batch.size")
                .description("Votes committed together in one transaction (group commit)").register(registry);
        window = new CommitWindow(linger, lingerBatch, maxBatch);
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::loop, "vote-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        // Several devices of one voter in the same batch: the statement sees the voter once, the others are
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
        int n = unique.size();
        UUID[] ballots = new UUID[n];
        byte[][] voters = new byte[n][];
        String[] sexes = new String[n];
        String[] bands = new String[n];
        Boolean[] youths = new Boolean[n];
        String[] dongs = new String[n];
        byte[][] receipts = new byte[n][];
        String[] choices = new String[n];
        for (int i = 0; i < n; i++) {
            PendingVote v = unique.get(i);
            ballots[i] = v.ballotId();
            voters[i] = v.voterHash();
            sexes[i] = v.sex();
            bands[i] = v.ageBand();
            youths[i] = v.youth();
            dongs[i] = v.dong();
            receipts[i] = v.receiptHash();
            choices[i] = arrayLiteral(v.choices());
        }
        Outcome[] outcomes = new Outcome[n];
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(CAST)) {
                statement.setArray(1, connection.createArrayOf("uuid", ballots));
                statement.setArray(2, connection.createArrayOf("bytea", voters));
                statement.setArray(3, connection.createArrayOf("text", sexes));
                statement.setArray(4, connection.createArrayOf("text", bands));
                statement.setArray(5, connection.createArrayOf("bool", youths));
                statement.setArray(6, connection.createArrayOf("text", dongs));
                statement.setArray(7, connection.createArrayOf("bytea", receipts));
                statement.setArray(8, connection.createArrayOf("text", choices));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int index = (int) rows.getLong(1) - 1;
                        outcomes[index] = !rows.getBoolean(2) ? Outcome.NOT_OPEN
                                : rows.getBoolean(3) ? Outcome.ACCEPTED : Outcome.ALREADY_VOTED;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store votes: " + e.getMessage(), e);
        }
        // Reached only after the autocommit statement returned, i.e. after the commit was flushed.
        batchSizes.record(n);
        Map<PendingVote, Outcome> byVote = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            byVote.put(unique.get(i), outcomes[i]);
            unique.get(i).outcome().complete(outcomes[i]);
        }
        repeats.forEach((repeat, first) -> {
            Outcome firstOutcome = byVote.get(first);
            repeat.outcome().complete(firstOutcome == Outcome.ACCEPTED ? Outcome.ALREADY_VOTED : firstOutcome);
        });
    }

    private static String arrayLiteral(short[] values) {
        StringBuilder text = new StringBuilder(values.length * 3 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(values[i]);
        }
        return text.append('}').toString();
    }
}
