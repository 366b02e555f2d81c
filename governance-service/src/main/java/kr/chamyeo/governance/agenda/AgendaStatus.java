package kr.chamyeo.governance.agenda;

import java.util.Set;

/**
 * The way of an agenda: found in a district (발굴) → proposed as a policy (정책제안) → reflected in the
 * district's administration (구정반영: next year's budget or an ordinance change) or rejected with a reason.
 */
public enum AgendaStatus {
    FOUND, PROPOSED, BUDGETED_NEXT_YEAR, ORDINANCE_AMENDED, REJECTED;

    public boolean isFinal() {
        return this == BUDGETED_NEXT_YEAR || this == ORDINANCE_AMENDED || this == REJECTED;
    }

    public boolean canMoveTo(AgendaStatus next) {
        return switch (this) {
            case FOUND -> next == PROPOSED || next == REJECTED;
            case PROPOSED -> Set.of(BUDGETED_NEXT_YEAR, ORDINANCE_AMENDED, REJECTED).contains(next);
            // An amended ordinance may still get a budget line the next year, not the other way round.
            case ORDINANCE_AMENDED -> next == BUDGETED_NEXT_YEAR;
            case BUDGETED_NEXT_YEAR, REJECTED -> false;
        };
    }
}
