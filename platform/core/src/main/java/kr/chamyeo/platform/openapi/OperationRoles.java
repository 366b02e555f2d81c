package kr.chamyeo.platform.openapi;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Says which roles may call an operation in a form tools read: SmallRye writes {@code @RolesAllowed} as the list of
 * the bearer requirement ({@code bearer: [OFFICER, CITY_ADMIN]}), which OpenAPI 3.0 reserves for OAuth2 and OpenID
 * Connect scopes and 3.1 allows only as role names no tool interprets (Spectral warns on every one; generators drop
 * them). Here the requirement keeps the scheme with an empty list and the roles move to the operation's
 * {@value #EXTENSION} extension, which the scheme's description explains: roles are the token's {@code groups} claim.
 */
public final class OperationRoles implements OASFilter {

    /** The operation's extension that lists the roles (the token's {@code groups}) allowed to call it. */
    public static final String EXTENSION = "x-roles";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean any = false;
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                if (item.getOperations() != null) {
                    for (Operation operation : item.getOperations().values()) {
                        any |= moveScopes(operation);
                    }
                }
            }
        }
        if (any && openAPI.getComponents() != null && openAPI.getComponents().getSecuritySchemes() != null) {
            for (SecurityScheme scheme : openAPI.getComponents().getSecuritySchemes().values()) {
                // Replaces Quarkus' default description ("Authentication"), which says nothing of the roles.
                if (scheme.getType() == SecurityScheme.Type.HTTP) {
                    scheme.setDescription("An RS256 JWT of the city's OpenID Connect provider. Its `groups` claim holds the "
                            + "caller's roles (RESIDENT, COMMITTEE, OFFICER, CITY_ADMIN, PARTNER, TRUSTEE); each operation lists the "
                            + "roles it allows in `" + EXTENSION + "`. Officers, committee members and partner systems act only in "
                            + "the `district` of their token.");
                }
            }
        }
    }

    private static boolean moveScopes(Operation operation) {
        if (operation.getSecurity() == null) {
            return false;
        }
        List<String> roles = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.getSchemes() == null) {
                continue;
            }
            for (String scheme : new ArrayList<>(requirement.getSchemes().keySet())) {
                List<String> listed = requirement.getScheme(scheme);
                if (listed != null) {
                    listed.stream().filter(role -> !roles.contains(role)).forEach(roles::add);
                }
                requirement.addScheme(scheme, new ArrayList<>());
            }
        }
        if (roles.isEmpty()) {
            return false;
        }
        operation.addExtension(EXTENSION, roles);
        return true;
    }
}
