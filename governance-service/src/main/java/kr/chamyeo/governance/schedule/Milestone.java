package kr.chamyeo.governance.schedule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One item of the TF's monthly plan (추진 일정). */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Schema(name = "ScheduleMilestoneStatus")
    public enum Status { DONE, OVERDUE, PLANNED }

    @Id
    public UUID id;
    public int year;
    public int month;
    public String title;
    public LocalDate doneOn;
    public String source;

    /** Done once marked; overdue when its month has ended without that; planned otherwise. */
    public static Status status(int year, int month, LocalDate doneOn, LocalDate today) {
        if (doneOn != null) {
            return Status.DONE;
        }
        return today.isAfter(YearMonth.of(year, month).atEndOfMonth()) ? Status.OVERDUE : Status.PLANNED;
    }
}
