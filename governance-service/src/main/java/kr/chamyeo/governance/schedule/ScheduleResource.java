package kr.chamyeo.governance.schedule;

import java.time.LocalDate;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Roles;

@Path("/schedule")
@Tag(name = "Schedule", description = "Monthly plan of the TF (TF 월별 추진 일정)")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    ScheduleService schedule;

    @Schema(name = "ScheduleMilestoneView", description = "Plan item and its status (추진 일정 항목과 상태): DONE (완료), OVERDUE (지연), PLANNED (예정)")
    public record MilestoneView(UUID id, int year, int month, String title, LocalDate doneOn, Milestone.Status status) {
    }

    @Schema(description = "Mark done (완료 처리)")
    public record Done(@NotNull @Schema(example = "2020-06-25") LocalDate doneOn) {
    }

    @Schema(name = "ScheduleImportResult", description = "Import result (가져오기 결과)")
    public record ImportResult(int imported) {
    }

    @POST
    @Path("/imports/2020")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Load the seed's June–December 2020 plan (2020 추진 일정 적재)", description = "The 16 plan items (추진 일정) of June–December (6월~12월) from seed 000. If already there, nothing changes.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    public ImportResult importPlan() {
        int imported = schedule.importPlan();
        return new ImportResult(imported);
    }

    @GET
    @PermitAll
    @Operation(summary = "The plan of a year with done/overdue (추진 일정과 이행 상태)", description = "Done, overdue or planned (완료·지연·예정) as of on (기준일, default today).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = MilestoneView[].class)))
    @APIResponse(responseCode = "422", description = "Missing year")
    public List<MilestoneView> plan(@Parameter(required = true) @QueryParam("year") Integer year, @QueryParam("on") LocalDate on) {
        if (year == null) {
            throw ProblemException.unprocessable("year", "is required");
        }
        LocalDate today = on == null ? LocalDate.now() : on;
        return schedule.plan(year).stream().map(m -> view(m, today)).toList();
    }

    @POST
    @Path("/{id}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Mark a milestone done (추진 완료)", description = "Records the completion date (완료일). It must fall within the plan's year.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "404", description = "Unknown milestone")
    @APIResponse(responseCode = "422", description = "Invalid date")
    public MilestoneView done(@PathParam("id") UUID id, @Valid @NotNull Done request) {
        return view(schedule.done(id, request.doneOn()), request.doneOn());
    }

    private static MilestoneView view(Milestone m, LocalDate today) {
        return new MilestoneView(m.id, m.year, m.month, m.title, m.doneOn, Milestone.status(m.year, m.month, m.doneOn, today));
    }
}
