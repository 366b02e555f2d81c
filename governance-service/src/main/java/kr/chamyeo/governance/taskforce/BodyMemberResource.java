package kr.chamyeo.governance.taskforce;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.governance.Years;
import kr.chamyeo.governance.taskforce.BodyMemberTerm.Role;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/tf/body-members")
@Tag(name = "Governance TF", description = "District youth-policy governance TF (자치구 청년정책 거버넌스 TF): cooperation officers (협력관), youth participation bodies (청년참여기구), consulting group (컨설팅단), instructor pool (강사단), TF composition (TF 구성)")
@Produces(MediaType.APPLICATION_JSON)
public class BodyMemberResource {

    private static final String ROLES = "CHAIR|VICE_CHAIR|MEMBER|MANAGER";

    @Inject
    Caller caller;

    @Inject
    BodyMemberService members;

    @Schema(name = "TfMemberInput", description = "Registration or update of a youth participation-body member (청년참여기구 위원 등록·수정); birth year and contact are personal data (출생연도·연락처는 개인정보), the name is public only with consent (성명은 공개 동의 시에만 공개)")
    public record MemberInput(@NotBlank @DistrictCode @Schema(example = "11545") String district,
                              @NotBlank @Size(max = 100) @Schema(example = "김참여") String name,
                              @Min(1900) @Max(2100) @Schema(example = "1995") Integer birthYear,
                              @Size(max = 200) @Schema(example = "010-0000-0000") String contact,
                              @NotNull @Schema(description = "Consent to publish the name (성명 공개 동의)", example = "true") Boolean publishName) {
    }

    @Schema(description = "Appointment or re-appointment (위촉·재위촉): youth participation body (청년참여기구), position (직위), policy domain (정책 분야), term (임기)")
    public record TermInput(@NotNull @Schema(description = "Youth participation body id (청년참여기구 id), same district (같은 자치구)") UUID bodyId,
                            @NotNull @Pattern(regexp = ROLES, message = "must be one of " + ROLES)
                            @Schema(example = "CHAIR", description = "CHAIR chair (위원장), VICE_CHAIR vice chair (부위원장), MEMBER member (위원), MANAGER secretary (간사)")
                            String role,
                            @Size(max = 100) @Schema(example = "주거", description = "Policy domain (정책 분야)") String domain,
                            @NotNull @Schema(example = "2020-03-01") LocalDate termStart,
                            @NotNull @Schema(example = "2021-02-28") LocalDate termEnd) {
    }

    @Schema(description = "One appointment record (위촉 이력 한 건)")
    public record TermView(UUID id, UUID bodyId, String body, int year, Role role, String domain, LocalDate termStart, LocalDate termEnd) {
    }

    @Schema(name = "TfMemberView", description = "A youth participation-body member with the appointment history (청년참여기구 위원과 위촉 이력), for officers: personal data included (담당자용: 개인정보 포함)")
    public record MemberView(UUID id, String district, String name, Integer birthYear, String contact, boolean publishName,
                             List<TermView> terms) {
    }

    @Schema(description = "One person on the public roster (공개 명단의 한 사람); only members who consented to publish their name (성명 공개에 동의한 위원만)")
    public record NamedMember(@Schema(example = "김참여") String name, Role role, String domain, LocalDate termStart, LocalDate termEnd) {
    }

    @Schema(description = "Public composition of one youth participation body (청년참여기구의 공개 구성): headcount (인원), headcount by position (직위별 인원), members consenting to publish their name (성명 공개 동의자)")
    public record BodyRoster(UUID bodyId, @Schema(example = "금천구 청년정책네트워크") String name,
                             @Schema(description = "Number of members (위원 수), counted from the recorded members once any are recorded (위원이 기록되면 위원에서 셈)", example = "45") int memberCount,
                             @Schema(description = "Headcount by position (직위별 인원)") Map<Role, Long> byRole,
                             @Schema(description = "Members who consented to publish their name (성명 공개에 동의한 위원)") List<NamedMember> named) {
    }

    @Schema(description = "Roster of youth participation bodies by district and year (자치구·연도별 청년참여기구 명단), public")
    public record Roster(@Schema(example = "11545") String district, @Schema(example = "금천구") String districtName,
                         @Schema(example = "2020") int year, List<BodyRoster> bodies) {
    }

