package kr.chamyeo.budget.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import kr.chamyeo.budget.proposal.ProposalView;
import kr.chamyeo.platform.security.Roles;

@Path("/cycles/{cycleId}")
@Tag(name = "Review", description = "The review stages (사업심사: 부서검토 → 사전검토 → 분과심의)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @POST
    @Path("/proposals/{id}/department-review")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Stage 1: department review", description = "1차 부서검토: the responsible department records its "
            + "opinion, the refined cost (within the caps) and accepts or rejects. Officer of the district or city admin.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the district")
    @APIResponse(responseCode = "404", description = "No such cycle or proposal")
    @APIResponse(responseCode = "409", description = "Out of order or cycle not open")
    @APIResponse(responseCode = "422", description = "Invalid field or cap exceeded")
    public ProposalView departmentReview(@PathParam("cycleId") long cycleId, @PathParam("id") long id,
                                         @Valid @NotNull ReviewRequests.DepartmentReview request) {
        return reviews.departmentReview(cycleId, id, request);
    }

    @POST
    @Path("/proposals/{id}/pre-review")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Stage 2: pre-review", description = "2차 사업 사전검토: pass, or return to the department for "
            + "re-review and supplement (부서 재검토 및 보완 요청) with a reason; a returned proposal goes back to stage 1 "
            + "in a new round and the history keeps every round.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the district")
    @APIResponse(responseCode = "404", description = "No such cycle or proposal")
    @APIResponse(responseCode = "409", description = "Out of order or cycle not open")
    @APIResponse(responseCode = "422", description = "Invalid field")
    public ProposalView preReview(@PathParam("cycleId") long cycleId, @PathParam("id") long id,
                                  @Valid @NotNull ReviewRequests.PreReview request) {
        return reviews.preReview(cycleId, id, request);
    }

    @POST
    @Path("/subcommittees/{code}/forwarding")
    @RolesAllowed({Roles.OFFICER, Roles.COMMITTEE, Roles.CITY_ADMIN})
    @Operation(summary = "Stage 3: subcommittee forwards projects", description = "3차 분과심의: the subcommittee (분과) forwards "
            + "a set of its pre-reviewed projects to the 총회, once. The set may total at most 130% of its ceiling (실링액 130%); "
            + "otherwise 422 naming forwardedTotal, ceiling and limit.")
    @APIResponse(responseCode = "200", description = "Forwarded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ForwardingView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer or committee member of the district")
    @APIResponse(responseCode = "404", description = "No such cycle or subcommittee")
    @APIResponse(responseCode = "409", description = "Already forwarded, reviews pending or cycle not open")
    @APIResponse(responseCode = "422", description = "130% rule broken or invalid ids")
    public ForwardingView forward(@PathParam("cycleId") long cycleId, @PathParam("code") String code,
                                  @Valid @NotNull ReviewRequests.Forwarding request) {
        return reviews.forward(cycleId, code, request);
    }
}
