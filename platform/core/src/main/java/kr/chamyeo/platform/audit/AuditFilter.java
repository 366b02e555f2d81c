package kr.chamyeo.platform.audit;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import kr.chamyeo.platform.security.Caller;

/**
 * Writes one audit record for every successful state-changing request, in every service, without the
 * resources having to remember it. Failed requests changed nothing, so they are not audited.
 */
public class AuditFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    Caller caller;

    @Inject
    AuditTrail trail;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!CHANGES.contains(request.getMethod()) || response.getStatus() >= 400 || resource.getResourceMethod() == null) {
            return;
        }
        String requestId = request.getHeaderString("X-Request-Id");
        String action = request.getMethod() + " " + resource.getResourceClass().getSimpleName() + "."
                + resource.getResourceMethod().getName();
        boolean secretBallot = resource.getResourceMethod().isAnnotationPresent(SecretBallot.class);
        AuditTrail.Entry entry = new AuditTrail.Entry(
                !caller.authenticated() ? "anonymous" : secretBallot ? "(secret ballot)" : caller.subject(),
                caller.primaryRole(), caller.district().orElse(null), action,
                truncate(request.getUriInfo().getPath(), 500), response.getStatus(),
                requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : truncate(requestId, 128));
        if (secretBallot) {
            // Votes are the hot path: their records are written in batches, off the voter's transaction.
            trail.enqueue(entry);
        } else {
            trail.write(List.of(entry));
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
