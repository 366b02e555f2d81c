package kr.chamyeo.budget.result;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/cycles/{cycleId}/results")
@Tag(name = "Results", description = "총회 결과: adopted and not adopted projects (선정 결과)")
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {

    @Inject
    ResultService results;

    @GET
    @PermitAll
    @Operation(summary = "Results of a cycle", description = "선정 결과: every voted project with resident and committee votes, "
            + "vote shares, weighted score, rank, whether it was adopted and why, and the amount left over (잔액).")
    @APIResponse(responseCode = "200", description = "The results", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResultView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle")
    @APIResponse(responseCode = "409", description = "Ballots not closed yet")
    public ResultView get(@PathParam("cycleId") long cycleId) {
        return results.results(cycleId);
    }
}
