package kr.chamyeo.budget.statistics;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/districts/{code}/statistics")
@Tag(name = "Statistics", description = "추진현황: a district's participatory budgeting year by year")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    @Inject
    StatisticsService statistics;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Import a year's figures from public records", description = "추진현황 자료 입력: stores (or replaces) the "
            + "proposals (제안), adopted (편성), mobile voters (모바일투표) and budget-school (예산학교) figures of one budget year "
            + "from a public record, shown by the statistics marked imported. A year that also has a RESIDENT cycle run here "
            + "shows both entries: the record stays history beside the live cycle. Officers of the district or city admins.")
    @APIResponse(responseCode = "200", description = "The year as the statistics now report it from the record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearStatistics.class),
                    examples = @ExampleObject(name = "2020", value = """
                            {"fiscalYear": 2020, "proposals": 120, "requestedAmount": 4110000000, "requestedMillions": 4110,
                             "adopted": 41, "adoptedAmount": 842000000, "adoptedMillions": 842, "mobileVoters": 2892,
                             "schoolSessions": 5, "schoolParticipants": 682, "imported": true, "source": "금천구 2021 주요업무계획"}""")))
    @APIResponse(responseCode = "403", description = "Not an officer of the district or a city admin")
    @APIResponse(responseCode = "422", description = "Invalid district or figures (e.g. more adopted than proposed)")
    public YearStatistics importYear(@PathParam("code") @DistrictCode String code, @Valid @NotNull HistoricalFigures figures) {
        caller.requireDistrict(code, Roles.OFFICER);
        return statistics.importYear(code, figures);
    }

    @GET
    @PermitAll
    @Operation(summary = "Statistics per budget year", description = "주민참여예산 추진현황 of a district for budget years "
            + "from..to: proposals (제안 건수·금액), adopted (편성 건수·금액), mobile voters (모바일투표 참여), budget-school "
            + "sessions and participants (예산학교). Figures imported from public records are marked imported, with their "
            + "source; figures computed from a RESIDENT cycle run here carry its cycleId. A year with both shows both, the "
            + "record first: a live cycle never replaces the record of its year. Years with neither are left out.")
    @APIResponse(responseCode = "200", description = "One entry per year with data", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = YearStatistics.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "Invalid district or year range")
    public List<YearStatistics> statistics(@PathParam("code") @DistrictCode String code,
                                           @QueryParam("from") @NotNull @Min(2000) @Max(2100) Integer from,
                                           @QueryParam("to") @NotNull @Min(2000) @Max(2100) Integer to) {
        return statistics.years(code, from, to);
    }
}
