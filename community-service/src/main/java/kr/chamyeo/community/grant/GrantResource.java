package kr.chamyeo.community.grant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.community.grant.GrantRequests.ApplicationRequest;
import kr.chamyeo.community.grant.GrantRequests.DecisionRequest;
import kr.chamyeo.community.grant.GrantRequests.ProgrammeRequest;
import kr.chamyeo.community.grant.GrantRequests.ValuationRequest;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/")
@Tag(name = "Grant programmes (공모사업)")
@Produces(MediaType.APPLICATION_JSON)
public class GrantResource {

    @Inject
    GrantService grants;

    @Inject
    Caller caller;

    @Schema(description = "A programme with its quota and budget use")
    public record ProgrammeView(UUID id, String district, int year, String name, ResidentGroup.Kind kind, int minMembers,
                                GrantProgramme.Eligibility eligibility,
                                @Schema(description = "the smallest grant per group, 원 (the seed range's bottom for a department programme)", example = "3500000") long minGrant,
                                @Schema(description = "the largest grant per group, 원", example = "10000000") long grantAmount, int yearlyQuota, long budget,
                                long labourRatePerHour, long professionalMaxRatePerHour,
                                java.math.BigDecimal minimumContributionShare,
                                @Schema(description = "Share of the own contribution recognised in kind (현금 외 자부담 인정 비율) in the programme year") java.math.BigDecimal nonCashShareCap,
                                long selected, long granted) {
    }

    @Schema(description = "An application with its valued self-contribution")
    public record ApplicationView(UUID id, UUID programmeId, UUID groupId, String title, long requestedAmount,
                                  ContributionValuation.Result valuation, GrantApplication.Status status, Long grantedAmount,
                                  String decisionReason, OffsetDateTime submittedAt) {
    }

    @POST
    @Path("programmes")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a grant programme (공모 개설)", description = "A district's programme by its OFFICER; a city-wide one (no district) by CITY_ADMIN.")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "422", description = "Invalid programme")
    public Response createProgramme(@Valid @NotNull ProgrammeRequest request) {
        requireManager(request.district());
        return Response.status(201).entity(view(grants.createProgramme(request))).build();
    }

    @GET
    @Path("programmes")
    @PermitAll
    @Operation(summary = "List grant programmes (공모 목록)", description = "Public; filter by district and year.")
    @APIResponse(responseCode = "200", description = "Programmes", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "422", description = "Bad district code")
    public List<ProgrammeView> programmes(@QueryParam("district") @DistrictCode String district, @QueryParam("year") Integer year) {
        return GrantProgramme.filtered(district, year).stream().map(this::view).toList();
    }

    @GET
    @Path("programmes/{id}")
    @PermitAll
    @Operation(summary = "A grant programme (공모)", description = "Public, with how much of the quota and budget is used.")
    @APIResponse(responseCode = "200", description = "Programme", content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "No such programme")
    public ProgrammeView programme(@PathParam("id") UUID id) {
        return view(grants.programme(id));
    }

    @POST
    @Path("programmes/{id}/valuations")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Value a self-contribution (자부담 평가 미리보기)", description = "Applies the programme's valuation rule and the year's cap without storing anything. Public.")
    @APIResponse(responseCode = "200", description = "Valuation", content = @Content(schema = @Schema(implementation = ContributionValuation.Result.class)))
    @APIResponse(responseCode = "404", description = "No such programme")
    @APIResponse(responseCode = "422", description = "Invalid contribution")
    public ContributionValuation.Result valuate(@PathParam("id") UUID id, @Valid @NotNull ValuationRequest request) {
        return grants.valuate(grants.programme(id), request.requestedAmount(), request.contributions());
    }

    @POST
    @Path("programmes/{id}/applications")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply to a programme (공모 신청)", description = "By the group's leader, with the self-contribution (자부담) in cash and in kind.")
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "Not the group's leader")
    @APIResponse(responseCode = "404", description = "No such programme or group")
    @APIResponse(responseCode = "409", description = "Already applied")
    @APIResponse(responseCode = "422", description = "Rule broken (members, amount, contribution)")
    public Response apply(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequest request) {
        GrantApplication a = grants.apply(grants.programme(id), request, caller.subject());
        return Response.status(201).entity(view(a)).build();
    }

    @GET
    @Path("programmes/{id}/applications")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A programme's applications (신청 목록)", description = "For officers of the programme's district and city administrators.")
    @APIResponse(responseCode = "200", description = "Applications", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "No such programme")
    public List<ApplicationView> applications(@PathParam("id") UUID id) {
        GrantProgramme p = grants.programme(id);
        requireManager(p.district);
        return GrantApplication.toProgramme(id).stream().map(this::view).toList();
    }

    @POST
    @Path("applications/{id}/decision")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Select or reject an application (선정·탈락)", description = "The programme's yearly quota and budget are enforced.")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "No such application")
    @APIResponse(responseCode = "409", description = "Already decided, quota reached or budget exceeded")
    @APIResponse(responseCode = "422", description = "Rejection without reason")
    public ApplicationView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        GrantApplication a = grants.application(id);
        requireManager(grants.programme(a.programmeId).district);
        GrantApplication.Status status = request.decision() == GrantRequests.Decision.SELECTED
                ? GrantApplication.Status.SELECTED : GrantApplication.Status.REJECTED;
        return view(grants.decide(a.id, status, request.reason(), caller.subject()));
    }

    private void requireManager(String district) {
        if (district == null) {
            if (!caller.isCityAdmin()) {
                throw ProblemException.forbidden("Only CITY_ADMIN runs city-wide programmes");
            }
        } else {
            caller.requireDistrict(district, Roles.OFFICER);
        }
    }

    private ProgrammeView view(GrantProgramme p) {
        return new ProgrammeView(p.id, p.district, p.year, p.name, p.kind, p.minMembers, p.eligibility, p.minGrant, p.grantAmount, p.yearlyQuota,
                p.budget, p.labourRate, p.professionalMaxRate, p.minimumContributionShare,
                ContributionValuation.nonCashShareCap(p.year), grants.selectedCount(p.id), grants.granted(p.id));
    }

    private ApplicationView view(GrantApplication a) {
        return new ApplicationView(a.id, a.programmeId, a.groupId, a.title, a.requestedAmount, grants.storedValuation(a), a.status,
                a.grantedAmount, a.decisionReason, a.submittedAt);
    }
}
