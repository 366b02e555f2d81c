package kr.chamyeo.governance.agenda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgendaStatusTest {

    @Test
    void reflectionOnlyAfterProposalAndFinalStatesStay() {
        assertFalse(AgendaStatus.FOUND.canMoveTo(AgendaStatus.BUDGETED_NEXT_YEAR));
        assertTrue(AgendaStatus.FOUND.canMoveTo(AgendaStatus.PROPOSED));
        assertTrue(AgendaStatus.PROPOSED.canMoveTo(AgendaStatus.ORDINANCE_AMENDED));
        assertTrue(AgendaStatus.ORDINANCE_AMENDED.canMoveTo(AgendaStatus.BUDGETED_NEXT_YEAR));
        assertFalse(AgendaStatus.REJECTED.canMoveTo(AgendaStatus.PROPOSED));
        assertFalse(AgendaStatus.BUDGETED_NEXT_YEAR.canMoveTo(AgendaStatus.REJECTED));
    }
}
