package kr.chamyeo.governance.outreach;

import java.time.LocalDate;

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
    public LocalDate operatingFrom;
    public LocalDate operatingTo;
    public LocalDate meetingsFrom;
    public LocalDate meetingsTo;
    public LocalDate councilFrom;
    public LocalDate councilTo;
    public String programmeId;
}
