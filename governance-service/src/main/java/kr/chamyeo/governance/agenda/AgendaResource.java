package kr.chamyeo.governance.agenda;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/agendas")
@Tag(name = "Agendas", description = "Found agenda (발굴의제) → policy proposal (정책제안) → reflection in district policy (구정반영)")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {

    @Inject
    Caller caller;

    @Inject
    AgendaService agendas;

    @Schema(description = "Register a found agenda (발굴의제 등록)")
    public record NewAgenda(@NotBlank @DistrictCode @Schema(example = "11545") String district,
                            @NotNull @Min(2000) @Max(2100) @Schema(example = "2020") Integer year,
                            @NotBlank @Size(max = 200) @Schema(example = "청년 1인가구 주거비 지원") String title,
                            @NotBlank @Size(max = 100) @Schema(example = "주거") String domain) {
    }

    @Schema(description = "Policy proposal (정책제안)")
    public record Proposal(@NotBlank @Size(max = 5000) @Schema(example = "월 10만원 주거비 6개월 지원") String proposal) {
    }

    @Schema(description = "Outcome of the reflection in district policy (구정반영 결과): BUDGETED_NEXT_YEAR (차년도 예산 편성, budgeted for next year), ORDINANCE_AMENDED (조례개정, ordinance amended), REJECTED (미반영, not reflected; reason required)")
    public record Reflection(@NotNull AgendaStatus outcome, @Size(max = 2000) @Schema(example = "2021년 본예산 120백만원 편성") String detail,
                             @Size(max = 2000) String reason) {
    }

    @Schema(description = "Found agenda (발굴의제)")
    public record AgendaView(UUID id, String district, String districtName, int year, String title, String domain,
                             AgendaStatus status, String proposal, String outcomeDetail, String rejectionReason) {
        static AgendaView of(Agenda a) {
            return new AgendaView(a.id, a.district, SeoulDistricts.name(a.district), a.year, a.title, a.domain, a.status,
                    a.proposal, a.outcomeDetail, a.rejectionReason);
        }
    }

    @Schema(description = "Number of agendas by status (상태별 의제 수)")
    public record Summary(int year, Map<AgendaStatus, Long> byStatus, long reflected) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record a found agenda (발굴의제 등록)", description = "An agenda found by the district's youth participation body (자치구 청년참여기구).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response create(@Valid @NotNull NewAgenda request) {
        caller.requireDistrict(request.district(), Roles.OFFICER);
        return Response.status(201).entity(AgendaView.of(agendas.create(request))).build();
    }

    @POST
    @Path("/{id}/proposal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Turn an agenda into a policy proposal (정책제안)", description = "Works a found agenda (발굴의제) out into a policy proposal (정책제안).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "404", description = "Unknown agenda")
    @APIResponse(responseCode = "409", description = "Not in FOUND status")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public AgendaView propose(@PathParam("id") UUID id, @Valid @NotNull Proposal request) {
        return AgendaView.of(agendas.propose(id, request.proposal()));
    }

    @POST
    @Path("/{id}/reflection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record how the proposal was reflected (구정반영)", description = "Budgeted for next year (차년도 예산 편성), ordinance amended (조례개정), or not reflected (미반영, with a reason).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "404", description = "Unknown agenda")
    @APIResponse(responseCode = "409", description = "Transition not allowed")
    @APIResponse(responseCode = "422", description = "Missing reason or outcome")
    public AgendaView reflect(@PathParam("id") UUID id, @Valid @NotNull Reflection request) {
        if (!request.outcome().isFinal()) {
            throw ProblemException.unprocessable("outcome", "must be BUDGETED_NEXT_YEAR, ORDINANCE_AMENDED or REJECTED");
        }
        return AgendaView.of(agendas.reflect(id, request.outcome(), request.detail(), request.reason()));
    }

    @GET
    @PermitAll
    @Operation(summary = "Agendas of a district and year (발굴의제 목록)", description = "Public list (공개 목록).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgendaView[].class)))
    @APIResponse(responseCode = "422", description = "Bad district")
    public List<AgendaView> list(@QueryParam("district") String district, @QueryParam("year") Integer year) {
        if (district != null && !SeoulDistricts.isDistrict(district)) {
            throw ProblemException.unprocessable("district", "must be one of Seoul's 25 district codes");
        }
        return agendas.list(district, year).stream().map(AgendaView::of).toList();
    }

    @GET
    @Path("/summary")
    @PermitAll
    @Operation(summary = "Agenda reflection summary of a year (구정반영 현황)", description = "Number of agendas by status and number reflected in district policy (구정반영: budget and ordinance, 예산·조례).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "422", description = "Missing year")
    public Summary summary(@Parameter(required = true) @QueryParam("year") Integer year) {
        if (year == null) {
            throw ProblemException.unprocessable("year", "is required");
        }
        Map<AgendaStatus, Long> byStatus = agendas.byStatus(year);
        return new Summary(year, byStatus, byStatus.get(AgendaStatus.BUDGETED_NEXT_YEAR) + byStatus.get(AgendaStatus.ORDINANCE_AMENDED));
    }
}
