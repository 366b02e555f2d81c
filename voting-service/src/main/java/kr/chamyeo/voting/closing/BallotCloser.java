package kr.chamyeo.voting.closing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotEvents;
import kr.chamyeo.voting.ballot.BallotEvents.BallotBoxChunk;
import kr.chamyeo.voting.ballot.BallotEvents.BallotClosed;
import kr.chamyeo.voting.ballot.BallotEvents.Tally;
import kr.chamyeo.voting.ballot.BallotStore;

/**
 * Closes a ballot exactly once, whichever replica, scheduler tick or officer asks: the transition is a
 * compare-and-set on the ballot row ({@code status = 'OPEN'} → {@code 'CLOSED'}), and tallies, bulletin hash
 * and events are written in that same transaction, so a second or concurrent attempt finds nothing to do
 * and a failed attempt leaves the ballot open for the next one. The row update also waits for vote batches
 * that share-locked the ballot, so every acknowledged vote is in the tally.
 */
@ApplicationScoped
public class BallotCloser {

    public static final int CHUNK = 1000;
    private static final int CHUNKS_PER_INSERT = 50;
    private static final BallotBoxChunk END_OF_BOX = new BallotBoxChunk(null, null, -1, -1, List.of());
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BallotCloser.class);
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BallotStore ballots;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    /** The outcome of a closing. */
    public record Closing(UUID ballotId, Instant closedAt, long voters, List<Tally> tallies, String bulletinHash, int boxChunks) {
    }

    /**
     * Closes the ballot if it is still open (and, when {@code onlyIfDue}, past its closes-at); empty when
     * another attempt got there first or it is not due.
     */
    @Transactional
    public Optional<Closing> close(UUID id, boolean onlyIfDue) {
        long started = System.nanoTime();
        Ballot ballot = ballots.find(id).orElseThrow();
        try (Connection connection = dataSource.getConnection()) {
            Instant closedAt;
            try (PreparedStatement update = connection.prepareStatement("update ballot set status = 'CLOSED', closed_at = now() "
                    + "where id = ? and status = 'OPEN' and (not ? or closes_at <= now()) returning closed_at")) {
                update.setObject(1, id);
                update.setBoolean(2, onlyIfDue);
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    closedAt = row.getTimestamp(1).toInstant();
                }
            }
            try (Statement settings = connection.createStatement()) {
                // Compiling the big scans of a closing costs more than it saves.
                settings.execute("set local jit = off");
            }
            long voters;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from voting_box where ballot_id = ?")) {
                count.setObject(1, id);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    voters = row.getLong(1);
                }
            }
            int chunks = (int) ((voters + CHUNK - 1) / CHUNK);
            long counted = System.nanoTime();
            long[] counts = new long[ballot.options().size()];
            String bulletinHash = publishBox(ballot, voters, chunks, counts);
            List<Tally> tallies = new ArrayList<>(counts.length);
            for (int i = 0; i < counts.length; i++) {
                tallies.add(new Tally(ballot.keyOf(i), counts[i]));
            }
            try (PreparedStatement result = connection.prepareStatement(
                    "update ballot set voters = ?, tallies = cast(? as jsonb), bulletin_hash = ? where id = ?")) {
                result.setLong(1, voters);
                result.setString(2, mapper.writeValueAsString(tallies));
                result.setString(3, bulletinHash);
                result.setObject(4, id);
                result.executeUpdate();
            }
            outbox.publish(BallotEvents.BALLOTS, "BallotClosed", id.toString(), new BallotClosed(id.toString(),
                    ballot.correlationId(), ballot.requester(), closedAt, voters, tallies, bulletinHash, chunks));
            LOG.infof("Closed ballot %s: %d voters, count %d ms, tally, bulletin and %d box chunks %d ms", id, voters,
                    (counted - started) / 1_000_000, chunks, (System.nanoTime() - counted) / 1_000_000);
            return Optional.of(new Closing(id, closedAt, voters, tallies, bulletinHash, chunks));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Closing ballot " + id + " failed", e);
        }
    }

    /**
     * Streams the box in bulletin order once (an index-only scan of its primary key): hashes it, counts every
     * choice into {@code counts} and publishes it as {@code BallotBoxChunk}s ahead of {@code BallotClosed} — so
     * the tally is by construction the count of the published bulletin. A box that changed size since it was
     * counted aborts the closing.
     * <p>
     * The box is read on a second connection by a second thread while this one writes the chunks into the
     * outbox, so PostgreSQL's scan, the hashing and the event inserts overlap. The second connection sees exactly
     * the closed box: the status update above waited for every vote batch that held the ballot row, and no new
     * batch can commit until this transaction ends.
     */
    private String publishBox(Ballot ballot, long voters, int chunks, long[] counts) {
        BlockingQueue<BallotBoxChunk> ready = new ArrayBlockingQueue<>(2 * CHUNKS_PER_INSERT);
        BoxReader reader = new BoxReader(ballot, chunks, counts, ready);
        Thread thread = new Thread(reader, "ballot-box-reader");
        thread.start();
        List<BallotBoxChunk> pending = new ArrayList<>(CHUNKS_PER_INSERT);
        boolean finished = false;
        try {
            for (BallotBoxChunk next = ready.take(); next != END_OF_BOX; next = ready.take()) {
                pending.add(next);
                if (pending.size() == CHUNKS_PER_INSERT || ready.isEmpty()) {
                    publish(ballot, pending);
                }
            }
            publish(ballot, pending);
            thread.join();
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Closing ballot " + ballot.id() + " was interrupted", e);
        } finally {
            if (!finished) {
                // A failed outbox insert must not leave the reader blocked on a full queue, holding its connection.
                reader.abandon(thread);
            }
        }
        if (reader.failure != null) {
            throw new IllegalStateException("Reading the box of ballot " + ballot.id() + " failed", reader.failure);
        }
        if (reader.seen != voters) {
            throw new IllegalStateException("Ballot " + ballot.id() + ": " + reader.seen + " box entries streamed, " + voters + " counted");
        }
        return reader.hash.hex();
    }

    /** Reads the box in bulletin order into chunks, counting and hashing as it goes. */
    private final class BoxReader implements Runnable {

        private final Ballot ballot;
        private final int chunks;
        private final long[] counts;
        private final BlockingQueue<BallotBoxChunk> ready;
        private final BulletinHash hash = new BulletinHash();
        private volatile long seen;
        private volatile Exception failure;
        private volatile boolean abandoned;

        BoxReader(Ballot ballot, int chunks, long[] counts, BlockingQueue<BallotBoxChunk> ready) {
            this.ballot = ballot;
            this.chunks = chunks;
            this.counts = counts;
            this.ready = ready;
        }

        @Override
        public void run() {
            try (Connection connection = dataSource.getConnection()) {
                // A cursor (fetch size) needs a transaction; it only reads.
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                try (Statement settings = connection.createStatement()) {
                    settings.execute("set local jit = off");
                }
                try (PreparedStatement box = connection.prepareStatement(
                        "select receipt_hash, array_to_string(choices, ',') from voting_box where ballot_id = ? order by receipt_hash")) {
                    box.setFetchSize(10_000);
                    // A server-prepared statement gets bytea in binary: half the bytes of hex text and no decoding.
                    box.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                    box.setObject(1, ballot.id());
                    read(box);
                } finally {
                    connection.rollback();
                }
            } catch (SQLException | InterruptedException | RuntimeException e) {
                failure = e;
            } finally {
                try {
                    if (!abandoned) {
                        ready.put(END_OF_BOX);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The closing gave up: nobody takes chunks any more, so stop reading. */
        void abandon(Thread thread) {
            abandoned = true;
            thread.interrupt();
        }

        private void read(PreparedStatement box) throws SQLException, InterruptedException {
            List<List<String>> entries = new ArrayList<>(CHUNK);
            int chunk = 0;
            long count = 0;
            try (ResultSet rows = box.executeQuery()) {
                while (rows.next()) {
                    List<String> keys = keys(ballot, rows.getString(2), counts);
                    hash.add(HEX.formatHex(rows.getBytes(1)), keys);
                    entries.add(keys);
                    count++;
                    if (entries.size() == CHUNK) {
                        ready.put(chunk(ballot, chunk++, chunks, entries));
                        entries = new ArrayList<>(CHUNK);
                    }
                }
            }
            if (!entries.isEmpty()) {
                ready.put(chunk(ballot, chunk, chunks, entries));
            }
            seen = count;
        }
    }

    private static BallotBoxChunk chunk(Ballot ballot, int chunk, int chunks, List<List<String>> entries) {
        return new BallotBoxChunk(ballot.id().toString(), ballot.correlationId(), chunk, chunks, entries);
    }

    private void publish(Ballot ballot, List<BallotBoxChunk> pending) {
        if (!pending.isEmpty()) {
            outbox.publishAll(BallotEvents.BALLOTS, "BallotBoxChunk", ballot.id().toString(), pending);
            pending.clear();
        }
    }

    private static List<String> keys(Ballot ballot, String indexes, long[] counts) {
        List<String> keys = new ArrayList<>(4);
        if (indexes.isEmpty()) {
            return keys;
        }
        int start = 0;
        while (start <= indexes.length()) {
            int end = indexes.indexOf(',', start);
            if (end < 0) {
                end = indexes.length();
            }
            int index = Integer.parseInt(indexes, start, end, 10);
            counts[index]++;
            keys.add(ballot.keyOf(index));
            start = end + 1;
        }
        return keys;
    }
}
