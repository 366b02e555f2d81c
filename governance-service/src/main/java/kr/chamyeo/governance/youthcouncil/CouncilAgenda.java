package kr.chamyeo.governance.youthcouncil;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.platform.problem.ProblemException;

/** An agenda a youth-council subcommittee deliberates (분과 의제) and what became of it. */
@Entity
@Table(name = "youth_council_agenda")
public class CouncilAgenda extends PanacheEntityBase {

    /** 상정 → 분과 채택 → 본회의 의결(시 제안) or 부결. */
    @Schema(name = "AgendaDecisionStatus")
    public enum Status {
        PROPOSED, ADOPTED, PASSED, REJECTED;

        public boolean canMoveTo(Status next) {
            return switch (this) {
                case PROPOSED -> next == ADOPTED || next == REJECTED;
                case ADOPTED -> next == PASSED || next == REJECTED;
                case PASSED, REJECTED -> false;
            };
        }
    }

    @Id
    public UUID id;
    public UUID subcommitteeId;
    public String title;
    public String summary;
    @Enumerated(EnumType.STRING)
    public Status status;
    public LocalDate decidedOn;
    public String note;

    /** The decision on this agenda: 409 if it is not a next step from its status, 422 for a rejection without its reason. */
    public void decide(Status next, LocalDate on, String reason) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("agenda-status", "an agenda that is " + status + " cannot become " + next);
        }
        if (next == Status.REJECTED && (reason == null || reason.isBlank())) {
            throw ProblemException.unprocessable("note", "a rejection needs its reason");
        }
        status = next;
        decidedOn = on;
        note = reason;
    }
}
