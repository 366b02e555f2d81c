package kr.chamyeo.governance.taskforce;

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
import kr.chamyeo.governance.district.Regions;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/tf")
@Tag(name = "Governance TF", description = "District youth-policy governance TF (자치구 청년정책 거버넌스 TF): cooperation officers (협력관), youth participation bodies (청년참여기구), consulting group (컨설팅단), instructor pool (강사단), TF composition (TF 구성)")
@Produces(MediaType.APPLICATION_JSON)
public class TfResource {

    @Inject
    Caller caller;

    @Inject
    TfService tf;

    @Schema(description = "Registration of a cooperation officer (협력관 등록); the contact is not public (연락처는 비공개)")
    public record NewOfficer(@NotBlank @Size(max = 100) @Schema(example = "박협력") String name,
                             @Size(max = 200) @Schema(example = "010-0000-0000") String contact) {
    }

    @Schema(description = "Appointment of a cooperation officer (협력관 위촉)")
    public record NewAppointment(@NotBlank @DistrictCode @Schema(example = "11545") String district,
                                 @NotBlank @Size(max = 200) @Schema(example = "서울청년시민회의 운영지원단") String affiliation,
                                 @NotNull @Schema(example = "2020-06-01") LocalDate termStart,
                                 @NotNull @Schema(example = "2020-12-31") LocalDate termEnd) {
    }

