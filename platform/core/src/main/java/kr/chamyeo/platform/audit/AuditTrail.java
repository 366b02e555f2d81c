package kr.chamyeo.platform.audit;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Writes audit records: at once, or — for high-volume actions — in batches from a queue. */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    record Entry(String actor, String role, String district, String action, String target, int status, String requestId) {
    }

    private static final String INSERT = "insert into audit_record (actor, role, district, action, target, status, request_id) "
            + "select * from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), "
            + "cast(? as int[]), cast(? as text[]))";

    @Inject
    EntityManager em;

    private static final Duration LINGER = Duration.ofMillis(100);
    private static final int MAX_BATCH = 1000;

    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>(100_000);
    private volatile boolean running;
    private Thread flusher;

    void start(@Observes StartupEvent startup) {
        running = true;
        flusher = new Thread(this::flushLoop, "audit-trail");
        flusher.setDaemon(true);
        flusher.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (flusher != null) {
            flusher.interrupt();
            try {
                flusher.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        drain();
    }

    void enqueue(Entry entry) {
        if (!queue.offer(entry)) {
            write(List.of(entry));
        }
    }

    void write(List<Entry> entries) {
        try {
            // One statement for the whole batch: a busy vote stream makes hundreds of records a second.
            QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setArray(1, connection.createArrayOf("text", entries.stream().map(Entry::actor).toArray()));
                    insert.setArray(2, connection.createArrayOf("text", entries.stream().map(Entry::role).toArray()));
                    insert.setArray(3, connection.createArrayOf("text", entries.stream().map(Entry::district).toArray()));
                    insert.setArray(4, connection.createArrayOf("text", entries.stream().map(Entry::action).toArray()));
                    insert.setArray(5, connection.createArrayOf("text", entries.stream().map(Entry::target).toArray()));
                    insert.setArray(6, connection.createArrayOf("int4", entries.stream().map(Entry::status).toArray()));
                    insert.setArray(7, connection.createArrayOf("text", entries.stream().map(Entry::requestId).toArray()));
                    insert.executeUpdate();
                }
            }));
        } catch (RuntimeException e) {
            LOG.errorf(e, "%d audit record(s) could not be written", entries.size());
        }
    }

    private void flushLoop() {
        while (running) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    write(gatherAfter(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Nobody waits for these records, so the batch lingers a moment: at thousands of votes a second, writing
     * whatever had queued at once made as many commits (each an fsync) as the votes themselves. A shutdown's
     * interrupt ends the wait; the records already taken off the queue are still written (drain() only sees the
     * queue), and the flusher stops after that write because {@code running} is already false.
     */
    private List<Entry> gatherAfter(Entry first) {
        List<Entry> batch = new ArrayList<>();
        batch.add(first);
        long deadline = System.nanoTime() + LINGER.toNanos();
        try {
            while (batch.size() < MAX_BATCH) {
                long left = deadline - System.nanoTime();
                Entry next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    break;
                }
                batch.add(next);
                queue.drainTo(batch, MAX_BATCH - batch.size());
            }
        } catch (InterruptedException e) {
            // Shutting down: the batch is returned and written; the flag stays cleared so the write can run.
        }
        return batch;
    }

    private void drain() {
        List<Entry> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            write(rest);
        }
    }
}
