package kr.chamyeo.governance.youthbudget;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.governance.Years;
import kr.chamyeo.platform.district.SeoulDistricts;

@Path("/youth-budget/execution")
@Tag(name = "Youth budget monitoring", description = "Youth-budget execution monitoring (청년자율예산 집행 모니터링)")
@Produces(MediaType.APPLICATION_JSON)
public class YouthBudgetResource {

    @Schema(description = "Budgeted, granted and spent totals in won (편성·교부·집행 합계, 원)")
    public record Totals(@Schema(example = "64") int projects, @Schema(example = "7489000000") long budgeted,
                         @Schema(example = "5993660000") long granted, @Schema(example = "5100000000") long spent) {
    }

    @Schema(description = "Totals per district (자치구별 합계)")
    public record DistrictTotals(String district, String name, Totals totals) {
    }

    @Schema(description = "A fiscal year's youth-budget execution (연도별 청년자율예산 집행 현황)")
    public record Execution(int fiscalYear, int districts, Totals totals, List<DistrictTotals> byDistrict) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Youth-budget execution per district (청년자율예산 집행 모니터링)",
            description = "Sums per district what was budgeted, granted and spent (편성액·교부액·집행액), from budget-service's "
                    + "YOUTH cycle events (e.g. 2019 자치구 숙의형: 64 projects, 7,489백만원 budgeted, 5,994백만원 granted).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Execution.class)))
    @APIResponse(responseCode = "422", description = "Missing or bad fiscalYear")
    public Execution execution(@Parameter(required = true) @QueryParam("fiscalYear") Integer fiscalYear) {
        Years.required("fiscalYear", fiscalYear);
        List<YouthBudgetProject> projects = YouthBudgetProject.ofYear(fiscalYear);
        Map<String, long[]> byDistrict = new TreeMap<>();
        long[] all = new long[4];
        for (YouthBudgetProject p : projects) {
            long[] t = byDistrict.computeIfAbsent(p.district, d -> new long[4]);
            add(t, p);
            add(all, p);
        }
        List<DistrictTotals> rows = byDistrict.entrySet().stream()
                .map(e -> new DistrictTotals(e.getKey(), SeoulDistricts.name(e.getKey()), totals(e.getValue()))).toList();
        return new Execution(fiscalYear, rows.size(), totals(all), rows);
    }

    private static void add(long[] t, YouthBudgetProject p) {
        t[0]++;
        t[1] += p.budgeted;
        t[2] += p.granted == null ? 0 : p.granted;
        t[3] += p.spent == null ? 0 : p.spent;
    }

    private static Totals totals(long[] t) {
        return new Totals((int) t[0], t[1], t[2], t[3]);
    }
}
