package kr.chamyeo.platform.openapi;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Gives every operation a stable operationId, the name generated clients give their methods. SmallRye names each
 * operation {@code Class_method} (the shared configuration's {@code CLASS_METHOD} strategy); this turns that into
 * {@code resourceMethod} — {@code CycleResource_list} becomes {@code cycleList} — so an id changes only when the Java
 * method or its resource class is renamed, never with its path. An explicit {@code @Operation(operationId = …)} is kept.
 * The platform's own resources exist in every service, so their ids also carry the service's name
 * ({@code budgetAuditList}) and stay unique in the gateway's combined document.
 */
public final class OperationIds implements OASFilter {

    /** Resources that {@code platform} adds to every service. */
    private static final Set<String> PLATFORM_RESOURCES = Set.of("AuditResource", "DeadLetterResource");

    private final String service;

    /** @param service the service's short name, e.g. {@code budget} */
    public OperationIds(String service) {
        this.service = service;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                String where = operation.getKey() + " " + path.getKey();
                String id = rename(operation.getValue().getOperationId());
                if (id == null) {
                    throw new IllegalStateException(where + " has no operationId");
                }
                String other = seen.putIfAbsent(id, where);
                if (other != null) {
                    throw new IllegalStateException("operationId " + id + " of " + where + " is also " + other
                            + "'s; rename one of the methods or give it @Operation(operationId = …)");
                }
                operation.getValue().setOperationId(id);
            }
        }
    }

    String rename(String generated) {
        if (generated == null) {
            return null;
        }
        int separator = generated.indexOf('_');
        if (separator < 0) {
            return generated;
        }
        String resource = generated.substring(0, separator);
        String method = generated.substring(separator + 1);
        String noun = resource.endsWith("Resource") ? resource.substring(0, resource.length() - "Resource".length()) : resource;
        String id = lowerFirst(noun) + upperFirst(method);
        return PLATFORM_RESOURCES.contains(resource) && service != null ? lowerFirst(service) + upperFirst(id) : id;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
