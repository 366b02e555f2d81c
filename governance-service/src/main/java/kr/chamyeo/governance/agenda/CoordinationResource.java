package kr.chamyeo.governance.agenda;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/districts/{district}/coordination-meetings")
@Tag(name = "Agendas", description = "Found agenda (발굴의제) → policy proposal (정책제안) → reflection in district policy (구정반영)")
@Produces(MediaType.APPLICATION_JSON)
public class CoordinationResource {

    @Inject
    Caller caller;

    @Inject
    AgendaService agendas;

    @Schema(name = "DistrictNewMeeting", description = "4-party coordination meeting (4주체 협의·조정 회의): all four parties must have attendees")
    public record NewMeeting(@NotNull @Schema(example = "2020-07-14") LocalDate heldOn,
                             @Schema(description = "Related found agenda (관련 발굴의제)") UUID agendaId,
                             @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> seoul,
                             @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> gu,
                             @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> privateParticipants,
                             @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> experts,
                             @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 2000) String> decisions) {
    }

    @Schema(description = "Meeting and its decisions (회의와 결정사항)")
    public record MeetingView(UUID id, String district, LocalDate heldOn, UUID agendaId, List<String> seoul, List<String> gu,
                              List<String> privateParticipants, List<String> experts, List<String> decisions) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record a 4-party coordination meeting (4주체 협의·조정 회의)", description = "Attendees from the city, the district, civilian participants and experts (서울시·자치구·민간 참여자·전문가) and the decisions (결정사항).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown district")
    @APIResponse(responseCode = "422", description = "A party missing, or agenda of another district")
    public Response create(@PathParam("district") String district, @Valid @NotNull NewMeeting request) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER);
        return Response.status(201).entity(agendas.recordMeeting(district, request)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN, Roles.PARTNER})
    @Operation(summary = "A district's coordination meetings (4주체 회의 목록)", description = "Holds attendees' names (참석자 이름), so only authorised callers see it.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = MeetingView[].class)))
    @APIResponse(responseCode = "403", description = "Other district")
    public List<MeetingView> list(@PathParam("district") String district) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER, Roles.PARTNER);
        return agendas.meetings(district);
    }

    private static void checkDistrict(String district) {
        if (!SeoulDistricts.isDistrict(district)) {
            throw ProblemException.notFound("District", district);
        }
    }
}
