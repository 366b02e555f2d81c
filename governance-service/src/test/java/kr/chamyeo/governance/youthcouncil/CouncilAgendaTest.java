package kr.chamyeo.governance.youthcouncil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import kr.chamyeo.governance.youthcouncil.CouncilAgenda.Status;
import kr.chamyeo.platform.problem.ProblemException;

/** 상정 → 분과 채택 → 본회의 의결 (시 제안), or 부결 with its reason at either step. */
class CouncilAgendaTest {

    @Test
    void anAgendaIsAdoptedByItsSubcommitteeThenPassedByThePlenary() {
        assertTrue(Status.PROPOSED.canMoveTo(Status.ADOPTED));
        assertFalse(Status.PROPOSED.canMoveTo(Status.PASSED));
        assertTrue(Status.ADOPTED.canMoveTo(Status.PASSED));
        assertFalse(Status.PASSED.canMoveTo(Status.REJECTED));
        assertFalse(Status.REJECTED.canMoveTo(Status.ADOPTED));

        CouncilAgenda agenda = new CouncilAgenda();
        agenda.status = Status.PROPOSED;
        assertEquals(409, assertThrows(ProblemException.class, () -> agenda.decide(Status.PASSED, LocalDate.of(2019, 7, 13), null)).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> agenda.decide(Status.REJECTED, LocalDate.of(2019, 7, 13), " ")).status());
        agenda.decide(Status.ADOPTED, LocalDate.of(2019, 7, 13), null);
        agenda.decide(Status.PASSED, LocalDate.of(2019, 8, 24), "본회의 의결");
        assertEquals(Status.PASSED, agenda.status);
        assertEquals(LocalDate.of(2019, 8, 24), agenda.decidedOn);
    }
}
