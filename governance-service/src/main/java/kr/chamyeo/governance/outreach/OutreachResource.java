package kr.chamyeo.governance.outreach;

import java.time.LocalDate;
import java.util.List;
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

import kr.chamyeo.governance.Years;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/outreach")
@Tag(name = "Outreach centres", description = "Public–private cooperation support (민관협력 지원) for the districts (자치구) of the outreach community centres (찾아가는 동 주민센터)")
@Produces(MediaType.APPLICATION_JSON)
public class OutreachResource {

    @Inject
    Caller caller;

    @Inject
    OutreachService outreach;

    @Schema(description = "A participating district (참여 자치구) and its stage (단계), with the meetings and advisory meetings held (간담회·자문회의 개최 여부)")
    public record ParticipantView(String district, String name, OutreachDistrict.Stage stage, long meetings, long advisoryMeetings) {
    }

    @Schema(name = "OutreachNewMeeting", description = "Result of a public–private meeting (민관협력 간담회, MEETING) or an advisory meeting (자문회의, ADVISORY) (결과)")
    public record NewMeeting(@NotNull OutreachMeeting.Kind kind, @NotNull @Schema(example = "2016-04-12") LocalDate heldOn,
                             @NotNull @Min(0) @Max(10000) @Schema(example = "32") Integer participants,
                             @NotBlank @Size(max = 5000) @Schema(example = "동 복지협의체와 종합복지관 역할 분담 합의") String result) {
    }

    @Schema(description = "Quarterly public–private cooperation support plan (분기별 민관협력 지원계획)")
    public record NewSupportPlan(@NotNull @Min(1) @Max(4) @Schema(example = "2") Integer quarter,
                                 @NotNull @Schema(example = "2016-04-05") LocalDate plannedOn,
                                 @NotBlank @Size(max = 5000) @Schema(example = "운영위원회 구성 컨설팅, 자문회의 강사 섭외") String plan) {
    }

    @Schema(description = "Quarterly public–private cooperation support plan (분기별 민관협력 지원계획)")
    public record SupportPlanView(UUID id, String district, int year, int quarter, LocalDate plannedOn, String plan) {
        static SupportPlanView of(OutreachSupportPlan p) {
            return new SupportPlanView(p.id, p.district, p.year, p.quarter, p.plannedOn, p.plan);
        }
    }

    @Schema(description = "A period (기간): first day–last day (첫날–끝날)")
    public record Period(@Schema(example = "2016-03-01") LocalDate from, @Schema(example = "2016-11-30") LocalDate to) {
    }

    @Schema(description = "Per district (자치구별): number of meetings and advisory meetings (간담회·자문회의 수) and quarterly support plans (분기별 지원계획)")
    public record PlanDistrict(String district, String name, OutreachDistrict.Stage stage, long meetings, long advisoryMeetings,
                               List<SupportPlanView> supportPlans) {
    }

    @Schema(description = "A year's public–private cooperation support plan for the outreach community centres (찾아가는 동 주민센터 민관협력 지원계획) (seed 003)")
    public record PlanView(@Schema(example = "2016") int year, @Schema(description = "Operating period (운영기간) (2016: 3–11월, March–November)") Period operating,
                           @Schema(description = "Public–private meeting period (민관협력 간담회 기간) (2016: 3–4월, March–April)") Period meetings,
                           @Schema(description = "Period of support for designing and running the public–private council (민관협력 협의체 설계·운영지원 기간) (2016: 4–11월, April–November)") Period councilSupport,
                           @Schema(description = "Quarters that need a support plan (지원계획을 세울 분기), once per quarter (분기별 1회)", example = "[2, 3, 4]") List<Integer> supportPlanQuarters,
                           @Schema(description = "Budget programme (소요예산 사업) (GET /programmes/{id})", example = "outreach-2016") String programmeId,
                           List<PlanDistrict> districts) {
    }

    @Schema(description = "A consulting request (컨설팅 요청)")
    public record NewConsulting(@NotNull LocalDate requestedOn, @NotBlank @Size(max = 300) @Schema(example = "민관 사례회의 운영 방법") String topic) {
    }

    @Schema(description = "A consulting answer (컨설팅 답변)")
    public record Answer(@NotNull LocalDate answeredOn, @NotBlank @Size(max = 5000) String answer) {
    }

