package kr.chamyeo.budget.pabulib;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import kr.chamyeo.budget.selection.Proportionality;
import kr.chamyeo.budget.selection.SelectionRule;

@Schema(description = "The outcome of a rule on a Pabulib election (모의 선정), without touching any cycle")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationView(
        SelectionRule rule,
        @Schema(example = "5900907") long budget,
        @Schema(example = "134") int projects,
        @Schema(example = "14897") int voters,
        List<Selected> selected,
        @Schema(example = "5900440") long totalSpent,
        @Schema(example = "467") long leftover,
        @Schema(description = "Whether the selection equals the file's own 'selected' column (absent if it has none)")
        Boolean matchesFileSelection,
        @Schema(description = "How the add1 completion of Equal Shares ended (absent for other rules)")
        Completion add1,
        Proportionality proportionality,
        @Schema(description = "Milliseconds to read the file", example = "120") long parseMillis,
        @Schema(description = "Milliseconds to run the rule", example = "40") long selectionMillis,
        @Schema(description = "Milliseconds to check EJR / PJR and write the account", example = "600") long analysisMillis) {

    @Schema(description = "The add1 completion: the virtual total whose outcome was kept, what each voter held with it, "
            + "and how many times the rounds ran (steps that could not change the outcome are skipped, not run)")
    public record Completion(@Schema(example = "8565775") long virtualTotal, @Schema(example = "575") long perVoter,
                             @Schema(example = "41") int runs) {
    }

    @Schema(description = "A selected project, in selection order")
    public record Selected(@Schema(example = "26") String projectId, @Schema(example = "Pumptrack") String name,
                           @Schema(example = "350000") long cost, @Schema(example = "3736") int votes,
                           @Schema(example = "1") int rank) {
    }
}
