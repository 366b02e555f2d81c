package kr.chamyeo.voting.closing;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Closes ballots whose closes-at has passed. The work list is read from the database on every tick, so
 * ballots that fell due while no instance was running are closed at the next start; several replicas may
 * tick at once because {@link BallotCloser} closes each ballot only once.
 */
@ApplicationScoped
public class ClosingScheduler {

    private static final Logger LOG = Logger.getLogger(ClosingScheduler.class);

    @Inject
    EntityManager em;

    @Inject
    BallotCloser closer;

    @Scheduled(every = "${chamyeo.voting.closing-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "ballot-closing")
    void closeDue() {
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from ballot where status = 'OPEN' and closes_at <= now() order by closes_at limit 50").getResultList());
        for (UUID id : due) {
            try {
                closer.close(id, true, null);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Closing ballot %s failed; the next tick retries", id);
            }
        }
    }
}
