package kr.chamyeo.budget.execution;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.security.Roles;

@Path("/cycles/{cycleId}")
@Tag(name = "Execution", description = "집행 모니터링: granted (교부) and spent (집행) amounts of adopted projects")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {

    @Inject
    ExecutionService execution;

    @POST
    @Path("/proposals/{id}/execution-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Report execution of an adopted project", description = "A dated report (집행 보고) of cumulative "
            + "granted (교부) and spent (집행) amounts and status. Officer of the district or city admin. Publishes ExecutionReported.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExecutionViews.ProjectExecution.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the district")
    @APIResponse(responseCode = "404", description = "No such cycle or proposal")
    @APIResponse(responseCode = "409", description = "Project not adopted")
    @APIResponse(responseCode = "422", description = "Amounts or date break the rules")
    public ExecutionViews.ProjectExecution report(@PathParam("cycleId") long cycleId, @PathParam("id") long id,
                                                  @Valid @NotNull ExecutionViews.ReportRequest request) {
        return execution.report(cycleId, id, request);
    }

    @GET
    @Path("/execution")
    @PermitAll
    @Operation(summary = "Execution of a cycle", description = "집행 현황: per adopted project and summed, budgeted (편성) vs "
            + "granted (교부) vs spent (집행), in won and in 백만원.")
    @APIResponse(responseCode = "200", description = "The execution summary", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExecutionViews.CycleExecution.class)))
    @APIResponse(responseCode = "404", description = "No such cycle")
    public ExecutionViews.CycleExecution get(@PathParam("cycleId") long cycleId) {
        return execution.execution(cycleId);
    }
}
