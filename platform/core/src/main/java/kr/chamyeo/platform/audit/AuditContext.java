package kr.chamyeo.platform.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * The audit entry of the request being served, from the moment it is matched to an audited method, and whether a
 * transaction of the request has already committed it. Used through methods only: the beans that inject it hold a
 * client proxy, whose own fields would be shared by every request.
 */
@RequestScoped
public class AuditContext {

    private AuditTrail.Entry pending;
    private boolean committed;

    AuditTrail.Entry pending() {
        return pending;
    }

    void prepare(AuditTrail.Entry entry) {
        pending = entry;
    }

    boolean committed() {
        return committed;
    }

    void markCommitted() {
        committed = true;
    }
}
