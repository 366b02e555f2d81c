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
@Tag(name = "Outreach centres", description = "찾아가는 동 주민센터 자치구 민관협력 지원")
@Produces(MediaType.APPLICATION_JSON)
public class OutreachResource {

    @Inject
    Caller caller;

    @Inject
    OutreachService outreach;

    @Schema(description = "참여 자치구와 단계, 간담회·자문회의 개최 여부")
    public record ParticipantView(String district, String name, OutreachDistrict.Stage stage, long meetings, long advisoryMeetings) {
    }

    @Schema(name = "OutreachNewMeeting", description = "민관협력 간담회(MEETING) 또는 자문회의(ADVISORY) 결과")
    public record NewMeeting(@NotNull OutreachMeeting.Kind kind, @NotNull @Schema(example = "2016-04-12") LocalDate heldOn,
                             @NotNull @Min(0) @Max(10000) @Schema(example = "32") Integer participants,
                             @NotBlank @Size(max = 5000) @Schema(example = "동 복지협의체와 종합복지관 역할 분담 합의") String result) {
    }

    @Schema(description = "분기별 민관협력 지원계획")
    public record NewSupportPlan(@NotNull @Min(1) @Max(4) @Schema(example = "2") Integer quarter,
                                 @NotNull @Schema(example = "2016-04-05") LocalDate plannedOn,
                                 @NotBlank @Size(max = 5000) @Schema(example = "운영위원회 구성 컨설팅, 자문회의 강사 섭외") String plan) {
    }

    @Schema(description = "분기별 민관협력 지원계획")
    public record SupportPlanView(UUID id, String district, int year, int quarter, LocalDate plannedOn, String plan) {
        static SupportPlanView of(OutreachSupportPlan p) {
            return new SupportPlanView(p.id, p.district, p.year, p.quarter, p.plannedOn, p.plan);
        }
    }

    @Schema(description = "기간 (첫날–끝날)")
    public record Period(@Schema(example = "2016-03-01") LocalDate from, @Schema(example = "2016-11-30") LocalDate to) {
    }

    @Schema(description = "자치구별 간담회·자문회의 수와 분기별 지원계획")
    public record PlanDistrict(String district, String name, OutreachDistrict.Stage stage, long meetings, long advisoryMeetings,
                               List<SupportPlanView> supportPlans) {
    }

    @Schema(description = "한 해의 찾아가는 동 주민센터 민관협력 지원계획 (seed 003)")
    public record PlanView(@Schema(example = "2016") int year, @Schema(description = "운영기간 (2016: 3–11월)") Period operating,
                           @Schema(description = "민관협력 간담회 기간 (2016: 3–4월)") Period meetings,
                           @Schema(description = "민관협력 협의체 설계·운영지원 기간 (2016: 4–11월)") Period councilSupport,
                           @Schema(description = "지원계획을 세울 분기 (분기별 1회)", example = "[2, 3, 4]") List<Integer> supportPlanQuarters,
                           @Schema(description = "소요예산 사업 (GET /programmes/{id})", example = "outreach-2016") String programmeId,
                           List<PlanDistrict> districts) {
    }

    @Schema(description = "컨설팅 요청")
    public record NewConsulting(@NotNull LocalDate requestedOn, @NotBlank @Size(max = 300) @Schema(example = "민관 사례회의 운영 방법") String topic) {
    }

    @Schema(description = "컨설팅 답변")
    public record Answer(@NotNull LocalDate answeredOn, @NotBlank @Size(max = 5000) String answer) {
    }

    @POST
    @Path("/imports/2016")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Load the seed's 2016 participating districts and calendar (2016 참여 자치구·운영기간 적재)",
            description = "seed 003: 1단계 전동 4, 일부 9, 2단계 신규 4 = 17개 자치구; 운영기간 3–11월, 간담회 3–4월, 협의체 지원 4–11월.")
    @APIResponse(responseCode = "200", description = "Number loaded (0 if already there)")
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    public java.util.Map<String, Integer> importSeed() {
        return java.util.Map.of("imported", outreach.importSeed2016());
    }

    @GET
    @Path("/districts")
    @PermitAll
    @Operation(summary = "Participating districts by stage (단계별 참여 자치구)", description = "연도별 참여 자치구, 단계, 간담회·자문회의 개최 수.")
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
            description = "참여 자치구만, 그 해의 기간 안에서: 민관협력 간담회는 간담회 기간(2016: 3–4월), 자문회의는 운영기간(2016: 3–11월).")
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
    @Operation(summary = "Ask for consulting (컨설팅 요청)", description = "자치구가 시 추진지원단에 수시 컨설팅을 요청한다.")
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
    @Operation(summary = "Answer a consulting request (컨설팅 처리)", description = "시 추진지원단이 답변하고 처리 완료한다.")
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
    @Operation(summary = "A district's consulting requests (컨설팅 요청 현황)", description = "요청과 처리 상태.")
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
            description = "시 추진지원단. 참여 자치구마다 협의체 지원 기간이 걸친 분기에 1회 (2016: 2·3·4분기), 그 분기가 끝나기 전에 세운다. "
                    + "같은 분기에 두 번째 계획은 409.")
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
            description = "운영기간, 간담회 기간, 협의체 지원 기간과 지원계획을 세울 분기, 자치구별 간담회·자문회의 수와 분기별 지원계획, "
                    + "소요예산 사업 id (GET /programmes/{id}: 10,540천원).")
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
