package kr.chamyeo.community.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/plans")
@Tag(name = "Master plans (마을공동체 기본계획)")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    PlanService plans;

    @Inject
    Caller caller;

    @Schema(description = "A stored plan (summary)")
    public record PlanSummary(UUID id, @Schema(example = "seoul-village-community-2") String code,
                              @Schema(example = "2기(2018년~2022년) 마을공동체 기본계획") String title,
                              int startYear, int endYear, String ownerDistrict) {
        static PlanSummary of(Plan p) {
            return new PlanSummary(p.id, p.code, p.title, p.startYear, p.endYear, p.ownerDistrict);
        }
    }

    @Schema(name = "PlanView", description = "A stored plan with its whole tree")
    public record PlanView(UUID id, PlanDocument plan) {
    }

    @Schema(description = "실적 보고: what a measure achieved in a year and what it spent (원)")
    public record ActualReport(@PositiveOrZero @Schema(example = "950") BigDecimal actual,
                               @PositiveOrZero @Schema(example = "980000000") Long spent,
                               @Size(max = 500) @Schema(example = "운영") String note) {
    }

    @Schema(description = "Measured value of a performance indicator (성과지표 측정값)")
    public record KpiReport(@NotNull @Schema(example = "63.2") BigDecimal value) {
    }

    @Schema(description = "Progress of a plan in one year: the rolled-up tree and the KPIs")
    public record ProgressView(UUID planId, int year, PlanProgress.NodeProgress tree, List<PlanProgress.KpiProgress> kpis) {
    }

    @POST
    @RolesAllowed({Roles.CITY_ADMIN, Roles.OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a master plan (기본계획 등록)",
            description = "Imports a plan tree (비전 → 핵심가치 → 전략 → 추진과제 → 단위사업) with yearly targets and budgets (원) and "
                    + "KPIs (성과지표). City-wide plans (no ownerDistrict) by CITY_ADMIN; a district plan by that district's OFFICER.")
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(schema = @Schema(implementation = PlanSummary.class)))
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "409", description = "Code already imported")
    @APIResponse(responseCode = "422", description = "Invalid plan")
    public Response importPlan(@Valid @NotNull PlanDocument document) {
        requireOwner(document.ownerDistrict());
        return Response.status(201).entity(PlanSummary.of(plans.importPlan(document))).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List master plans (기본계획 목록)", description = "Public.")
    @APIResponse(responseCode = "200", description = "Plans", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PlanSummary.class)))
    public List<PlanSummary> list() {
        return Plan.inOrder().stream().map(PlanSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A master plan's tree (기본계획 체계)", description = "Vision, core values, strategies, tasks, unit projects with yearly targets and budgets, KPIs. Public.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public PlanView get(@PathParam("id") UUID id) {
        Plan plan = plans.find(id);
        return new PlanView(plan.id, plans.document(plan));
    }

    @PUT
    @Path("/{id}/measures/{measureCode}/actuals/{year}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a unit project measure's actual for a year (실적 보고)",
            description = "Records (or corrects) what a unit project's measure achieved and spent in a year.")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "No such plan or measure")
    @APIResponse(responseCode = "422", description = "Year outside the plan or bad figures")
    public Response reportActual(@PathParam("id") UUID id, @PathParam("measureCode") String measureCode,
                                 @PathParam("year") int year, @Valid @NotNull ActualReport report) {
        Plan plan = plans.find(id);
        requireOwner(plan.ownerDistrict);
        if (report.actual() == null && report.spent() == null && report.note() == null) {
            throw ProblemException.unprocessable("body", "give at least one of actual, spent, note");
        }
        plans.reportActual(plan, measureCode, year, report.actual(), report.spent(), report.note(), caller.subject());
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/kpis/{kpiCode}/measurements/{year}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.OFFICER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a KPI measurement (성과지표 측정)", description = "E.g. 이웃신뢰도 measured by the yearly survey.")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "403", description = "Not allowed")
    @APIResponse(responseCode = "404", description = "No such plan or KPI")
    @APIResponse(responseCode = "422", description = "Bad year or value")
    public Response reportKpi(@PathParam("id") UUID id, @PathParam("kpiCode") String kpiCode, @PathParam("year") int year,
                              @Valid @NotNull KpiReport report) {
        Plan plan = plans.find(id);
        requireOwner(plan.ownerDistrict);
        plans.reportKpi(plan, kpiCode, year, report.value(), caller.subject());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/progress")
    @PermitAll
    @Operation(summary = "Progress of a plan in a year (추진실적)",
            description = "Target vs actual and budget vs spent per measure, rolled up unit project → task → strategy → core value → "
                    + "vision, with the share achieved; KPIs with their newest measurement up to that year. Public.")
    @APIResponse(responseCode = "200", description = "Progress", content = @Content(schema = @Schema(implementation = ProgressView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "422", description = "Year missing or outside the plan")
    public ProgressView progress(@PathParam("id") UUID id, @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        Plan plan = plans.find(id);
        if (year < plan.startYear || year > plan.endYear) {
            throw ProblemException.unprocessable("year", "must lie within the plan years " + plan.startYear + "–" + plan.endYear);
        }
        PlanDocument document = plans.document(plan);
        PlanProgress.NodeProgress tree = PlanProgress.rollUp(document.root(), year, plans.actuals(plan, year));
        Map<String, PlanProgress.KpiValue> values = plans.kpiValues(plan, year);
        List<PlanProgress.KpiProgress> kpis = document.kpis() == null ? List.of()
                : document.kpis().stream().map(k -> PlanProgress.kpi(k, year, values.get(k.code()))).toList();
        return new ProgressView(plan.id, year, tree, kpis);
    }

    private void requireOwner(String ownerDistrict) {
        if (ownerDistrict == null) {
            if (!caller.isCityAdmin()) {
                throw ProblemException.forbidden("Only CITY_ADMIN manages city-wide plans");
            }
        } else {
            caller.requireDistrict(ownerDistrict, Roles.OFFICER);
        }
    }
}
