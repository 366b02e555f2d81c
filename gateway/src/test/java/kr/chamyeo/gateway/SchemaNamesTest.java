package kr.chamyeo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SchemaNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void numberedFamiliesAreNamedAfterWhereTheyAreUsedAndScalarsWrittenInPlace() throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree("""
                {"paths": {
                  "/api/v1/community/councils/{id}/plans": {"get": {"responses": {"200": {"content": {"application/json":
                      {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/PlanView"}}}}}}}},
                  "/api/v1/community/plans/{id}": {"get": {"responses": {"200": {"content": {"application/json":
                      {"schema": {"$ref": "#/components/schemas/PlanView1"}}}}}}}},
                 "components": {"schemas": {
                  "UUID": {"type": "string", "format": "uuid", "pattern": "[a-f0-9-]{36}"},
                  "PlanView": {"type": "object", "properties": {"id": {"$ref": "#/components/schemas/UUID", "description": "계획 id"},
                                                                "status": {"$ref": "#/components/schemas/Status1"}}},
                  "PlanView1": {"type": "object", "properties": {"year": {"type": "integer"}}},
                  "BookingView": {"type": "object", "properties": {"status": {"$ref": "#/components/schemas/Status"}}},
                  "Status": {"type": "string", "enum": ["REQUESTED", "APPROVED"]},
                  "Status1": {"type": "string", "enum": ["DRAFT", "ADOPTED"]},
                  "Round1": {"type": "object"}}}}
                """);

        SchemaNames.tidy(document);

        assertEquals(List.of("BookingStatus", "BookingView", "CouncilPlanStatus", "CouncilPlanView", "PlanView", "Round1"),
                names(document));
        assertEquals("#/components/schemas/CouncilPlanView", document.at("/paths/~1api~1v1~1community~1councils~1{id}~1plans"
                + "/get/responses/200/content/application~1json/schema/items/$ref").asText());
        assertEquals("#/components/schemas/PlanView", document.at("/paths/~1api~1v1~1community~1plans~1{id}"
                + "/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/CouncilPlanStatus",
                document.at("/components/schemas/CouncilPlanView/properties/status/$ref").asText());
        ObjectNode id = (ObjectNode) document.at("/components/schemas/CouncilPlanView/properties/id");
        assertFalse(id.has("$ref"));
        assertEquals("uuid", id.path("format").asText());
        assertEquals("계획 id", id.path("description").asText());
    }

    @Test
    void pathStemsAreSingularPascalCase() {
        assertEquals("SpaceProgramme", SchemaNames.pathStem("/api/v1/community/space-programmes/{id}"));
        assertEquals("YouthCouncil", SchemaNames.pathStem("/api/v1/governance/youth-council/members"));
        assertEquals("Agency", SchemaNames.pathStem("/api/v1/governance/agencies"));
        assertEquals("", SchemaNames.pathStem("/api/v1/voting"));
    }

    private static List<String> names(ObjectNode document) {
        List<String> names = new java.util.ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
