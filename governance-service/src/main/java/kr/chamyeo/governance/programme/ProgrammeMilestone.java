package kr.chamyeo.governance.programme;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A step of a programme's schedule (추진일정), by month: from the first day of one month to the last of another. */
@Entity
@Table(name = "programme_milestone")
@IdClass(ProgrammePosition.class)
public class ProgrammeMilestone extends PanacheEntityBase {

    @Id
    public String programmeId;
    @Id
    public int position;
    public LocalDate monthFrom;
    public LocalDate monthTo;
    public String label;
}
