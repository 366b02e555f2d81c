package kr.chamyeo.platform.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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

    @Inject
    EntityManager em;

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
            QuarkusTransaction.requiringNew().run(() -> {
                for (Entry e : entries) {
                    em.createNativeQuery("insert into audit_record (actor, role, district, action, target, status, request_id) "
                                    + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                            .setParameter(1, e.actor())
                            .setParameter(2, e.role())
                            .setParameter(3, e.district())
                            .setParameter(4, e.action())
                            .setParameter(5, e.target())
                            .setParameter(6, e.status())
                            .setParameter(7, e.requestId())
                            .executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "%d audit record(s) could not be written", entries.size());
        }
    }

    private void flushLoop() {
        while (running) {
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Entry> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, 999);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drain() {
        List<Entry> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            write(rest);
        }
    }
}
