package kr.chamyeo.governance.youthcouncil;

import java.time.LocalDate;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import kr.chamyeo.governance.youthcouncil.CouncilAgenda.Status;
import kr.chamyeo.governance.youthcouncil.CouncilMember.Role;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.page.Page;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/youth-council")
@Tag(name = "Youth council", description = "Seoul Youth Council (서울청년의회): youth-council members by year (연도별 청년의원), subcommittees (분과) and their agendas (분과 의제)")
@Produces(MediaType.APPLICATION_JSON)
public class YouthCouncilResource {

    @Inject
    Caller caller;

    @Inject
    CouncilMemberService members;

    @Inject
    PromotionCommitteeService promotionCommittee;

    @Inject
    SubcommitteeService subcommittees;

    @Schema(description = "Create or update a subcommittee (분과 등록·수정)")
    public record SubcommitteeInput(@NotNull @Min(2000) @Max(2100) @Schema(example = "2019") Integer year,
                                    @NotBlank @Size(max = 100) @Schema(example = "공존분과") String name,
                                    @Size(max = 1000) @Schema(example = "세대공존·성평등 의제") String description) {
    }

    @Schema(description = "A subcommittee (분과), public")
    public record SubcommitteeView(UUID id, int year, String name, String description,
                                   @Schema(description = "Number of members (의원 수)") long members, @Schema(description = "Number of agendas (의제 수)") long agendas) {
    }

    @Schema(description = "An agenda put before a subcommittee (분과 의제 상정)")
    public record AgendaInput(@NotBlank @Size(max = 200) @Schema(example = "청년 1인가구 주거비 지원 확대") String title,
                              @Size(max = 2000) String summary) {
    }

    @Schema(description = "Decision on a subcommittee agenda (분과 의제의 결정): ADOPTED, adopted by the subcommittee (분과 채택); PASSED, passed by the plenary (본회의 의결); REJECTED, rejected (부결), a reason required (사유 필수)")
    public record AgendaDecision(@NotNull @Schema(example = "ADOPTED") Status status,
                                 @NotNull @Schema(example = "2019-07-13") LocalDate decidedOn,
                                 @Size(max = 1000) String note) {
    }

    @Schema(name = "YouthCouncilAgendaView", description = "A subcommittee agenda (분과 의제), public")
    public record AgendaView(UUID id, UUID subcommitteeId, String title, String summary, Status status,
                             LocalDate decidedOn, String note) {
    }

    @Schema(name = "YouthCouncilMemberInput", description = "Seat or update a youth-council member (청년의원 등록·수정); name, birth year and contact are personal data (이름·출생연도·연락처는 개인정보)")
    public record MemberInput(@NotNull @Min(2000) @Max(2100) @Schema(example = "2019") Integer year,
                              @NotBlank @Size(max = 100) @Schema(example = "김청년") String name,
                              @NotNull @Min(1900) @Max(2100) @Schema(example = "1994") Integer birthYear,
                              @NotBlank @DistrictCode @Schema(example = "11545", description = "District of activity (활동 자치구)") String district,
                              @Schema(description = "The member's subcommittee (소속 분과)") UUID subcommitteeId,
                              @NotNull @Schema(example = "MEMBER", description = "SPEAKER speaker (의장), VICE_SPEAKER vice speaker (부의장), SUBCOMMITTEE_CHAIR subcommittee chair (분과장), MEMBER member (의원)")
                              Role role,
                              @NotNull @Schema(example = "2019-03-01") LocalDate termStart,
                              @NotNull @Schema(example = "2020-02-29") LocalDate termEnd,
                              @Size(max = 200) @Schema(example = "010-0000-0000") String contact) {
    }

    @Schema(description = "A youth-council member (청년의원), public: no personal data (개인정보 없음)")
    public record PublicMember(UUID id, int year, String district, String districtName, UUID subcommitteeId,
                               String subcommittee, Role role, LocalDate termStart, LocalDate termEnd) {
    }

    @Schema(name = "YouthCouncilMemberView", description = "A youth-council member (청년의원), for officers (담당자용)")
    public record MemberView(UUID id, int year, String name, int birthYear, String district, UUID subcommitteeId,
                             String subcommittee, Role role, LocalDate termStart, LocalDate termEnd, String contact) {
    }

