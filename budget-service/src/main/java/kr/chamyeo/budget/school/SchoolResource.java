package kr.chamyeo.budget.school;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/districts/{code}/school-sessions")
@Tag(name = "Budget school", description = "예산학교: sessions and attendance")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Transactional
    @Operation(summary = "Add a budget-school session", description = "예산학교 회차 등록 (online or offline). Officer of the district or city admin.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SchoolViews.SessionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an officer of the district")
    @APIResponse(responseCode = "422", description = "Invalid field")
    public Response create(@PathParam("code") @DistrictCode String code, @Valid @NotNull SchoolViews.SessionRequest request) {
        caller.requireDistrict(code, Roles.OFFICER);
        SchoolSession s = new SchoolSession();
        s.district = code;
        s.fiscalYear = request.fiscalYear();
        s.title = request.title();
        s.heldOn = request.heldOn();
        s.mode = request.mode();
        s.createdAt = OffsetDateTime.now();
        s.persist();
        return Response.status(201).entity(view(s)).build();
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Transactional
    @Operation(summary = "Record attendance", description = "예산학교 출석: records participants of a session; a participant "
            + "already recorded is counted once.")
    @APIResponse(responseCode = "200", description = "The session with its participant count", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SchoolViews.SessionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an officer of the district")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "422", description = "Invalid field")
    public SchoolViews.SessionView attend(@PathParam("code") @DistrictCode String code, @PathParam("id") long id,
                                          @Valid @NotNull SchoolViews.AttendanceRequest request) {
        caller.requireDistrict(code, Roles.OFFICER);
        SchoolSession s = SchoolSession.findById(id);
        if (s == null || !s.district.equals(code)) {
            throw ProblemException.notFound("School session", id + " of district " + code);
        }
        for (String participant : request.participants()) {
            em.createNativeQuery("insert into school_attendance (session_id, participant) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, id).setParameter(2, participant.strip()).executeUpdate();
        }
        return view(s);
    }

    @GET
    @PermitAll
    @Operation(summary = "List budget-school sessions", description = "예산학교 회차 of a district and year with participant counts.")
    @APIResponse(responseCode = "200", description = "Sessions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SchoolViews.SessionView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "Invalid district or year")
    public List<SchoolViews.SessionView> list(@PathParam("code") @DistrictCode String code,
                                              @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        List<SchoolSession> sessions = year == null
                ? SchoolSession.list("district", Sort.ascending("heldOn", "id"), code)
                : SchoolSession.list("district = ?1 and fiscalYear = ?2", Sort.ascending("heldOn", "id"), code, year);
        return sessions.stream().map(this::view).toList();
    }

    private SchoolViews.SessionView view(SchoolSession s) {
        long participants = ((Number) em.createNativeQuery("select count(*) from school_attendance where session_id = ?1")
                .setParameter(1, s.id).getSingleResult()).longValue();
        return new SchoolViews.SessionView(s.id, s.district, s.fiscalYear, s.title, s.heldOn, s.mode, participants);
    }
}