    @Schema(description = "One appointment record (위촉 이력 한 건)")
    public record AppointmentView(UUID id, String district, String districtName, String region, String affiliation,
                                  LocalDate termStart, LocalDate termEnd) {
        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.id, a.district, SeoulDistricts.name(a.district), a.region, a.affiliation, a.termStart, a.termEnd);
        }
    }

    @Schema(description = "A cooperation officer with the appointment history (협력관과 위촉 이력); contact only for authorised callers (연락처는 권한 있는 호출자에게만)")
    public record OfficerView(UUID id, String name, String contact, List<AppointmentView> appointments) {
    }

    @Schema(description = "A cooperation officer serving on a given date (특정 시점에 활동 중인 협력관), public")
    public record ActiveOfficer(UUID officerId, String name, AppointmentView appointment) {
    }

    @Schema(description = "A youth participation body (청년참여기구)")
    public record NewBody(@NotNull @Min(2000) @Max(2100) @Schema(example = "2020") Integer year,
                          @NotBlank @Size(max = 200) @Schema(example = "금천구 청년정책네트워크") String name,
                          @Size(max = 100) @Schema(example = "이매니저") String manager,
                          @NotNull @Min(0) @Max(10000) @Schema(example = "45") Integer memberCount) {
    }

    @Schema(description = "A consulting-group expert or an instructor (컨설팅단 전문가 또는 강사단)")
    public record NewExpert(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull Expert.Kind kind,
                            @NotBlank @Size(max = 100) String name,
                            @NotBlank @Size(max = 100) @Schema(example = "주거") String domain,
                            @Size(max = 200) String affiliation, @Size(max = 200) String contact) {
    }

    @Schema(description = "An expert (전문가), public: without contact (연락처 제외)")
    public record ExpertView(UUID id, int year, Expert.Kind kind, String name, String domain, String affiliation) {
    }

    @POST
    @Path("/officers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Register a cooperation officer (협력관 등록)", description = "Registers a cooperation officer (협력관) whom the city (서울시) will appoint.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OfficerView.class)))
    @APIResponse(responseCode = "422", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    public Response newOfficer(@Valid @NotNull NewOfficer request) {
        CooperationOfficer o = tf.newOfficer(request);
        return Response.status(201).entity(new OfficerView(o.id, o.name, o.contact, List.of())).build();
    }

    @POST
    @Path("/officers/{id}/appointments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Appoint or re-appoint an officer (협력관 위촉·재위촉)",
            description = "Each appointment (위촉) is a separate record, so a re-appointment (재위촉) keeps the earlier terms (이전 임기). The region (권역) follows from the district (자치구). Overlapping terms (임기가 겹치면): 409.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OfficerView.class)))
    @APIResponse(responseCode = "404", description = "Unknown officer")
    @APIResponse(responseCode = "409", description = "Overlapping term")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response appoint(@PathParam("id") UUID id, @Valid @NotNull NewAppointment request) {
        return Response.status(201).entity(tf.appoint(id, request)).build();
    }

    @GET
    @Path("/officers/{id}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.OFFICER})
    @Operation(summary = "An officer with the whole appointment history (협력관 위촉 이력)", description = "The contact (연락처) is shown to the city admin (서울시 관리자) only.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = OfficerView.class)))
    @APIResponse(responseCode = "404", description = "Unknown officer")
    public OfficerView officerHistory(@PathParam("id") UUID id) {
        return tf.officer(id, caller.isCityAdmin());
    }

    @GET
    @Path("/officers")
    @PermitAll
    @Operation(summary = "Officers serving on a date, by region (권역별 협력관)", description = "Officers (협력관) in term on the given date (지정일; default: today, 기본: 오늘). Without contact (연락처 제외).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ActiveOfficer[].class)))
    @APIResponse(responseCode = "422", description = "Bad region")
    public List<ActiveOfficer> active(@QueryParam("on") LocalDate on, @QueryParam("region") String region) {
        LocalDate day = on == null ? LocalDate.now() : on;
        if (region != null && SeoulDistricts.all().keySet().stream().noneMatch(c -> region.equals(Regions.of(c)))) {
            throw ProblemException.unprocessable("region", "must be one of 도심권, 동북권, 서북권, 서남권, 동남권");
        }
        return tf.serving(day, region);
    }

    @POST
    @Path("/districts/{district}/participation-bodies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record a district's youth participation body (청년참여기구 등록)", description = "The district's officer or the city (자치구 담당 공무원 또는 서울시).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ParticipationBody.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "409", description = "Same name and year exists")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response newBody(@PathParam("district") String district, @Valid @NotNull NewBody request) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER);
        ParticipationBody b = tf.newBody(district, request);
        return Response.status(201).entity(b).build();
    }

    @GET
    @Path("/districts/{district}/participation-bodies")
    @PermitAll
    @Operation(summary = "A district's youth participation bodies (청년참여기구 조회)", description = "Youth participation bodies by year with their headcount (연도별 청년참여기구와 인원). For a body with recorded members, the headcount (인원, memberCount) is the number of recorded members (기록된 위원 수) (/tf/body-members).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ParticipationBody[].class)))
    @APIResponse(responseCode = "404", description = "Unknown district")
    public List<ParticipationBody> bodies(@PathParam("district") String district, @QueryParam("year") Integer year) {
        checkDistrict(district);
        return tf.bodies(district, year);
    }

    @POST
    @Path("/experts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Add a consulting expert or instructor (컨설팅단·강사단 등록)", description = "An expert per policy domain (정책 부문별 전문가) or a training instructor (교육 강사).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ExpertView.class)))
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response newExpert(@Valid @NotNull NewExpert request) {
        Expert e = tf.newExpert(request);
        return Response.status(201).entity(new ExpertView(e.id, e.year, e.kind, e.name, e.domain, e.affiliation)).build();
    }

    @GET
    @Path("/experts")
    @PermitAll
    @Operation(summary = "Consulting group and instructor pool (컨설팅단·강사단 조회)", description = "Filtered by year, kind and domain (연도·구분·부문). Without contact (연락처 제외).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ExpertView[].class)))
    public List<ExpertView> experts(@QueryParam("year") Integer year, @QueryParam("kind") Expert.Kind kind, @QueryParam("domain") String domain) {
        return tf.experts(year, kind, domain).stream()
                .map(e -> new ExpertView(e.id, e.year, e.kind, e.name, e.domain, e.affiliation)).toList();
    }

    @Schema(description = "A year's TF composition (TF 구성): cooperation officers by region (협력관, 권역별), consulting group by domain (컨설팅단, 부문별), instructor pool (강사단), youth participation bodies (청년참여기구)")
    public record TfComposition(@Schema(example = "2020") int year,
                                @Schema(description = "Cooperation officers with a term in the year (그 해에 임기가 있는 협력관 수)") long officers,
                                @Schema(description = "Cooperation officers by region (권역별 협력관 수)") java.util.Map<String, Long> officersByRegion,
                                @Schema(description = "Consulting-group headcount (컨설팅단 인원)") long consultants,
                                @Schema(description = "Consulting-group headcount by domain (부문별 컨설팅단 인원)") java.util.Map<String, Long> consultantsByDomain,
                                @Schema(description = "Instructor-pool headcount (강사단 인원)") long instructors,
                                @Schema(description = "Number of youth participation bodies (청년참여기구 수)") long participationBodies,
                                @Schema(description = "Districts with a youth participation body (청년참여기구가 있는 자치구 수)") long districtsWithBodies,
                                @Schema(description = "Total headcount of the youth participation bodies (청년참여기구 참여 인원 합계)") long bodyMembers) {
    }

    @GET
    @Path("/composition")
    @PermitAll
    @Operation(summary = "The TF's composition in a year (거버넌스 TF 구성)",
            description = "The three pillars of the TF of the city's youth bureau and private experts (서울시 청년청·민간 전문가): cooperation officers by region (협력관, 권역별) who support running the youth participation bodies (청년참여기구 운영), "
                    + "a consulting group by domain (컨설팅단, 부문별) who help turn agendas into policy (의제 정책화), an instructor pool (강사단) for training (교육), and the district youth participation bodies (자치구 청년참여기구) they support. Headcounts only (인원 수만 공개).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TfComposition.class)))
    @APIResponse(responseCode = "422", description = "Missing year")
    public TfComposition composition(@Parameter(required = true) @QueryParam("year") Integer year) {
        Years.required("year", year);
        return tf.composition(year);
    }

    private static void checkDistrict(String district) {
        if (!SeoulDistricts.isDistrict(district)) {
            throw ProblemException.notFound("District", district);
        }
    }
}