    @POST
    @Path("/imports/2016")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Load the seed's 2016 participating districts and calendar (2016 참여 자치구·운영기간 적재)",
            description = "seed 003: stage 1 (1단계) with all neighbourhoods 4 (전동 4) and some 9 (일부 9), stage 2 (2단계) new 4 (신규 4) = 17 districts (17개 자치구); operating period (운영기간) 3–11월, meetings (간담회) 3–4월, council support (협의체 지원) 4–11월.")
    @APIResponse(responseCode = "200", description = "Number loaded (0 if already there)")
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    public java.util.Map<String, Integer> importSeed() {
        return java.util.Map.of("imported", outreach.importSeed2016());
    }

    @GET
    @Path("/districts")
    @PermitAll
    @Operation(summary = "Participating districts by stage (단계별 참여 자치구)", description = "Participating districts by year (연도별 참여 자치구), their stage (단계), and the number of meetings and advisory meetings held (간담회·자문회의 개최 수).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ParticipantView[].class)))
    @APIResponse(responseCode = "422", description = "Missing year")
    public List<ParticipantView> participants(@Parameter(required = true) @QueryParam("year") Integer year) {
        if (year == null) {
            throw ProblemException.unprocessable("year", "is required");
        }
        return outreach.participants(year);
    }

    @POST
    @Path("/districts/{district}/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record a public–private or advisory meeting (간담회·자문회의 결과)",
            description = "Participating districts only (참여 자치구만), within the year's periods (그 해의 기간): a public–private meeting (민관협력 간담회) in the meeting period (간담회 기간, 2016: 3–4월), an advisory meeting (자문회의) in the operating period (운영기간, 2016: 3–11월).")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown district")
    @APIResponse(responseCode = "422", description = "Not participating that year, outside the meeting's period, or invalid")
    public Response meeting(@PathParam("district") String district, @Valid @NotNull NewMeeting request) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER);
        OutreachMeeting m = outreach.recordMeeting(district, request);
        return Response.status(201).entity(m).build();
    }

    @POST
    @Path("/districts/{district}/consulting-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Ask for consulting (컨설팅 요청)", description = "A district (자치구) asks the city's support team (시 추진지원단) for consulting at any time (수시 컨설팅).")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response consulting(@PathParam("district") String district, @Valid @NotNull NewConsulting request) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER);
        ConsultingRequest c = outreach.requestConsulting(district, request);
        return Response.status(201).entity(c).build();
    }

    @POST
    @Path("/consulting-requests/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Answer a consulting request (컨설팅 처리)", description = "The city's support team (시 추진지원단) answers and closes the request (처리 완료).")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown request")
    @APIResponse(responseCode = "409", description = "Already answered")
    @APIResponse(responseCode = "422", description = "Answer before request")
    public ConsultingRequest answer(@PathParam("id") UUID id, @Valid @NotNull Answer request) {
        return outreach.answer(id, request);
    }

    @GET
    @Path("/districts/{district}/consulting-requests")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A district's consulting requests (컨설팅 요청 현황)", description = "Requests and their status (요청과 처리 상태).")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Other district")
    public List<ConsultingRequest> requests(@PathParam("district") String district) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER);
        return outreach.requests(district);
    }

    @POST
    @Path("/districts/{district}/support-plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Plan a district's support for a quarter (분기별 민관협력 지원계획)",
            description = "The city's support team (시 추진지원단). Once for each participating district (참여 자치구마다) in each quarter the council-support period (협의체 지원 기간) spans (2016: 2·3·4분기), made before that quarter ends (그 분기가 끝나기 전에). "
                    + "A second plan in the same quarter (같은 분기) is 409.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SupportPlanView.class)))
    @APIResponse(responseCode = "404", description = "Unknown district")
    @APIResponse(responseCode = "409", description = "The quarter already has its plan")
    @APIResponse(responseCode = "422", description = "Not participating, a quarter outside the support period, or invalid")
    public Response supportPlan(@PathParam("district") String district, @Valid @NotNull NewSupportPlan request) {
        checkDistrict(district);
        OutreachSupportPlan plan = outreach.planSupport(district, request);
        return Response.status(201).entity(SupportPlanView.of(plan)).build();
    }

    @GET
    @Path("/plan")
    @PermitAll
    @Operation(summary = "The year's outreach plan: periods, quarterly support plans, budget (찾아가는 동 주민센터 민관협력 지원계획)",
            description = "Operating period (운영기간), meeting period (간담회 기간), council-support period (협의체 지원 기간) and the quarters that need a support plan (지원계획을 세울 분기), per-district meetings and advisory meetings (자치구별 간담회·자문회의 수) and quarterly support plans (분기별 지원계획), "
                    + "and the budget programme id (소요예산 사업 id) (GET /programmes/{id}: 10,540천원).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No programme that year")
    @APIResponse(responseCode = "422", description = "Missing year")
    public PlanView plan(@Parameter(required = true) @QueryParam("year") Integer year) {
        Years.required("year", year);
        return outreach.plan(year);
    }

    private static void checkDistrict(String district) {
        if (!SeoulDistricts.isDistrict(district)) {
            throw ProblemException.notFound("District", district);
        }
    }
}
