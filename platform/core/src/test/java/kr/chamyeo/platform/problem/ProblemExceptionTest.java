package kr.chamyeo.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProblemExceptionTest {

    /** A figure named like a member of every problem would replace it: {@code status: "OPEN"} instead of 409. */
    @Test
    void aFigureMayNotReplaceAMemberEveryProblemHas() {
        for (String member : new String[] {"type", "title", "status", "detail", "instance", "errors"}) {
            assertThrows(IllegalArgumentException.class, () -> ProblemException.conflict("not-counting", "closed").with(member, "OPEN"));
        }
        Problem problem = ProblemException.conflict("not-counting", "closed").with("ballotStatus", "OPEN").toProblem("/b");
        assertEquals(409, problem.status());
        assertEquals("OPEN", problem.extensions().get("ballotStatus"));
    }
}