    @Schema(description = "Appointment of a promotion-committee member (추진위원 위촉); name and contact are personal data (이름·연락처는 개인정보)")
    public record PromotionMemberInput(@NotNull @Min(2000) @Max(2100) @Schema(example = "2018") Integer year,
                                       @NotBlank @Size(max = 100) @Schema(example = "이추진") String name,
                                       @NotNull @Schema(example = "AGENDA", description = "AGENDA agenda group (의제그룹), DISTRICT district group (자치구 그룹; district required, district 필수), "
                                               + "CLASS class group (계층 그룹), INDIVIDUAL individual (개인), OTHER_REGION other region (타 지역)") PromotionCommitteeMember.Group group,
                                       @NotNull @Schema(example = "MEMBER", description = "CHAIR committee chair (추진위원장), MEMBER member (추진위원)") PromotionCommitteeMember.Role role,
                                       @DistrictCode @Schema(example = "11545", description = "District of a district group (자치구 그룹의 자치구)") String district,
                                       @Size(max = 200) @Schema(example = "010-0000-0000") String contact) {
    }

    @Schema(description = "A promotion-committee member (추진위원), for the city admin (시 관리자용)")
    public record PromotionMemberView(UUID id, int year, String name, PromotionCommitteeMember.Group group,
                                      PromotionCommitteeMember.Role role, String district, String contact) {
    }

    @Schema(description = "A year's youth self-government composition (청년자치정부 구성): 500 youth-council seats (청년의회 500석), up to 1,000 promotion-committee seats (추진위원회 1,000석 이내) (seed 001) — filled/limit/left (채운 수/정원/남은 수)")
    public record CompositionView(@Schema(example = "2019") int year,
                                  @Schema(description = "Youth-council members (청년의회 청년의원), limit 500 (정원 500)") SeatLimits.Seats youthCouncil,
                                  @Schema(description = "Youth-council members by role (청년의원 역할별 수)") Map<Role, Long> youthCouncilByRole,
                                  @Schema(description = "Youth self-government promotion committee (청년자치정부 추진위원회), limit up to 1,000 (정원 1,000 이내)") SeatLimits.Seats promotionCommittee,
                                  @Schema(description = "Promotion-committee members by group (추진위원 그룹별 수)") Map<PromotionCommitteeMember.Group, Long> promotionCommitteeByGroup) {
    }

    // ---- composition

