package kr.chamyeo.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class OperationRolesTest {

    @Test
    void rolesLeaveTheBearerRequirementForTheOperationsExtension() {
        Operation secured = OASFactory.createOperation().security(List.of(
                OASFactory.createSecurityRequirement().addScheme("bearer", List.of("OFFICER", "CITY_ADMIN"))));
        Operation open = OASFactory.createOperation().security(List.of());
        SecurityScheme bearer = OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("Authentication");
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths().addPathItem("/cycles", OASFactory.createPathItem().GET(open).POST(secured)))
                .components(OASFactory.createComponents().securitySchemes(Map.of("bearer", bearer)));

        new OperationRoles().filterOpenAPI(openAPI);

        assertEquals(List.of(), secured.getSecurity().get(0).getScheme("bearer"), "the bearer requirement stays, without scopes");
        assertEquals(List.of("OFFICER", "CITY_ADMIN"), secured.getExtensions().get(OperationRoles.EXTENSION));
        assertEquals(List.of(), open.getSecurity());
        assertTrue(open.getExtensions() == null || !open.getExtensions().containsKey(OperationRoles.EXTENSION),
                "a public operation lists no roles");
        assertTrue(bearer.getDescription().contains("x-roles"), bearer.getDescription());
    }
}
