package kr.chamyeo.community.space;

import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.community.space.ProgrammeRequests.CancelRequest;
import kr.chamyeo.community.space.ProgrammeRequests.ProgrammeRequest;
import kr.chamyeo.community.space.ProgrammeRequests.SignUpRequest;
import kr.chamyeo.community.space.SpaceRequests.BookingDecision;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.platform.text.KoreanText;

/** 공간 프로그램 and 참여 신청 — the programme half of the seed's integrated platform (통합 온라인 플랫폼). */
@Path("/")
@Tag(name = "Space programmes and sign-ups (공간 프로그램·참여 신청)")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    private static final String PROGRAMME_EXAMPLE = """
            {"id": "3f0c9a6e-8d1b-4a53-9f7e-2b6d1c0e4a11", "spaceId": "9b2f1e4c-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
             "spaceName": "독산 마을활력소", "district": "11545", "dong": "독산1동", "title": "우리동네 목공 교실",
             "description": "매주 토요일 오전, 주민 누구나 참여하는 목공 교실입니다.", "capacity": 12, "eligibility": "DISTRICT",
             "minAge": 19, "maxAge": null, "autoApprove": false, "waitlist": true,
             "signUpOpensAt": "2030-04-01T00:00:00Z", "signUpClosesAt": "2030-04-30T15:00:00Z", "status": "PUBLISHED",
             "sessions": [{"seq": 1, "startsAt": "2030-05-04T01:00:00Z", "endsAt": "2030-05-04T03:00:00Z"}],
             "approved": 12, "requested": 3, "waitlisted": 2, "remaining": 0, "cancelReason": null}""";

    private static final String SIGN_UP_EXAMPLE = """
            {"id": "c1d2e3f4-0000-4a53-9f7e-2b6d1c0e4a11", "programmeId": "3f0c9a6e-8d1b-4a53-9f7e-2b6d1c0e4a11",
             "programmeTitle": "우리동네 목공 교실", "participant": "resident-42", "district": "11545", "dong": "독산1동",
             "note": "초보자입니다", "status": "REQUESTED", "reason": null, "requestedAt": "2030-04-02T05:00:00Z"}""";

    @Inject
    ProgrammeService programmes;

    @Inject
    SpaceService spaces;

    @Inject
    Caller caller;

    @Schema(description = "A session of the programme (회차)")
    public record SessionView(int seq, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    @Schema(name = "SpaceProgrammeProgrammeView", description = "A space programme with how many places are taken; never who signed up")
    public record ProgrammeView(UUID id, UUID spaceId, String spaceName, String district, String dong, String title, String description,
                                int capacity, SpaceProgramme.Eligibility eligibility, Integer minAge, Integer maxAge, boolean autoApprove,
                                boolean waitlist, OffsetDateTime signUpOpensAt, OffsetDateTime signUpClosesAt, SpaceProgramme.Status status,
                                List<SessionView> sessions,
                                @Schema(description = "approved sign-ups") int approved,
                                @Schema(description = "sign-ups waiting for the manager") long requested,
                                @Schema(description = "on the waitlist (대기자)") long waitlisted,
                                @Schema(description = "places left") int remaining,
                                String cancelReason) {
    }

    @Schema(description = "A sign-up (참여 신청); only shown to the resident and the programme's manager")
    public record SignUpView(UUID id, UUID programmeId, String programmeTitle, String participant, String district, String dong,
                             String note, SignUp.Status status, String reason, OffsetDateTime requestedAt) {
    }

    @POST
    @Path("spaces/{id}/programmes")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a programme at a space (공간 프로그램 개설)",
            description = "By the space's manager or an officer of its district. The sessions (회차) occupy the space: none may overlap an "
                    + "approved booking (대관) or another programme's session — enforced by PostgreSQL, also against a booking approved "
                    + "at the same moment (409 space-occupied). Publishes SpaceProgrammePublished (community.spaces).")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class), examples = @ExampleObject(name = "목공 교실", value = PROGRAMME_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not the space's manager, or an officer of another district")
    @APIResponse(responseCode = "404", description = "No such space")
    @APIResponse(responseCode = "409", description = "A session overlaps an approved booking or another programme's session (space-occupied)")
    @APIResponse(responseCode = "422", description = "Sessions outside opening hours, in the past or overlapping each other; capacity above the space's; bad sign-up window or ages")
    public Response publish(@PathParam("id") UUID id, @Valid @NotNull ProgrammeRequest request) {
        return Response.status(201).entity(view(programmes.publish(id, request, caller))).build();
    }

    @GET
    @Path("spaces/{id}/programmes")
    @PermitAll
    @Operation(summary = "A space's programmes (공간 프로그램 목록)", description = "Public: sessions and counts of places, never names.")
    @APIResponse(responseCode = "200", description = "Programmes",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "목공 교실", value = "[" + PROGRAMME_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "No such space")
    public List<ProgrammeView> ofSpace(@PathParam("id") UUID id) {
        spaces.space(id);
        return views(programmes.ofSpace(id));
    }

    @GET
    @Path("space-programmes")
    @PermitAll
    @Operation(summary = "Search programmes (프로그램 찾기)",
            description = "Public: by district and dong of the space; with ?openOn= (a date, Seoul time) only programmes taking sign-ups that day. Counts, never names.")
    @APIResponse(responseCode = "200", description = "Programmes",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "목공 교실", value = "[" + PROGRAMME_EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "Unreadable date")
    @APIResponse(responseCode = "422", description = "Unknown district code")
    public List<ProgrammeView> search(@QueryParam("district") @DistrictCode String district, @QueryParam("dong") String dong,
                                      @QueryParam("openOn") LocalDate openOn) {
        return views(programmes.search(district, KoreanText.dong(dong), openOn));
    }

    @GET
    @Path("space-programmes/{id}")
    @PermitAll
    @Operation(summary = "A programme (프로그램 정보)", description = "Public: sessions and counts of places, never names.")
    @APIResponse(responseCode = "200", description = "Programme",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class), examples = @ExampleObject(name = "목공 교실", value = PROGRAMME_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such programme")
    public ProgrammeView get(@PathParam("id") UUID id) {
        return view(programmes.programme(id));
    }

    @POST
    @Path("space-programmes/{id}/cancellation")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a programme (프로그램 취소)",
            description = "By the space's manager or an officer of its district: the sessions free the space, every live sign-up is cancelled "
                    + "with the reason. Publishes SpaceProgrammeCancelled (community.spaces).")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "403", description = "Not the manager")
    @APIResponse(responseCode = "404", description = "No such programme")
    @APIResponse(responseCode = "409", description = "Already cancelled")
    @APIResponse(responseCode = "422", description = "No reason")
    public ProgrammeView cancelProgramme(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        return view(programmes.cancel(id, request.reason(), caller));
    }

    @POST
    @Path("space-programmes/{id}/sign-ups")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign up (참여 신청)",
            description = "While sign-ups are open, if the resident may (district/dong from the token, age = current year − birth year). "
                    + "REQUESTED for the manager to decide; with 선착순 (autoApprove) APPROVED at once while places remain, then WAITLISTED "
                    + "if the programme keeps a waitlist, else 409 programme-full. Exactly `capacity` sign-ups win, also when many arrive at once. "
                    + "The JSON body carries an optional note; send {} for none.")
    @APIResponse(responseCode = "201", description = "Signed up",
            content = @Content(schema = @Schema(implementation = SignUpView.class), examples = @ExampleObject(name = "신청", value = SIGN_UP_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not eligible (district, dong or age)")
    @APIResponse(responseCode = "404", description = "No such programme")
    @APIResponse(responseCode = "409", description = "Sign-ups closed (sign-up-closed), programme cancelled, full (programme-full) or already signed up (already-signed-up)")
    @APIResponse(responseCode = "415", description = "No JSON body")
    @APIResponse(responseCode = "422", description = "Note too long")
    public Response signUp(@PathParam("id") UUID id, @Valid @NotNull SignUpRequest request) {
        SignUp s = programmes.signUp(id, request.note(), caller);
        return Response.status(201).entity(view(s, programmes.programme(s.programmeId))).build();
    }

    @GET
    @Path("space-programmes/{id}/sign-ups")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Operation(summary = "A programme's sign-ups (참여 신청 현황)", description = "With who signed up: for the space's manager and officers of its district only.")
    @APIResponse(responseCode = "200", description = "Sign-ups in order of request",
            content = @Content(schema = @Schema(implementation = SignUpView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "신청", value = "[" + SIGN_UP_EXAMPLE + "]")))
    @APIResponse(responseCode = "403", description = "Not the manager")
    @APIResponse(responseCode = "404", description = "No such programme")
    public List<SignUpView> signUps(@PathParam("id") UUID id) {
        SpaceProgramme p = programmes.programme(id);
        if (!spaces.manages(caller, spaces.space(p.spaceId))) {
            throw ProblemException.forbidden("Only the space's manager or an officer of its district");
        }
        return programmes.signUpsTo(id).stream().map(s -> view(s, p)).toList();
    }

    @POST
    @Path("sign-ups/{id}/decision")
    @RolesAllowed({Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a sign-up (참여 승인·거절)",
            description = "By the space's manager or an officer of its district. Approval takes a place; when none is left the sign-up goes "
                    + "to the waitlist if the programme keeps one, else 409 programme-full. Concurrent approvals never exceed the capacity.")
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(implementation = SignUpView.class), examples = @ExampleObject(name = "승인", value = SIGN_UP_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not the manager")
    @APIResponse(responseCode = "404", description = "No such sign-up")
    @APIResponse(responseCode = "409", description = "Already decided, programme cancelled or full")
    @APIResponse(responseCode = "422", description = "Rejection without reason")
    public SignUpView decide(@PathParam("id") UUID id, @Valid @NotNull BookingDecision decision) {
        SignUp s = programmes.decide(id, decision.decision() == SpaceRequests.Decision.APPROVED, decision.reason(), caller);
        return view(s, programmes.programme(s.programmeId));
    }

    @POST
    @Path("sign-ups/{id}/cancellation")
    @RolesAllowed({Roles.RESIDENT, Roles.OFFICER, Roles.PARTNER, Roles.CITY_ADMIN})
    @Operation(summary = "Cancel a sign-up (참여 취소)",
            description = "By the resident who signed up or the programme's manager. A freed place goes to the longest-waiting sign-up on the waitlist (대기자 승계).")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = SignUpView.class)))
    @APIResponse(responseCode = "403", description = "Someone else's sign-up")
    @APIResponse(responseCode = "404", description = "No such sign-up")
    @APIResponse(responseCode = "409", description = "Already rejected or cancelled")
    public SignUpView cancel(@PathParam("id") UUID id) {
        SignUp s = programmes.cancel(id, caller);
        return view(s, programmes.programme(s.programmeId));
    }

    @GET
    @Path("sign-ups/mine")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "My sign-ups (나의 참여 신청)", description = "The calling resident's own sign-ups, newest first.")
    @APIResponse(responseCode = "200", description = "Sign-ups",
            content = @Content(schema = @Schema(implementation = SignUpView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "신청", value = "[" + SIGN_UP_EXAMPLE + "]")))
    public List<SignUpView> mine() {
        return programmes.signUpsOf(caller.subject()).entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    private static SignUpView view(SignUp s, SpaceProgramme p) {
        return new SignUpView(s.id, s.programmeId, p.title, s.participant, s.district, s.dong, s.note, s.status, s.reason, s.requestedAt);
    }

    private ProgrammeView view(SpaceProgramme p) {
        return views(List.of(p)).get(0);
    }

    private List<ProgrammeView> views(List<SpaceProgramme> found) {
        return programmes.listings(found).stream().map(l -> {
            SpaceProgramme p = l.programme();
            Space s = l.space();
            return new ProgrammeView(p.id, p.spaceId, s.name, s.district, s.dong, p.title, p.description, p.capacity, p.eligibility,
                    p.minAge, p.maxAge, p.autoApprove, p.waitlist, p.signUpOpensAt, p.signUpClosesAt, p.status,
                    l.sessions().stream().map(x -> new SessionView(x.seq, x.startsAt, x.endsAt)).toList(), p.approved, l.requested(),
                    l.waitlisted(), p.status == SpaceProgramme.Status.PUBLISHED ? p.capacity - p.approved : 0, p.cancelReason);
        }).toList();
    }
}
