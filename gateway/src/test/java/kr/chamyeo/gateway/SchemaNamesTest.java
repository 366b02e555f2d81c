package kr.chamyeo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SchemaNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scalars are written where they are used (their own description giving way to the property's); names stay. */
    @Test
    void scalarsAreWrittenInPlaceAndNamesKept() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree("""
                {"paths": {
                  "/api/v1/community/plans/{id}": {"get": {"responses": {"200": {"content": {"application/json":
                      {"schema": {"$ref": "#/components/schemas/PlanView"}}}}}}}},
                 "components": {"schemas": {
                  "UUID": {"type": "string", "format": "uuid", "pattern": "[a-f0-9-]{36}", "description": "an id"},
                  "PlanView": {"type": "object", "properties": {"id": {"$ref": "#/components/schemas/UUID", "description": "계획 id"},
                                                                "status": {"$ref": "#/components/schemas/CouncilPlanStatus"}}},
                  "CouncilPlanStatus": {"type": "string", "enum": ["DRAFT", "ADOPTED"]}}}}
                """);

        SchemaNames.tidy(document);

        assertEquals(List.of("CouncilPlanStatus", "PlanView"), names(document));
        ObjectNode id = (ObjectNode) document.at("/components/schemas/PlanView/properties/id");
        assertFalse(id.has("$ref"));
        assertEquals("uuid", id.path("format").asText());
        assertEquals("계획 id", id.path("description").asText());
        assertEquals("#/components/schemas/CouncilPlanStatus",
                document.at("/components/schemas/PlanView/properties/status/$ref").asText());
    }

    private static List<String> names(ObjectNode document) {
        List<String> names = new java.util.ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
