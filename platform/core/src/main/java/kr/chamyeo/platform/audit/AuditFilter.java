package kr.chamyeo.platform.audit;

import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import kr.chamyeo.platform.security.Caller;

/**
 * Writes one audit record for every successful state-changing request, in every service, without the
 * resources having to remember it. Failed requests changed nothing, so they are not audited.
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!CHANGES.contains(request.getMethod()) || response.getStatus() >= 400 || resource.getResourceMethod() == null) {
            return;
        }
        String requestId = request.getHeaderString("X-Request-Id");
        String action = request.getMethod() + " " + resource.getResourceClass().getSimpleName() + "."
                + resource.getResourceMethod().getName();
        String actor = !caller.authenticated() ? "anonymous"
                : resource.getResourceMethod().isAnnotationPresent(SecretBallot.class) ? "(secret ballot)" : caller.subject();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "insert into audit_record (actor, role, district, action, target, status, request_id) "
                                    + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, actor)
                    .setParameter(2, caller.primaryRole())
                    .setParameter(3, caller.district().orElse(null))
                    .setParameter(4, action)
                    .setParameter(5, truncate(request.getUriInfo().getPath(), 500))
                    .setParameter(6, response.getStatus())
                    .setParameter(7, requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : truncate(requestId, 128))
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit record for %s %s could not be written", action, request.getUriInfo().getPath());
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
