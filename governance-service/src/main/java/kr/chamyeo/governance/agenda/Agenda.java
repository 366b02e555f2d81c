package kr.chamyeo.governance.agenda;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.platform.problem.ProblemException;

/** An agenda found by a district's youth participation body (발굴의제) and its reflection status. */
@Entity
@Table(name = "agenda")
public class Agenda extends PanacheEntityBase {
    @Id
    public UUID id;
    public String district;
    public int year;
    public String title;
    public String domain;
    @Enumerated(EnumType.STRING)
    public AgendaStatus status;
    public String proposal;
    public String outcomeDetail;
    public String rejectionReason;
    public OffsetDateTime updatedAt;

    /** Applies a step of the agenda's way, refusing a move its status does not allow. */
    public void moveTo(AgendaStatus next, String detail, String reason) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("invalid-transition", "Agenda " + id + " is " + status + " and cannot become " + next)
                    .with("agendaStatus", status.name());
        }
        if (next == AgendaStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw ProblemException.unprocessable("reason", "is required when an agenda is rejected");
        }
        status = next;
        if (next == AgendaStatus.REJECTED) {
            rejectionReason = reason;
        } else if (detail != null) {
            outcomeDetail = detail;
        }
    }
}
