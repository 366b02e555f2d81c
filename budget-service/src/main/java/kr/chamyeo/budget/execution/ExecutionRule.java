package kr.chamyeo.budget.execution;

import java.time.LocalDate;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * What a new execution report may say, given the project's budget (편성액) and its latest report: figures are
 * cumulative, so granted never exceeds the budget, spent never exceeds granted, and neither goes down; reports
 * are dated in order and never in the future.
 */
public final class ExecutionRule {

    private ExecutionRule() {
    }

    public static void check(long budgeted, ExecutionReport latest, LocalDate reportedOn, long granted, long spent, LocalDate today) {
        if (reportedOn.isAfter(today)) {
            throw ProblemException.unprocessable("reportedOn", "must not be in the future");
        }
        if (granted > budgeted) {
            throw ProblemException.unprocessable("granted", "must not exceed the budgeted " + budgeted + " won")
                    .with("budgeted", budgeted).with("granted", granted);
        }
        if (spent > granted) {
            throw ProblemException.unprocessable("spent", "must not exceed granted " + granted + " won");
        }
        if (latest != null) {
            if (reportedOn.isBefore(latest.reportedOn)) {
                throw ProblemException.unprocessable("reportedOn", "must not be before the last report of " + latest.reportedOn);
            }
            if (granted < latest.granted) {
                throw ProblemException.unprocessable("granted", "is cumulative and was already " + latest.granted + " won");
            }
            if (spent < latest.spent) {
                throw ProblemException.unprocessable("spent", "is cumulative and was already " + latest.spent + " won");
            }
        }
    }
}
