package kr.chamyeo.governance.outreach;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The calendar of a year's outreach-centre programme, as loaded from its seed (see {@link OutreachCalendar}). */
@Entity
@Table(name = "outreach_programme")
public class OutreachProgramme extends PanacheEntityBase {

    @Id
    public int year;
    @Column(name = "operating_from")
    public LocalDate operatingFrom;
    @Column(name = "operating_to")
    public LocalDate operatingTo;
    @Column(name = "meetings_from")
    public LocalDate meetingsFrom;
    @Column(name = "meetings_to")
    public LocalDate meetingsTo;
    @Column(name = "council_from")
    public LocalDate councilFrom;
    @Column(name = "council_to")
    public LocalDate councilTo;
    @Column(name = "programme_id")
    public String programmeId;
}
