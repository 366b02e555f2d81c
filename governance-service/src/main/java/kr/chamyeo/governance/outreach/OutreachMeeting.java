package kr.chamyeo.governance.outreach;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A public–private meeting (민관협력 간담회) or advisory meeting (자문회의) of a district, with its result. */
@Entity
@Table(name = "outreach_meeting")
public class OutreachMeeting extends PanacheEntityBase {

    @Schema(name = "OutreachNewMeetingKind")
    public enum Kind { MEETING, ADVISORY }

    @Id
    public UUID id;
    public int year;
    public String district;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public LocalDate heldOn;
    public int participants;
    public String result;
}
