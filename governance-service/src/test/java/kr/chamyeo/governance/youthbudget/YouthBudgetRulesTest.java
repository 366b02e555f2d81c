package kr.chamyeo.governance.youthbudget;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** Seed 001: "일정한 총액 내에서 정책의 우선순위와 규모 등을 종합적으로 결정해 서울시에 제안" (청년자율예산제). */
class YouthBudgetRulesTest {

    @Test
    void proposalsFitWithinTheTotalToTheWon() {
        assertDoesNotThrow(() -> YouthBudgetRules.requireAdoptable(1_000_000_000L, List.of(600_000_000L, 400_000_000L), List.of(1, 2)));
        ProblemException over = assertThrows(ProblemException.class,
                () -> YouthBudgetRules.requireAdoptable(1_000_000_000L, List.of(600_000_000L, 400_000_001L), List.of(1, 2)));
        assertEquals("amount", over.toProblem("/").errors().get(0).field());
        assertEquals("the proposals add up to 1000000001원, over the city's total of 1000000000원 by 1원",
                over.toProblem("/").errors().get(0).message());
    }

    @Test
    void prioritiesRunFromOneWithoutAGap() {
        assertEquals("priority", assertThrows(ProblemException.class,
                () -> YouthBudgetRules.requireAdoptable(10L, List.of(1L, 1L), List.of(1, 3))).toProblem("/").errors().get(0).field());
        assertThrows(ProblemException.class, () -> YouthBudgetRules.requireAdoptable(10L, List.of(), List.of()));
        assertEquals(409, assertThrows(ProblemException.class, () -> YouthBudgetRules.requireDeliberating(YouthBudgetRound.Status.ADOPTED))
                .status());
    }
}
