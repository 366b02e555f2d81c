package kr.chamyeo.platform.audit;

import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kr.chamyeo.platform.security.Caller;

/**
 * Audits every state-changing request, in every service, without the resources having to remember it. The entry is
 * prepared when the request is matched and written by {@link AuditTransactions} into the transaction that makes the
 * change; a successful request that committed no transaction of its own is recorded here with its answer. Failed
 * requests changed nothing, so they are not audited, and casting a secret vote is not audited at all
 * ({@link SecretBallot}).
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    Caller caller;

    @Inject
    AuditContext context;

    @ServerRequestFilter
    public void prepare(ContainerRequestContext request, ResourceInfo resource) {
        if (!CHANGES.contains(request.getMethod()) || resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(SecretBallot.class)) {
            return;
        }
        String requestId = request.getHeaderString("X-Request-Id");
        context.prepare(new AuditTrail.Entry(caller.authenticated() ? caller.subject() : "anonymous",
                caller.primaryRole(), caller.district().orElse(null),
                request.getMethod() + " " + resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName(),
                truncate(request.getUriInfo().getPath(), 500), null,
                requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : truncate(requestId, 128)));
    }

    @ServerResponseFilter
    public void audit(ContainerResponseContext response) {
        if (context.pending() == null || context.committed() || response.getStatus() >= 400) {
            return;
        }
        context.prepare(context.pending().withStatus(response.getStatus()));
        try {
            // A transaction of its own, which AuditTransactions writes the record into. Nothing of this request was
            // committed to the database, so there is no change the record could miss; a failure is logged as an error.
            QuarkusTransaction.requiringNew().run(() -> { });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit record of %s could not be written", context.pending().action());
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
