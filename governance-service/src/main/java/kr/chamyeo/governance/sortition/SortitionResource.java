package kr.chamyeo.governance.sortition;

import java.util.UUID;

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

import kr.chamyeo.governance.sortition.SortitionApi.CreateSortition;
import kr.chamyeo.governance.sortition.SortitionApi.DistributionView;
import kr.chamyeo.governance.sortition.SortitionApi.DrawRequest;
import kr.chamyeo.governance.sortition.SortitionApi.SortitionSummary;
import kr.chamyeo.governance.sortition.SortitionApi.SortitionView;
import kr.chamyeo.governance.sortition.SortitionApi.Verification;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.page.Page;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/sortitions")
@Tag(name = "Sortition", description = "Fair sortition (공정 추첨): citizens' juries and residents' autonomy council members (시민배심원·주민자치회 위원 추첨)")
@Produces(MediaType.APPLICATION_JSON)
public class SortitionResource {

    @Inject
    SortitionService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Create a fair sortition (공정 추첨 생성)", description = "Draws from the volunteer pool (지원자 풀) a panel that "
            + "meets the quotas (할당: sex, age band, area, etc.). LEXIMIN fairness: among probability distributions over quota-meeting panels, maximise the lowest selection probability, "
            + "then the next lowest in turn (Flanigan et al., Nature 2021). The answer carries each volunteer's selection probability (선발 확률). The seed's SHA-256 is published first, the seed after the draw. "
            + "With drawNow=false only the seed hash is published and the service waits for /draw: it does not store the seed and gives it once to the "
            + "officer (담당자) as the answer's sealedSeed. The draw uses the seed mixed with the public value fixed at the ceremony (추첨식). With citizensJury the citizens' jury (주민배심원, seed 004) eligibility is checked first: "
            + "35 + 5 people, 200–300 volunteers, aged 18 or over (만 18세 이상) on the first day of the term, a running period (운영기간) of at most 90 days.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SortitionView.class)))
    @APIResponse(responseCode = "422", description = "Invalid input or quotas that cannot all be met (conflictingQuotas)")
    @APIResponse(responseCode = "403", description = "Other district's officer")
    public Response create(@Valid @NotNull CreateSortition request) {
        caller.requireDistrict(request.district(), Roles.OFFICER);
        return Response.status(201).entity(service.create(request)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List sortitions (추첨 목록)", description = "Sortitions by district, newest first (추첨 목록). Public information only: status, size, number of volunteers, "
            + "seed hash and (after the draw) seed. The volunteer pool and the selected (지원자 풀·선발자) show only in the officer's view (/{id}).")
    @APIResponse(responseCode = "200", description = "A page of sortitions", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "422", description = "Invalid filter or paging")
    public Page<SortitionSummary> list(@QueryParam("district") @DistrictCode String district,
                                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(district, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A sortition with inputs, commitment, seed, panel and probabilities (추첨 조회)",
            description = "Inputs (지원자 풀·할당), seed hash, (after the draw) seed, the selected (선발자), reserves (예비자), each volunteer's selection probability.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = SortitionView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public SortitionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/distribution")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "The lottery over panels (패널 확률분포)", description = "The solution of the LEXIMIN LP: types (유형), compositions (구성, people per type) and each composition's probability. Used to reproduce the draw (추첨 재현).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DistributionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "A failed lottery has no distribution")
    public DistributionView distribution(@PathParam("id") UUID id) {
        return service.distribution(id);
    }

    @POST
    @Path("/{id}/draw")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draw at the public ceremony and reveal the seed (공개 추첨식·시드 공개)", description = "The officer (담당자) enters the seed received at creation "
            + "(its hash must equal seedCommitment) and the value fixed in public at the ceremony (추첨식 공개값). Draw seed = hex(SHA-256(\"chamyeo-sortition:\" + "
            + "seed + \":\" + publicValue)); seed and public value are published, so anyone can recompute the draw. The data stored before the draw "
            + "alone cannot reveal the panel.")
    @APIResponse(responseCode = "200", description = "Drawn", content = @Content(schema = @Schema(implementation = SortitionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "Already drawn or failed")
    @APIResponse(responseCode = "422", description = "No public value, or a seed that does not match the commitment")
    public SortitionView draw(@PathParam("id") UUID id, @Valid @NotNull DrawRequest request) {
        return service.draw(id, request);
    }

    @GET
    @Path("/{id}/verification")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Re-run the draw from the revealed seed (추첨 검증)", description = "Draws again from the revealed seed (공개된 시드) and the stored inputs and distribution, and compares the results.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "Not drawn yet")
    public Verification verify(@PathParam("id") UUID id) {
        return service.verify(id);
    }
}
