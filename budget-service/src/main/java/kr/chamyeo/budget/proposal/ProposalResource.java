package kr.chamyeo.budget.proposal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.page.Page;
import kr.chamyeo.platform.security.Roles;

@Path("/cycles/{cycleId}/proposals")
@Tag(name = "Proposals", description = "Project proposals (사업 제안: 주민참여형·일반참여형)")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    @Inject
    ProposalService proposals;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESIDENT, Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Operation(summary = "Submit a proposal", description = "A resident of the district proposes a project (주민참여형); an officer "
            + "or partner system of the district enters a proposal absorbed from another channel (일반참여형·공론화: 금천1번가, "
            + "주민제안제도, 주민자치회) with its source channel. The requested amount must respect the caps (일반사업·행사성 사업 상한) "
            + "and the intake window (제안접수 기간).")
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "403", description = "Not of this district")
    @APIResponse(responseCode = "404", description = "No such cycle")
    @APIResponse(responseCode = "409", description = "Cycle not open or intake closed")
    @APIResponse(responseCode = "422", description = "Invalid field, cap exceeded")
    public Response submit(@PathParam("cycleId") long cycleId, @Valid @NotNull ProposalRequest request) {
        ProposalView view = proposals.submit(cycleId, request);
        return Response.status(201).entity(view)
                .header("Location", "/api/v1/budget/cycles/" + cycleId + "/proposals/" + view.id()).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List proposals", description = "Proposals (제안사업) of a cycle, by stage and subcommittee (분과), paged. "
            + "Contacts only for officers of the district and city admins.")
    @APIResponse(responseCode = "200", description = "A page of proposals")
    @APIResponse(responseCode = "404", description = "No such cycle")
    @APIResponse(responseCode = "422", description = "Invalid paging")
    public Page<ProposalView> list(@PathParam("cycleId") long cycleId, @QueryParam("stage") Stage stage,
                                   @QueryParam("subcommittee") String subcommittee,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return proposals.list(cycleId, stage, subcommittee, page, size);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a proposal with its history", description = "The proposal and every decision of the four "
            + "review stages (부서검토·사전검토·분과심의·총회): who, when, decision, amount, reason. Contacts only for officers "
            + "of the district and city admins.")
    @APIResponse(responseCode = "200", description = "The proposal", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle or proposal")
    public ProposalView get(@PathParam("cycleId") long cycleId, @PathParam("id") long id) {
        return proposals.get(cycleId, id);
    }
}
