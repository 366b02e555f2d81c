package kr.chamyeo.governance.agenda;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A 4-party coordination meeting (4주체 협의·조정 회의). Attendees of each party and the decisions are kept
 * as JSON arrays of text.
 */
@Entity
@Table(name = "coordination_meeting")
public class CoordinationMeeting extends PanacheEntityBase {
    @Id
    public UUID id;
    public String district;
    public LocalDate heldOn;
    public UUID agendaId;
    public String seoul;
    public String gu;
    public String privateParticipants;
    public String experts;
    public String decisions;
}
