package kr.chamyeo.budget.cycle;

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

@Path("/cycles")
@Tag(name = "Cycles", description = "Participatory-budget cycles (주민참여예산·청년자율예산 편성 주기)")
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource {

    @Inject
    CycleService cycles;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Create a cycle", description = "Opens a 주민참여예산 (RESIDENT) or 청년자율예산 (YOUTH) cycle of a "
            + "district and budget year with its total (규모), project caps (일반사업·행사성 사업 상한), subcommittees (분과·실링액), "
            + "electorates and their weights (주민 엠보팅·위원 투표, or any list such as Seoul 2018's 50/40/10) and selection rule. "
            + "Officer of that district or city admin; district 11000 is Seoul's city-level YOUTH cycle (청년자율예산제), opened "
            + "by city admins only. Publishes CycleCreated.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CycleView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of that district")
    @APIResponse(responseCode = "409", description = "The district already has this cycle")
    @APIResponse(responseCode = "422", description = "Invalid field or rule")
    public Response create(@Valid @NotNull CycleRequest request) {
        CycleView view = cycles.create(request);
        return Response.status(201).entity(view).header("Location", "/api/v1/budget/cycles/" + view.id()).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List cycles", description = "Cycles (편성 주기) filtered by district, year and kind, newest year first, paged.")
    @APIResponse(responseCode = "200", description = "A page of cycles")
    @APIResponse(responseCode = "422", description = "Invalid filter")
    public Page<CycleView> list(@QueryParam("district") @CycleOwner String district,
                                @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                @QueryParam("kind") CycleKind kind,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return cycles.list(district, year, kind, page, size);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a cycle", description = "One cycle (편성 주기) with its subcommittees (분과) and status.")
    @APIResponse(responseCode = "200", description = "The cycle", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CycleView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle")
    public CycleView get(@PathParam("id") long id) {
        return cycles.get(id);
    }
}
