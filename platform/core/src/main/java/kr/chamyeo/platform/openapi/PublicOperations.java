package kr.chamyeo.platform.openapi;

import java.util.ArrayList;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Marks the operations anyone may call ({@code @PermitAll}: no security requirement) with an explicit
 * {@code security: []}. Without it a reader, linters (Spectral's {@code operation-security-defined}) and client
 * generators cannot tell "public" from "forgot to say".
 */
public final class PublicOperations implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || (openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty())) {
            return; // a document-wide requirement would make an empty list mean "opted out", not "unsaid"
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getOperations().entrySet()) {
                if (operation.getValue().getSecurity() == null) {
                    operation.getValue().setSecurity(new ArrayList<>());
                }
            }
        }
    }
}
