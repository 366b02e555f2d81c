package kr.chamyeo.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class OperationIdsTest {

    private static Operation op(String id) {
        return OASFactory.createOperation().operationId(id);
    }

    @Test
    void resourceAndMethodBecomeOneLowerCamelName() {
        Operation list = op("CycleResource_list");
        Operation vote = op("BallotResource_castVote");
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/cycles", OASFactory.createPathItem().GET(list))
                .addPathItem("/ballots/{id}/votes", OASFactory.createPathItem().POST(vote)));
        new OperationIds("budget").filterOpenAPI(openAPI);

        assertEquals("cycleList", list.getOperationId());
        assertEquals("ballotCastVote", vote.getOperationId());
    }

    @Test
    void explicitIdsAreKept() {
        assertEquals("castVote", new OperationIds("voting").rename("castVote"));
    }

    @Test
    void platformResourcesCarryTheServiceNameSoTheCombinedDocumentStaysUnique() {
        assertEquals("budgetAuditList", new OperationIds("budget").rename("AuditResource_list"));
        assertEquals("votingAuditList", new OperationIds("voting").rename("AuditResource_list"));
        assertEquals("communityDeadLetterReplay", new OperationIds("community").rename("DeadLetterResource_replay"));
    }

    @Test
    void twoOperationsWithOneIdFailTheBuild() {
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/a", OASFactory.createPathItem().GET(op("SpaceResource_list")))
                .addPathItem("/b", OASFactory.createPathItem().GET(op("spaceList"))));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new OperationIds("community").filterOpenAPI(openAPI));
        assertTrue(e.getMessage().contains("spaceList"), e.getMessage());
    }
}
