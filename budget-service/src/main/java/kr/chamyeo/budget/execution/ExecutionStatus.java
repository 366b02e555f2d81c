package kr.chamyeo.budget.execution;

/** 집행 상태 of an adopted project. */
public enum ExecutionStatus {
    PLANNED, IN_PROGRESS, COMPLETED, CANCELLED
}
