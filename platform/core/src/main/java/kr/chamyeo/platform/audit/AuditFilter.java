package kr.chamyeo.platform.audit;

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
 * resources having to remember it. Failed requests changed nothing, so they are not audited, and casting a secret
 * vote is not audited at all ({@link SecretBallot}).
 */
public class AuditFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    Caller caller;

    @Inject
    AuditTrail trail;

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!CHANGES.contains(request.getMethod()) || response.getStatus() >= 400 || resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(SecretBallot.class)) {
            return;
        }
        String requestId = request.getHeaderString("X-Request-Id");
        trail.write(new AuditTrail.Entry(caller.authenticated() ? caller.subject() : "anonymous",
                caller.primaryRole(), caller.district().orElse(null),
                request.getMethod() + " " + resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName(),
                truncate(request.getUriInfo().getPath(), 500), response.getStatus(),
                requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : truncate(requestId, 128)));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
