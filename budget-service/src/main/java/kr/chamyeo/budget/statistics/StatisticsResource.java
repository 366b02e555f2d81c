package kr.chamyeo.budget.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/districts/{code}/statistics")
@Tag(name = "Statistics", description = "추진현황: a district's participatory budgeting year by year")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @POST
    @Transactional
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
    @APIResponse(responseCode = "400", description = "Malformed JSON")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an officer of the district or a city admin")
    @APIResponse(responseCode = "422", description = "Invalid district or figures (e.g. more adopted than proposed)")
    public YearStatistics importYear(@PathParam("code") @DistrictCode String code, @Valid @NotNull HistoricalFigures figures) {
        caller.requireDistrict(code, Roles.OFFICER);
        if (figures.adopted() > figures.proposals()) {
            throw ProblemException.unprocessable("adopted", "must be at most the " + figures.proposals() + " proposals");
        }
        em.createNativeQuery("insert into historical_statistic (district, fiscal_year, proposals, requested_amount, adopted, "
                        + "adopted_amount, mobile_voters, school_sessions, school_participants, source) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as integer), cast(?9 as integer), ?10) on conflict (district, fiscal_year) do update set "
                        + "proposals = excluded.proposals, requested_amount = excluded.requested_amount, adopted = excluded.adopted, "
                        + "adopted_amount = excluded.adopted_amount, mobile_voters = excluded.mobile_voters, "
                        + "school_sessions = excluded.school_sessions, school_participants = excluded.school_participants, "
                        + "source = excluded.source")
                .setParameter(1, code).setParameter(2, figures.fiscalYear()).setParameter(3, figures.proposals())
                .setParameter(4, figures.requestedAmount()).setParameter(5, figures.adopted())
                .setParameter(6, figures.adoptedAmount()).setParameter(7, figures.mobileVoters())
                .setParameter(8, figures.schoolSessions()).setParameter(9, figures.schoolParticipants())
                .setParameter(10, figures.source().strip())
                .executeUpdate();
        return imported(code, figures.fiscalYear());
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
        if (to < from) {
            throw ProblemException.unprocessable("to", "must not be before from (" + from + ")");
        }
        List<YearStatistics> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            // Both, the record first: a cycle run here does not make the published record of its year disappear.
            YearStatistics record = imported(code, year);
            if (record != null) {
                years.add(record);
            }
            YearStatistics live = live(code, year);
            if (live != null) {
                years.add(live);
            }
        }
        return years;
    }

    private YearStatistics live(String district, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.id, "
                        + "(select count(*) from proposal p where p.cycle_id = c.id), "
                        + "(select coalesce(sum(p.requested_amount), 0) from proposal p where p.cycle_id = c.id), "
                        + "(select count(*) from proposal p where p.cycle_id = c.id and p.stage = 'ADOPTED'), "
                        + "(select coalesce(sum(p.amount), 0) from proposal p where p.cycle_id = c.id and p.stage = 'ADOPTED'), "
                        + "(select coalesce(sum((v ->> 'voters')::int), 0) from cycle_result r, jsonb_array_elements(r.voters) v "
                        + "where r.cycle_id = c.id and v ->> 'role' = 'RESIDENT') "
                        + "from cycle c where c.district = ?1 and c.fiscal_year = ?2 and c.kind = 'RESIDENT'")
                .setParameter(1, district).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        Object[] school = (Object[]) em.createNativeQuery("select count(distinct s.id), count(a.participant) from school_session s "
                        + "left join school_attendance a on a.session_id = s.id where s.district = ?1 and s.fiscal_year = ?2")
                .setParameter(1, district).setParameter(2, year).getSingleResult();
        long requested = ((Number) r[2]).longValue();
        long adopted = ((Number) r[4]).longValue();
        return new YearStatistics(year, ((Number) r[1]).intValue(), requested, millions(requested), ((Number) r[3]).intValue(),
                adopted, millions(adopted), ((Number) r[5]).intValue(), ((Number) school[0]).intValue(),
                ((Number) school[1]).intValue(), false, null, ((Number) r[0]).longValue());
    }

    private YearStatistics imported(String district, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select proposals, requested_amount, adopted, adopted_amount, mobile_voters, "
                        + "school_sessions, school_participants, source from historical_statistic where district = ?1 and fiscal_year = ?2")
                .setParameter(1, district).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        long requested = ((Number) r[1]).longValue();
        long adopted = ((Number) r[3]).longValue();
        return new YearStatistics(year, ((Number) r[0]).intValue(), requested, millions(requested), ((Number) r[2]).intValue(),
                adopted, millions(adopted), ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(),
                r[6] == null ? null : ((Number) r[6]).intValue(), true, (String) r[7], null);
    }

    private static long millions(long won) {
        return BigDecimal.valueOf(won).divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
