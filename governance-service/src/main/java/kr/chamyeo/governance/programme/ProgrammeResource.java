package kr.chamyeo.governance.programme;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Roles;

@Path("/programmes")
@Tag(name = "Programmes", description = "Programme budgets and schedules of the seeds (사업별 소요예산·세부내역·추진일정)")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    @Inject
    ProgrammeCatalogue catalogue;

    @Schema(description = "Programme (사업) with its required budget (소요예산, won 원)")
    public record ProgrammeSummary(@Schema(example = "outreach-2016") String id, @Schema(example = "003") String seed,
                                   @Schema(example = "2016 찾아가는 동 주민센터 자치구 민관협력 지원") String title,
                                   @Schema(example = "서울시복지재단 찾아가는동주민센터 추진지원단") String department,
                                   @Schema(description = "First month of the programme period (사업기간 시작 월)", example = "2016-03") String periodFrom,
                                   @Schema(description = "Last month of the programme period (사업기간 끝 월)", example = "2016-11") String periodTo,
                                   @Schema(description = "Required budget (소요예산, won 원)", example = "10540000") long total) {
        static ProgrammeSummary of(Programme p) {
            return new ProgrammeSummary(p.id, p.seed, p.title, p.department, ProgrammeCatalogue.month(p.periodFrom),
                    ProgrammeCatalogue.month(p.periodTo), p.total);
        }
    }

    @Schema(description = "One budget line (세부내역 한 줄, won 원): unit price × quantities = amount (단가 × 수량 = 금액)")
    public record LineView(@Schema(description = "Budget category (편성목·구분)", example = "일반운영비") String category,
                           @Schema(example = "간담회·교육 강사비") String item,
                           @Schema(description = "Unit price (단가, won 원), when the calculation (산출내역) is given", example = "210000", nullable = true) Long unitPrice,
                           @Schema(description = "Quantities (수량)", example = "17명 × 2회", nullable = true) String quantities,
                           @Schema(example = "7140000") long amount) {
    }

    @Schema(description = "Subtotal per budget category (편성목·구분별 소계, won 원)")
    public record Subtotal(@Schema(example = "일반운영비") String category, @Schema(example = "7990000") long amount) {
    }

    @Schema(name = "ProgrammeMilestoneView", description = "Schedule item (추진일정), by month (월 단위)")
    public record MilestoneView(@Schema(example = "2016-03") String from, @Schema(example = "2016-04") String to,
                                @Schema(example = "자치구 민관협력 간담회 (자치구별 1회)") String label) {
    }

    @Schema(description = "A programme's required budget (소요예산), budget lines (세부내역), subtotals (소계) and schedule (추진일정)")
    public record ProgrammeView(ProgrammeSummary programme,
                                @Schema(description = "Note as written in the source (원문에 적힌 말); null if none", nullable = true) String note,
                                @Schema(description = "Budget lines (세부내역); an empty list if the source gives only the total (총액)") List<LineView> lines,
                                List<Subtotal> byCategory, List<MilestoneView> milestones) {
    }

    @Schema(name = "ProgrammeImportResult", description = "Load result (적재 결과)")
    public record ImportResult(@Schema(description = "Number of programmes newly loaded (새로 적재한 사업 수); 0 if already there", example = "4") int imported) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Programmes with their budgets (사업 목록)", description = "The seeds' programmes (사업) and required budgets (소요예산, won 원), in order of programme period (사업기간순).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ProgrammeSummary[].class)))
    public List<ProgrammeSummary> all() {
        return catalogue.all().stream().map(ProgrammeSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A programme's budget lines and schedule (사업 소요예산·세부내역·추진일정)",
            description = "E.g. outreach-2016: lecturer fees (강사비) 210,000원 × 17명 × 2회 = 7,140,000원, running costs (진행비) 10,000원 × 5명 × 17개구 = 850,000원, "
                    + "advisory meeting fees (자문회의비) 150,000원 × 1회 × 17개구 = 2,550,000원, total (합계) 10,540천원 (seed 003).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public ProgrammeView one(@PathParam("id") String id) {
        ProgrammeCatalogue.Loaded loaded = catalogue.find(id).orElseThrow(() -> ProblemException.notFound("Programme", id));
        List<LineView> lines = loaded.lines().stream()
                .map(l -> new LineView(l.category(), l.item(), l.unitPrice(), l.quantities(), l.amount())).toList();
        List<Subtotal> subtotals = BudgetLines.byCategory(loaded.lines()).entrySet().stream()
                .map((Map.Entry<String, Long> e) -> new Subtotal(e.getKey(), e.getValue())).toList();
        List<MilestoneView> milestones = loaded.milestones().stream().map(m -> new MilestoneView(ProgrammeCatalogue.month(m.monthFrom),
                ProgrammeCatalogue.month(m.monthTo), m.label)).toList();
        return new ProgrammeView(ProgrammeSummary.of(loaded.programme()), loaded.programme().note, lines, subtotals, milestones);
    }

    @POST
    @Path("/imports/seed")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Load the seeds' programmes (seed 사업 적재)",
            description = "Loads the programmes (사업), required budgets (소요예산), budget lines (세부내역) and schedules (추진일정) of seed 000·001·003·004. Programmes already there are left as they are. "
                    + "Data whose budget lines do not add up to the total (총액) is not loaded.")
    @APIResponse(responseCode = "200", description = "Loaded", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    public ImportResult load() {
        return new ImportResult(catalogue.load());
    }
}
