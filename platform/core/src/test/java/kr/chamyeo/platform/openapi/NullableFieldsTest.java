package kr.chamyeo.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class NullableFieldsTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    @Test
    void answersAdmitNullWhereNotRequiredRequestsStayAsTheyAre() {
        Schema view = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("id", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("closedAt", OASFactory.createSchema().addType(SchemaType.STRING).format("date-time"))
                .addProperty("status", ref("Status").description("투표 상태"))
                .required(List.of("id"));
        Schema request = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("title", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("status", ref("Status"));
        Schema status = OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.of("OPEN", "CLOSED"));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("View", view).addSchema("Request", request)
                        .addSchema("Status", status))
                .paths(OASFactory.createPaths().addPathItem("/ballots", OASFactory.createPathItem()
                        .POST(OASFactory.createOperation().requestBody(OASFactory.createRequestBody()
                                .content(OASFactory.createContent().addMediaType("application/json",
                                        OASFactory.createMediaType().schema(ref("Request"))))))));

        new NullableFields().filterOpenAPI(openAPI);

        assertEquals(List.of(SchemaType.INTEGER), view.getProperties().get("id").getType(), "required stays non-null");
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), view.getProperties().get("closedAt").getType());
        Schema wrapped = view.getProperties().get("status");
        assertNull(wrapped.getRef());
        assertEquals("투표 상태", wrapped.getDescription());
        assertEquals("#/components/schemas/Status", wrapped.getAnyOf().get(0).getRef());
        assertEquals(List.of(SchemaType.NULL), wrapped.getAnyOf().get(1).getType());
        assertEquals(List.of(SchemaType.STRING), request.getProperties().get("title").getType(), "requests unchanged");
        assertEquals("#/components/schemas/Status", request.getProperties().get("status").getRef());
        assertEquals(List.of(SchemaType.STRING), status.getType(), "an enum reached from a request keeps one type");
    }
}
