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
@Tag(name = "Governance TF", description = "자치구 청년정책 거버넌스 TF: 협력관, 청년참여기구, 컨설팅단, 강사단, TF 구성")
@Produces(MediaType.APPLICATION_JSON)
public class BodyMemberResource {

    private static final String ROLES = "CHAIR|VICE_CHAIR|MEMBER|MANAGER";

    @Inject
    Caller caller;

    @Inject
    BodyMemberService members;

    @Schema(name = "TfMemberInput", description = "청년참여기구 위원 등록·수정 (출생연도·연락처는 개인정보, 성명은 공개 동의 시에만 공개)")
    public record MemberInput(@NotBlank @DistrictCode @Schema(example = "11545") String district,
                              @NotBlank @Size(max = 100) @Schema(example = "김참여") String name,
                              @Min(1900) @Max(2100) @Schema(example = "1995") Integer birthYear,
                              @Size(max = 200) @Schema(example = "010-0000-0000") String contact,
                              @NotNull @Schema(description = "성명 공개 동의", example = "true") Boolean publishName) {
    }

    @Schema(description = "위촉·재위촉: 청년참여기구, 직위, 정책 분야, 임기")
    public record TermInput(@NotNull @Schema(description = "청년참여기구 id (같은 자치구)") UUID bodyId,
                            @NotNull @Pattern(regexp = ROLES, message = "must be one of " + ROLES)
                            @Schema(example = "CHAIR", description = "CHAIR 위원장, VICE_CHAIR 부위원장, MEMBER 위원, MANAGER 간사")
                            String role,
                            @Size(max = 100) @Schema(example = "주거", description = "정책 분야") String domain,
                            @NotNull @Schema(example = "2020-03-01") LocalDate termStart,
                            @NotNull @Schema(example = "2021-02-28") LocalDate termEnd) {
    }

    @Schema(description = "위촉 이력 한 건")
    public record TermView(UUID id, UUID bodyId, String body, int year, Role role, String domain, LocalDate termStart, LocalDate termEnd) {
    }

    @Schema(name = "TfMemberView", description = "청년참여기구 위원과 위촉 이력 (담당자용: 개인정보 포함)")
    public record MemberView(UUID id, String district, String name, Integer birthYear, String contact, boolean publishName,
                             List<TermView> terms) {
    }

    @Schema(description = "공개 명단의 한 사람 (성명 공개에 동의한 위원만)")
    public record NamedMember(@Schema(example = "김참여") String name, Role role, String domain, LocalDate termStart, LocalDate termEnd) {
    }

    @Schema(description = "한 청년참여기구의 공개 구성: 인원, 직위별 인원, 성명 공개 동의자")
    public record BodyRoster(UUID bodyId, @Schema(example = "금천구 청년정책네트워크") String name,
                             @Schema(description = "위원 수 (위원이 기록되면 위원에서 셈)", example = "45") int memberCount,
                             @Schema(description = "직위별 인원") Map<Role, Long> byRole,
                             @Schema(description = "성명 공개에 동의한 위원") List<NamedMember> named) {
    }

    @Schema(description = "자치구·연도별 청년참여기구 명단 (공개)")
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
            description = "서울시 또는 해당 자치구 담당 공무원. 위촉(직위·임기)은 따로 기록한다.")
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
    @Operation(summary = "A member with personal data and all terms (청년참여기구 위원 위촉 이력)", description = "서울시 또는 해당 자치구 담당 공무원.")
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
            description = "서울시 또는 해당 자치구 담당 공무원. 위원은 자치구를 옮길 수 없다 (다른 자치구에서는 새로 등록).")
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
    @Operation(summary = "Remove a member with all terms (청년참여기구 위원 삭제)", description = "잘못 등록한 위원을 지운다. 기구의 위원 수를 다시 센다.")
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
            description = "위촉은 별도 기록으로 남아 재위촉해도 이전 임기와 직위가 보존된다. 기구는 위원의 자치구 것이어야 하고, 임기는 기구의 연도에 "
                    + "걸쳐야 하며, 같은 기구에서 임기가 겹치면 409. 기구의 위원 수는 기록된 위원에서 센다.")
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
    @Operation(summary = "Remove a wrongly entered term (위촉 기록 삭제)", description = "서울시 또는 해당 자치구 담당 공무원. 기구의 위원 수를 다시 센다.")
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
            description = "기구별 위원 수와 직위별 인원, 성명 공개에 동의한 위원의 성명·직위·분야·임기만 공개한다. 연락처·출생연도는 내보내지 않는다.")
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
