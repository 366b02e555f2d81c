package kr.chamyeo.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes audit records. */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    record Entry(String actor, String role, String district, String action, String target, int status, String requestId) {
    }

    @Inject
    EntityManager em;

    void write(Entry entry) {
        try {
            // A transaction of its own: the response filter runs after the resource's transaction has ended, and a
            // failed audit insert must not turn a change that succeeded into an error.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into audit_record "
                            + "(actor, role, district, action, target, status, request_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, entry.actor()).setParameter(2, entry.role()).setParameter(3, entry.district())
                    .setParameter(4, entry.action()).setParameter(5, entry.target()).setParameter(6, entry.status())
                    .setParameter(7, entry.requestId()).executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit record of %s could not be written", entry.action());
        }
    }
}
