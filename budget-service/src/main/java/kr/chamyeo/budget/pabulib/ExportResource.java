package kr.chamyeo.budget.pabulib;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/cycles/{cycleId}/export.pb")
@Tag(name = "Simulations", description = "Pabulib import and export (연구용 데이터)")
public class ExportResource {

    @Inject
    ExportService export;

    @GET
    @PermitAll
    @Produces("text/plain; charset=UTF-8")
    @Operation(summary = "Export a decided cycle as Pabulib .pb", description = "Projects, costs, anonymous approval votes of "
            + "both electorates (주민·위원, no voter identity), selected flags and rule, in the Pabulib format (META / PROJECTS / VOTES).")
    @APIResponse(responseCode = "200", description = "The .pb file", content = @Content(mediaType = "text/plain",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    example = "META\nkey;value\nbudget;1000000000\n...")))
    @APIResponse(responseCode = "404", description = "No such cycle")
    @APIResponse(responseCode = "409", description = "Results not computed yet")
    public Response export(@PathParam("cycleId") long cycleId) {
        return Response.ok(export.export(cycleId)).header("Content-Disposition",
                "attachment; filename=\"chamyeo-cycle-" + cycleId + ".pb\"").build();
    }
}
