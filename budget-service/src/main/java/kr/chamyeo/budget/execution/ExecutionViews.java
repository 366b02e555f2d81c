package kr.chamyeo.budget.execution;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of execution monitoring (집행 모니터링). */
public final class ExecutionViews {

    private ExecutionViews() {
    }

    @Schema(description = "A dated execution report; amounts are cumulative to that date")
    public record ReportRequest(
            @Schema(example = "2020-03-05") @NotNull LocalDate reportedOn,
            @Schema(description = "Granted so far (교부액)", example = "93650000") @NotNull @PositiveOrZero Long granted,
            @Schema(description = "Spent so far (집행액)", example = "40000000") @NotNull @PositiveOrZero Long spent,
            @Schema(example = "IN_PROGRESS") @NotNull ExecutionStatus status,
            @Schema(example = "1차 교부") @Size(max = 1000) String note) {
    }

    @Schema(description = "One report")
    public record ReportView(LocalDate reportedOn, long granted, long spent, ExecutionStatus status, String note) {
    }

    @Schema(description = "An adopted project's execution: budgeted (편성), granted (교부), spent (집행)")
    public record ProjectExecution(@Schema(example = "17") long proposalId, String title,
                                   @Schema(example = "117000000") long budgeted, @Schema(example = "93650000") long granted,
                                   @Schema(example = "40000000") long spent, ExecutionStatus status,
                                   LocalDate reportedOn, List<ReportView> reports) {
    }

    @Schema(description = "A cycle's execution summary; millions are rounded half up (백만원 단위)")
    public record CycleExecution(@Schema(example = "1") long cycleId,
                                 @Schema(example = "64") int projects,
                                 @Schema(example = "7489000000") long budgeted,
                                 @Schema(example = "5993660000") long granted,
                                 @Schema(example = "0") long spent,
                                 @Schema(example = "7489") long budgetedMillions,
                                 @Schema(example = "5994") long grantedMillions,
                                 @Schema(example = "0") long spentMillions,
                                 List<ProjectExecution> items) {
    }
}
