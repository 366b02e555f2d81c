package kr.chamyeo.community.participant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

/**
 * The participant-centred record the seed asks for (선정사업 관리 → 참여자 관리): one person's groups, applications,
 * bookings, council seats, education and activity over time. A participant is identified by the token subject.
 */
@Path("/participants")
@Tag(name = "Participants (참여자 이력)")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    public enum ActivityKind {
        /** 교육 이수 (주민자치학교, 마을아카데미 …) */
        EDUCATION,
        /** 활동 (자원활동, 네트워크 파티 …) */
        ACTIVITY,
        /** 경력 (마을자치전문가, 공간운영자 …) */
        CAREER
    }

    @Inject
    Caller caller;

    @Inject
    ParticipantHistory participants;

    @Schema(description = "Record of training or activity (교육·활동 기록)")
    public record ActivityRequest(@NotNull @DistrictCode @Schema(example = "11545") String district,
                                  @NotNull ActivityKind kind,
                                  @NotBlank @Size(max = 300) @Schema(example = "주민자치학교 기본과정") String title,
                                  @PositiveOrZero @DecimalMax("10000") @Schema(example = "6") BigDecimal hours,
                                  @NotNull LocalDate occurredOn) {
    }

    @Schema(description = "One entry of a participant's history")
    public record Entry(OffsetDateTime at, String type, String district, String title, String status, String reference) {
    }

    @Schema(description = "A participant's history, oldest first")
    public record History(String participantId, List<Entry> entries) {
    }

    @POST
    @Path("/{id}/activities")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record education or activity (교육 이수·활동 기록)", description = "By an officer of the district where it took place.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = Entry.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "Invalid record")
    public Response record(@PathParam("id") @Size(max = 200) String id, @Valid @NotNull ActivityRequest r) {
        caller.requireDistrict(r.district(), Roles.OFFICER);
        return Response.status(201).entity(participants.record(id, r, caller.subject())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.RESIDENT, Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A participant's history (참여자 이력)",
            description = "Groups, grant applications, bookings, programme sign-ups (참여 신청), council applications and seats, education and activity, oldest first. "
                    + "A resident sees their own; a district officer only the records of their district; a city administrator all.")
    @APIResponse(responseCode = "200", description = "History", content = @Content(schema = @Schema(implementation = History.class)))
    @APIResponse(responseCode = "403", description = "Someone else's history")
    public History history(@PathParam("id") String id) {
        String onlyDistrict;
        if (caller.isCityAdmin() || id.equals(caller.subject())) {
            onlyDistrict = null;
        } else if (caller.hasRole(Roles.OFFICER) && caller.district().isPresent()) {
            onlyDistrict = caller.district().get();
        } else {
            throw ProblemException.forbidden("A resident sees only their own history");
        }
        return participants.history(id, onlyDistrict);
    }
}
