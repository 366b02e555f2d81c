package kr.chamyeo.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

class PublicOperationsTest {

    @Test
    void operationsWithoutARequirementSayTheyArePublic() {
        SecurityRequirement officer = OASFactory.createSecurityRequirement().addScheme("bearer", "OFFICER");
        Operation open = OASFactory.createOperation();
        Operation secured = OASFactory.createOperation().security(List.of(officer));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/cycles", OASFactory.createPathItem().GET(open).POST(secured)));
        new PublicOperations().filterOpenAPI(openAPI);

        assertEquals(List.of(), open.getSecurity());
        assertEquals(List.of(officer), secured.getSecurity());
    }
}
