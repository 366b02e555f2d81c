package kr.chamyeo.governance.taskforce;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.platform.problem.ProblemException;

/** One appointment (위촉) of an officer to a district for a term. */
@Entity
@Table(name = "officer_appointment")
public class Appointment extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID officerId;
    public String district;
    public String region;
    public String affiliation;
    public LocalDate termStart;
    public LocalDate termEnd;

    public boolean overlaps(LocalDate start, LocalDate end) {
        return !start.isAfter(termEnd) && !end.isBefore(termStart);
    }

    /** Terms of one officer must not overlap: an officer serves one district at a time. */
    public static void checkTerm(LocalDate start, LocalDate end, List<Appointment> existing) {
        if (end.isBefore(start)) {
            throw ProblemException.unprocessable("termEnd", "must not be before termStart");
        }
        for (Appointment a : existing) {
            if (a.overlaps(start, end)) {
                throw ProblemException.conflict("overlapping-term", "The officer already has an appointment from "
                        + a.termStart + " to " + a.termEnd + " (" + a.district + ")").with("appointmentId", a.id);
            }
        }
    }
}
