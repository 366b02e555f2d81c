package kr.chamyeo.budget.school;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/districts/{code}/school-sessions")
@Tag(name = "Budget school", description = "예산학교: sessions and attendance")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    Caller caller;

    @Inject
    SchoolService school;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Add a budget-school session", description = "예산학교 회차 등록 (online or offline). Officer of the district or city admin.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SchoolViews.SessionView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the district")
    @APIResponse(responseCode = "422", description = "Invalid field")
    public Response create(@PathParam("code") @DistrictCode String code, @Valid @NotNull SchoolViews.SessionRequest request) {
        caller.requireDistrict(code, Roles.OFFICER);
        return Response.status(201).entity(school.create(code, request)).build();
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record attendance", description = "예산학교 출석: records participants of a session; a participant "
            + "already recorded is counted once.")
    @APIResponse(responseCode = "200", description = "The session with its participant count", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SchoolViews.SessionView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the district")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "422", description = "Invalid field")
    public SchoolViews.SessionView attend(@PathParam("code") @DistrictCode String code, @PathParam("id") long id,
                                          @Valid @NotNull SchoolViews.AttendanceRequest request) {
        caller.requireDistrict(code, Roles.OFFICER);
        return school.attend(code, id, request.participants());
    }

    @GET
    @PermitAll
    @Operation(summary = "List budget-school sessions", description = "예산학교 회차 of a district and year with participant counts.")
    @APIResponse(responseCode = "200", description = "Sessions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SchoolViews.SessionView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "Invalid district or year")
    public List<SchoolViews.SessionView> list(@PathParam("code") @DistrictCode String code,
                                              @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return school.sessions(code, year);
    }
}
