package kr.chamyeo.budget.execution;

import java.time.LocalDate;

import kr.chamyeo.budget.cycle.CycleKind;

/** {@code ExecutionReported} data on {@code budget.cycles}. */
public record ExecutionReported(long cycleId, String district, int fiscalYear, CycleKind kind, long proposalId, String title,
                                long budgeted, long granted, long spent, ExecutionStatus status, LocalDate reportedOn) {
}
