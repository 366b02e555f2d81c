package kr.chamyeo.budget.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CycleStatus;
import kr.chamyeo.budget.cycle.Subcommittee;
import kr.chamyeo.budget.execution.ExecutionReport;
import kr.chamyeo.budget.execution.ExecutionRule;
import kr.chamyeo.budget.proposal.Proposal;
import kr.chamyeo.budget.proposal.Stage;
import kr.chamyeo.platform.problem.ProblemException;

/** The stage, cap, 130% and execution rules as plain objects, without a server. */
class ReviewRulesTest {

    private static Cycle geumcheon2021() {
        Cycle cycle = new Cycle();
        cycle.id = 1L;
        cycle.totalAmount = 1_000_000_000L;
        cycle.ordinaryCap = 100_000_000L;
        cycle.eventCap = 20_000_000L;
        cycle.status = CycleStatus.OPEN;
        return cycle;
    }

    private static Proposal proposal(boolean eventType) {
        Proposal p = new Proposal();
        p.id = 7L;
        p.cycle = geumcheon2021();
        p.eventType = eventType;
        p.stage = Stage.SUBMITTED;
        p.reviewRound = 1;
        p.amount = 10_000_000L;
        return p;
    }

    @Test
    void stagesRunInOrderAndAReturnStartsANewRound() {
        Proposal p = proposal(false);
        ProblemException early = assertThrows(ProblemException.class, () -> p.preReview(true, null, "o", "OFFICER"));
        assertEquals(409, early.status());
        assertEquals(Stage.SUBMITTED, p.stage);
        p.departmentReview(true, 90_000_000L, "아동청년과", "구체화", "o", "OFFICER");
        p.preReview(false, "보완 요청", "o", "OFFICER");
        assertEquals(Stage.SUBMITTED, p.stage);
        assertEquals(2, p.reviewRound);
        p.departmentReview(true, 95_000_000L, "아동청년과", "보완 완료", "o", "OFFICER");
        p.preReview(true, null, "o", "OFFICER");
        p.subcommitteeDecision(true, "m", "COMMITTEE");
        assertEquals(Stage.FORWARDED, p.stage);
        assertEquals(95_000_000L, p.amount);
        assertEquals(5, p.history.size());
        assertEquals(2, p.history.get(3).reviewRound);
        assertThrows(ProblemException.class, () -> p.departmentReview(true, 1L, "d", "o", "o", "OFFICER"));
    }

    @Test
    void capsApplyToTheRefinedCostByProjectType() {
        Proposal ordinary = proposal(false);
        assertEquals(422, assertThrows(ProblemException.class,
                () -> ordinary.departmentReview(true, 100_000_001L, "d", "o", "o", "OFFICER")).status());
        assertEquals(Stage.SUBMITTED, ordinary.stage);
        assertEquals(0, ordinary.history.size());
        ordinary.departmentReview(true, 100_000_000L, "d", "o", "o", "OFFICER");

        Proposal event = proposal(true);
        assertThrows(ProblemException.class, () -> event.departmentReview(true, 20_000_001L, "d", "o", "o", "OFFICER"));
        event.departmentReview(true, 20_000_000L, "d", "o", "o", "OFFICER");
        assertEquals(Stage.DEPARTMENT_REVIEWED, event.stage);
    }

    @Test
    void forwardedSetMayReach130PercentOfTheCeilingAndNoMore() {
        Subcommittee sub = new Subcommittee();
        sub.ceiling = 333_333_333L;
        assertEquals(433_333_332L, sub.forwardLimit());
        ForwardingRule.check(sub, 433_333_332L);
        ProblemException over = assertThrows(ProblemException.class, () -> ForwardingRule.check(sub, 433_333_333L));
        assertEquals(433_333_333L, over.toProblem("/x").extensions().get("forwardedTotal"));
        assertEquals(433_333_332L, over.toProblem("/x").extensions().get("limit"));
    }

    @Test
    void executionFiguresAreCumulativeAndBounded() {
        LocalDate today = LocalDate.of(2020, 12, 31);
        ExecutionRule.check(117_000_000L, null, LocalDate.of(2020, 3, 5), 93_650_000L, 0, today);
        assertThrows(ProblemException.class, () -> ExecutionRule.check(117_000_000L, null, LocalDate.of(2020, 3, 5), 117_000_001L, 0, today));
        assertThrows(ProblemException.class, () -> ExecutionRule.check(117_000_000L, null, LocalDate.of(2020, 3, 5), 10L, 11L, today));
        assertThrows(ProblemException.class, () -> ExecutionRule.check(117_000_000L, null, LocalDate.of(2021, 1, 1), 10L, 0, today));
        ExecutionReport last = new ExecutionReport();
        last.reportedOn = LocalDate.of(2020, 6, 1);
        last.granted = 50L;
        last.spent = 20L;
        assertThrows(ProblemException.class, () -> ExecutionRule.check(100L, last, LocalDate.of(2020, 5, 1), 60L, 30L, today));
        assertThrows(ProblemException.class, () -> ExecutionRule.check(100L, last, LocalDate.of(2020, 7, 1), 40L, 30L, today));
        assertThrows(ProblemException.class, () -> ExecutionRule.check(100L, last, LocalDate.of(2020, 7, 1), 60L, 10L, today));
        ExecutionRule.check(100L, last, LocalDate.of(2020, 7, 1), 60L, 30L, today);
    }
}
