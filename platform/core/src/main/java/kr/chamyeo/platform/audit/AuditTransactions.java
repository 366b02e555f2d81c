package kr.chamyeo.platform.audit;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.ManagedContext;

/**
 * Writes a request's audit record inside the transaction that makes its change, just before that transaction
 * commits: the change and its record commit together, and if the record cannot be written the transaction rolls back
 * and the request fails. Written after the answer (as before), a crash or a failed insert lost the record of a change
 * that stayed. Only the first transaction of a request that commits carries the record; a request that commits none
 * is recorded by {@link AuditFilter} with its answer.
 */
@ApplicationScoped
public class AuditTransactions {

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    AuditTrail trail;

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        ManagedContext requests = Arc.container().requestContext();
        if (!requests.isActive()) {
            return;
        }
        // The request's own instance, not the proxy: the transaction may end where the request context is not active.
        AuditContext context = ClientProxy.unwrap(Arc.container().instance(AuditContext.class).get());
        // The event comes more than once for one transaction; one record is written per transaction at most.
        if (context.pending() == null || context.committed() || registry.getResource(AuditTransactions.class) != null) {
            return;
        }
        registry.putResource(AuditTransactions.class, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            private boolean written;

            @Override
            public void beforeCompletion() {
                if (context.committed() || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
                    return;
                }
                try {
                    trail.append(context.pending());
                    written = true;
                } catch (SQLException e) {
                    throw new IllegalStateException("The audit record of " + context.pending().action()
                            + " could not be written; the change is rolled back with it", e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (written && status == Status.STATUS_COMMITTED) {
                    context.markCommitted();
                }
            }
        });
    }
}
