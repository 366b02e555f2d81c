package kr.chamyeo.budget.assembly;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.security.Roles;

@Path("/cycles/{cycleId}/assembly")
@Tag(name = "Assembly", description = "4차 총회: one vote per electorate via voting-service (e.g. residents' 엠보팅 and the committee's vote)")
@Produces(MediaType.APPLICATION_JSON)
public class AssemblyResource {

    @Inject
    AssemblyService assembly;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Open (or re-open) the assembly", description = "총회 개최: once every subcommittee has forwarded its "
            + "projects, asks voting-service (BallotRequested on voting.requests) for one approval ballot over the forwarded "
            + "projects per electorate of the cycle (by default residents of the district, 주민 엠보팅, and committee members, "
            + "위원 투표; or e.g. e-vote, committee and budget school). Results follow when all have closed. "
            + "If voting-service rejects a request (BallotRejected), the cycle shows the reason and the same call re-requests "
            + "only the rejected ballots as the next round (correlation id budget:<cycleId>:<ELECTORATE>:<round>), optionally "
            + "with another voting window; while nothing is rejected a repeated call is refused (409) and changes nothing.")
    @APIResponse(responseCode = "200", description = "Ballots requested", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssemblyView.class), examples = @ExampleObject(name = "opened", value = """
                    {"cycleId": 1, "status": "ASSEMBLY", "rejection": null, "ballots": [
                      {"electorate": "RESIDENTS", "round": 1, "correlationId": "budget:1:RESIDENTS",
                       "opensAt": "2021-06-01T00:00:00+09:00", "closesAt": "2021-06-11T00:00:00+09:00", "chunksReceived": 0},
                      {"electorate": "COMMITTEE", "round": 1, "correlationId": "budget:1:COMMITTEE",
                       "opensAt": "2021-06-01T00:00:00+09:00", "closesAt": "2021-06-11T00:00:00+09:00", "chunksReceived": 0}]}""")))
    @APIResponse(responseCode = "403", description = "Not an officer of the district")
    @APIResponse(responseCode = "404", description = "No such cycle")
    @APIResponse(responseCode = "409", description = "Subcommittees pending, nothing forwarded, cycle past the assembly, or assembly open with no rejected request")
    @APIResponse(responseCode = "422", description = "Invalid choice limits or voting window")
    public AssemblyView open(@PathParam("cycleId") long cycleId, @Valid AssemblyRequest request) {
        return assembly.open(cycleId, request);
    }

    @GET
    @PermitAll
    @Operation(summary = "Assembly status", description = "총회 진행 상황: every electorate's ballot, its id at voting-service, closing and box chunks received.")
    @APIResponse(responseCode = "200", description = "The assembly", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssemblyView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle")
    public AssemblyView get(@PathParam("cycleId") long cycleId) {
        return assembly.view(cycleId);
    }
}