    @GET
    @Path("/composition")
    @PermitAll
    @Operation(summary = "Seats filled and limits of a year (청년의회·추진위원회 구성 현황)",
            description = "500 youth-council members (청년의회 청년의원 500명) and up to 1,000 on the youth self-government promotion committee (청년자치정부 추진위원회 1,000명 이내) (seed 001): seats filled, limit and seats left (채운 수, 정원, 남은 수) with counts by role and group (역할·그룹별 수). No personal data (개인정보 없음).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = CompositionView.class)))
    @APIResponse(responseCode = "422", description = "Missing year")
    public CompositionView composition(@Parameter(required = true) @QueryParam("year") Integer year) {
        return members.composition(Years.required("year", year));
    }

    // ---- promotion committee

    @POST
    @Path("/promotion-committee/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Appoint a promotion-committee member (청년자치정부 추진위원 위촉)",
            description = "City admin (시 관리자). Up to 1,000 young people, youth organisations and experts active in Seoul (서울에서 활동하는 청년·청년단체·전문가 1,000명 이내) (seed 001). Once the seats are filled (정원이 차면), 409 (limit, filled).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PromotionMemberView.class)))
    @APIResponse(responseCode = "409", description = "All 1,000 seats of the year are filled")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response addPromotionMember(@Valid @NotNull PromotionMemberInput input) {
        return Response.status(201).entity(promotionCommittee.appoint(input)).build();
    }

    @GET
    @Path("/promotion-committee/members")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Promotion-committee members of a year (추진위원 명단)", description = "City admin (시 관리자). Ordered by group, then name (그룹·이름순); paged (페이지).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "422", description = "Missing year or invalid paging")
    public Page<PromotionMemberView> promotionMembers(@Parameter(required = true) @QueryParam("year") Integer year,
                                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return promotionCommittee.members(Years.required("year", year), page, size);
    }

    // ---- subcommittees

    @POST
    @Path("/subcommittees")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Create a subcommittee (분과 구성)", description = "A youth-council subcommittee of a year (연도별 청년의회 분과). The same name in the same year is 409.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SubcommitteeView.class)))
    @APIResponse(responseCode = "409", description = "Name exists that year")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response createSubcommittee(@Valid @NotNull SubcommitteeInput input) {
        return Response.status(201).entity(subcommittees.create(input)).build();
    }

    @GET
    @Path("/subcommittees")
    @PermitAll
    @Operation(summary = "Subcommittees of a year (분과 목록)", description = "Number of members and agendas per subcommittee (분과별 의원 수와 의제 수). No personal data (개인정보 없음).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = SubcommitteeView[].class)))
    @APIResponse(responseCode = "422", description = "Missing year")
    public List<SubcommitteeView> subcommittees(@Parameter(required = true) @QueryParam("year") Integer year) {
        return subcommittees.list(Years.required("year", year));
    }

    @PUT
    @Path("/subcommittees/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Rename or redescribe a subcommittee (분과 수정)", description = "The year (연도) cannot change once the subcommittee has members or agendas (의원이나 의제).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = SubcommitteeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "Name taken, or year change with members")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public SubcommitteeView updateSubcommittee(@PathParam("id") UUID id, @Valid @NotNull SubcommitteeInput input) {
        return subcommittees.update(id, input);
    }

    @DELETE
    @Path("/subcommittees/{id}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Remove an empty subcommittee (분과 삭제)", description = "409 if it has members or agendas (의원이나 의제).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "Has members or agendas")
    public Response deleteSubcommittee(@PathParam("id") UUID id) {
        subcommittees.delete(id);
        return Response.noContent().build();
    }

    // ---- agendas

    @POST
    @Path("/subcommittees/{id}/agendas")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Put an agenda before a subcommittee (분과 의제 상정)", description = "Registered as proposed (상정, PROPOSED).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "404", description = "Unknown subcommittee")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response addAgenda(@PathParam("id") UUID id, @Valid @NotNull AgendaInput input) {
        return Response.status(201).entity(subcommittees.addAgenda(id, input)).build();
    }

    @GET
    @Path("/subcommittees/{id}/agendas")
    @PermitAll
    @Operation(summary = "A subcommittee's agendas (분과 의제 목록)", description = "Status — proposed, adopted, passed or rejected (상정·채택·의결·부결) — and decision date (결정일).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgendaView[].class)))
    @APIResponse(responseCode = "404", description = "Unknown subcommittee")
    public List<AgendaView> agendas(@PathParam("id") UUID id) {
        return subcommittees.agendas(id);
    }

    @PUT
    @Path("/agendas/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Record a decision on an agenda (분과 채택·본회의 의결·부결)",
            description = "PROPOSED → ADOPTED|REJECTED, ADOPTED → PASSED|REJECTED. A rejection (부결) requires a reason (사유, note).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgendaView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "Not a next step from the current status")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public AgendaView decide(@PathParam("id") UUID id, @Valid @NotNull AgendaDecision decision) {
        return subcommittees.decide(id, decision);
    }

    // ---- members

    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Seat a youth-council member (청년의원 등록)",
            description = "City admin or the district's officer (시 관리자 또는 해당 자치구 담당자). Aged 19–39 (만 19~39세); the term starts in the year; one speaker (의장), two vice speakers (부의장), one chair per subcommittee (분과장); "
                    + "500 youth-council members a year (청년의원, seed 001), then 409 (limit, filled).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "403", description = "Other district's officer")
    @APIResponse(responseCode = "409", description = "Role already held, or all 500 seats of the year filled")
    @APIResponse(responseCode = "422", description = "Invalid input or seat rule")
    public Response addMember(@Valid @NotNull MemberInput input) {
        caller.requireDistrict(input.district(), Roles.OFFICER);
        return Response.status(201).entity(members.seat(input)).build();
    }

    @GET
    @Path("/members")
    @PermitAll
    @Operation(summary = "Youth-council members of a year (청년의원 목록)",
            description = "Only district, subcommittee, role and term are public (자치구·분과·역할·임기만 공개); name, birth year and contact are left out (이름·출생연도·연락처 제외). Ordered speaker, vice speakers, subcommittee chairs, members (의장·부의장·분과장·의원 순); paged (페이지).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "422", description = "Missing year, invalid filter or paging")
    public Page<PublicMember> members(@Parameter(required = true) @QueryParam("year") Integer year, @QueryParam("district") @DistrictCode String district,
                              @QueryParam("subcommitteeId") UUID subcommitteeId,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return members.members(Years.required("year", year), district, subcommitteeId, page, size);
    }

    @GET
    @Path("/members/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A youth-council member with personal data (청년의원 조회)", description = "City admin or the district's officer (시 관리자 또는 해당 자치구 담당자).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "403", description = "Other district's officer")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public MemberView member(@PathParam("id") UUID id) {
        return members.member(id);
    }

    @PUT
    @Path("/members/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Change a member's subcommittee, role, term or contact (청년의원 수정)",
            description = "City admin or the district's officer (시 관리자 또는 해당 자치구 담당자). Moving to another district needs rights over both the old and the new district (옛 자치구와 새 자치구 모두의 권한).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "403", description = "Other district's officer")
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "Role already held, or all 500 seats of the new year filled")
    @APIResponse(responseCode = "422", description = "Invalid input or seat rule")
    public MemberView updateMember(@PathParam("id") UUID id, @Valid @NotNull MemberInput input) {
        return members.update(id, input);
    }

    @DELETE
    @Path("/members/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Remove a member (청년의원 해촉)", description = "City admin or the district's officer (시 관리자 또는 해당 자치구 담당자).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Other district's officer")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public Response deleteMember(@PathParam("id") UUID id) {
        members.delete(id);
        return Response.noContent().build();
    }
}
