package kr.chamyeo.governance.committee;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import kr.chamyeo.platform.security.Roles;

@Path("/youth")
@Tag(name = "Youth members", description = "Future-talent DB (미래인재 DB) and the 15% youth-member target of Seoul city committees (서울시 위원회 청년위원 15% 목표)")
@Produces(MediaType.APPLICATION_JSON)
public class CommitteeResource {

    @Inject
    CommitteeService committees;

    @Schema(description = "Register a future talent (미래인재 등록); contact not public (연락처 비공개)")
    public record NewTalent(@NotBlank @Size(max = 100) @Schema(example = "정미래") String name,
                            @NotNull @Min(1900) @Max(2100) @Schema(example = "1995") Integer birthYear,
                            @NotBlank @Size(max = 100) @Schema(example = "주거") String domain,
                            @NotNull @Schema(description = "Consent to be recommended as a member (위원 추천 동의)") Boolean consent,
                            @Size(max = 200) String contact) {
    }

    @Schema(description = "Future talent (미래인재)")
    public record TalentView(UUID id, String name, int birthYear, String domain, boolean consent, String contact) {
    }

    @Schema(description = "Committee and its members (위원회와 위원)")
    public record NewCommittee(@NotBlank @Size(max = 200) @Schema(example = "서울시 주거정책심의위원회") String name,
                               @NotBlank @Size(max = 100) @Schema(example = "주거") String domain,
                               @NotEmpty @Size(max = 500) List<@Valid @NotNull Member> members) {
    }

    @Schema(description = "Registered committee (등록된 위원회)")
    public record CommitteeCreated(@Schema(example = "ec039c5d-f862-4bad-992f-f498f2ad7525") UUID id,
                                   @Schema(example = "서울시 주거정책심의위원회") String name) {
    }

    @Schema(description = "Member (위원)")
    public record Member(@NotBlank @Size(max = 100) String name, @NotNull @Min(1900) @Max(2100) Integer birthYear) {
    }

    @Schema(description = "Recommended candidate (추천 후보): a consenting future talent (동의한 미래인재), without contact")
    public record Candidate(UUID talentId, String name, int birthYear) {
    }

    @Schema(description = "Youth-member share per committee (위원회별 청년위원 비율) and candidates when below target (목표 미달 시 후보)")
    public record CommitteeShare(UUID id, String name, String domain, int members, int youngMembers, double share,
                                 boolean belowTarget, int needed, List<Candidate> candidates) {
    }

    @POST
    @Path("/talents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Add a person to the future-talent pool (미래인재 등록)", description = "Young talent by domain (분야별 청년 인재). Only the city admin (서울시 관리자) sees the contact (연락처).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TalentView.class)))
    @APIResponse(responseCode = "422", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    public Response addTalent(@Valid @NotNull NewTalent request) {
        Talent t = committees.addTalent(request);
        return Response.status(201).entity(new TalentView(t.id, t.name, t.birthYear, t.domain, t.consent, t.contact)).build();
    }

    @GET
    @Path("/talents")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "The future-talent pool by domain (미래인재 DB 조회)", description = "Future talents by domain (분야별 미래인재) with their consent and contact. City admin only (서울시 관리자만).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = TalentView[].class)))
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    public List<TalentView> talents(@QueryParam("domain") String domain, @QueryParam("consentedOnly") boolean consentedOnly) {
        return committees.talents(domain).stream().filter(t -> !consentedOnly || t.consent)
                .map(t -> new TalentView(t.id, t.name, t.birthYear, t.domain, t.consent, t.contact)).toList();
    }

    @POST
    @Path("/committees")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Record a city committee with its members (위원회 등록)", description = "Committee (위원회), policy domain (정책 분야), members (위원) with birth year (출생연도).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CommitteeCreated.class)))
    @APIResponse(responseCode = "409", description = "Name exists")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response addCommittee(@Valid @NotNull NewCommittee request) {
        Committee c = committees.addCommittee(request);
        return Response.status(201).entity(new CommitteeCreated(c.id, c.name)).build();
    }

    @GET
    @Path("/committees/youth-share")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Committees against the 15% youth-member target (청년위원 15% 점검)",
            description = "Share of members aged 19–39 (만 19~39세) in the reference year (기준연도). For committees with belowTarget=true, consenting future talents (미래인재) of the same domain are offered as candidates (후보).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = CommitteeShare[].class)))
    @APIResponse(responseCode = "422", description = "Missing year")
    public List<CommitteeShare> youthShare(@Parameter(required = true) @QueryParam("year") Integer year, @QueryParam("belowTargetOnly") boolean belowTargetOnly) {
        Years.required("year", year);
        return committees.all().stream().map(c -> share(c, year)).filter(s -> !belowTargetOnly || s.belowTarget()).toList();
    }

    private CommitteeShare share(Committee c, int year) {
        List<CommitteeMember> members = committees.members(c);
        int young = (int) members.stream().filter(m -> YouthShare.isYoung(m.birthYear, year)).count();
        int needed = YouthShare.needed(members.size(), young);
        List<Candidate> candidates = needed == 0 ? List.of() : committees.consentingTalents(c.domain)
                .stream().filter(t -> YouthShare.isYoung(t.birthYear, year))
                .map(t -> new Candidate(t.id, t.name, t.birthYear)).toList();
        double share = members.isEmpty() ? 0 : (double) young / members.size();
        return new CommitteeShare(c.id, c.name, c.domain, members.size(), young, share, needed > 0, needed, candidates);
    }
}