    private static final String ROSTER_EXAMPLE = "{\"district\":\"11545\",\"districtName\":\"금천구\",\"year\":2020,\"bodies\":[{"
            + "\"bodyId\":\"6f1c2f0e-4c1e-4b8e-9d7a-0a4f3f1b2c3d\",\"name\":\"금천구 청년정책네트워크\",\"memberCount\":3,"
            + "\"byRole\":{\"CHAIR\":1,\"MEMBER\":1,\"MANAGER\":1},\"named\":[{\"name\":\"김참여\",\"role\":\"CHAIR\",\"domain\":\"주거\","
            + "\"termStart\":\"2020-03-01\",\"termEnd\":\"2021-02-28\"}]}]}";
    private static final String MEMBER_EXAMPLE = "{\"id\":\"0b7f3c52-9a43-4c47-8d0e-5b0c4a4e2f11\",\"district\":\"11545\",\"name\":\"김참여\","
            + "\"birthYear\":1995,\"contact\":\"010-0000-0000\",\"publishName\":true,\"terms\":[{\"id\":\"3e2d9a8b-1f4c-4a6e-b0d2-7c9e8f1a2b3c\","
            + "\"bodyId\":\"6f1c2f0e-4c1e-4b8e-9d7a-0a4f3f1b2c3d\",\"body\":\"금천구 청년정책네트워크\",\"year\":2020,\"role\":\"CHAIR\","
            + "\"domain\":\"주거\",\"termStart\":\"2020-03-01\",\"termEnd\":\"2021-02-28\"}]}";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Register a participation-body member (청년참여기구 위원 등록)",
            description = "The city or the district's officer (서울시 또는 해당 자치구 담당 공무원). Appointments (위촉: 직위·임기, position and term) are recorded separately.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = MemberView.class),
            examples = @ExampleObject(name = "위원", value = MEMBER_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response create(@Valid @NotNull MemberInput input) {
        caller.requireDistrict(input.district(), Roles.OFFICER);
        return Response.status(201).entity(members.register(input)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A member with personal data and all terms (청년참여기구 위원 위촉 이력)", description = "The city or the district's officer (서울시 또는 해당 자치구 담당 공무원).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = MemberView.class),
            examples = @ExampleObject(name = "위원", value = MEMBER_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public MemberView get(@PathParam("id") UUID id) {
        return members.member(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Change a member's name, contact or consent (청년참여기구 위원 수정)",
            description = "The city or the district's officer (서울시 또는 해당 자치구 담당 공무원). A member (위원) cannot move to another district (자치구); register anew there (다른 자치구에서는 새로 등록).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "422", description = "Invalid input or another district")
    public MemberView update(@PathParam("id") UUID id, @Valid @NotNull MemberInput input) {
        return members.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Remove a member with all terms (청년참여기구 위원 삭제)", description = "Deletes a wrongly registered member (잘못 등록한 위원). The body's member count (기구의 위원 수) is recounted.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public Response delete(@PathParam("id") UUID id) {
        members.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/terms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Appoint or re-appoint a member (청년참여기구 위원 위촉·재위촉)",
            description = "Each appointment (위촉) is a separate record, so a re-appointment (재위촉) keeps the earlier terms and positions (이전 임기와 직위). The body (기구) must be in the member's district (위원의 자치구), the term must fall in "
                    + "the body's year (기구의 연도에 걸쳐야), and overlapping terms in the same body (같은 기구에서 임기가 겹치면) are 409. The body's member count (기구의 위원 수) is counted from the recorded members.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = MemberView.class),
            examples = @ExampleObject(name = "위촉 이력", value = MEMBER_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown member")
    @APIResponse(responseCode = "409", description = "Overlapping term in the same body")
    @APIResponse(responseCode = "422", description = "Dates in wrong order, unknown role, body of another district or year")
    public Response appoint(@PathParam("id") UUID id, @Valid @NotNull TermInput input) {
        return Response.status(201).entity(members.appoint(id, input)).build();
    }

    @DELETE
    @Path("/{id}/terms/{termId}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Remove a wrongly entered term (위촉 기록 삭제)", description = "The city or the district's officer (서울시 또는 해당 자치구 담당 공무원). The body's member count (기구의 위원 수) is recounted.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown member or term")
    public Response deleteTerm(@PathParam("id") UUID id, @PathParam("termId") UUID termId) {
        members.deleteTerm(id, termId);
        return Response.noContent().build();
    }

    @GET
    @PermitAll
    @Operation(summary = "A district's participation-body members of a year (청년참여기구 위원 명단)",
            description = "Public: the member count per body (기구별 위원 수), headcount by position (직위별 인원), and only the name, position, domain and term (성명·직위·분야·임기) of members who consented to publish their name (성명 공개에 동의한 위원). Contact and birth year (연락처·출생연도) are never exported.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Roster.class),
            examples = @ExampleObject(name = "금천구 2020", value = ROSTER_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Missing or bad district or year")
    public Roster roster(@Parameter(required = true) @QueryParam("district") String district, @Parameter(required = true) @QueryParam("year") Integer year) {
        if (district == null || !SeoulDistricts.isDistrict(district)) {
            throw ProblemException.unprocessable("district", "is required, a Seoul district code such as 11545");
        }
        return members.roster(district, Years.required("year", year));
    }
}
