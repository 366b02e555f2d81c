package kr.chamyeo.governance.youthcouncil;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.platform.problem.ProblemException;

/** A subcommittee (분과) of one year's youth council. */
@Entity
@Table(name = "youth_council_subcommittee")
public class Subcommittee extends PanacheEntityBase {
    @Id
    public UUID id;
    public int year;
    public String name;
    public String description;

    /** A subcommittee keeps its year while it has members or agendas: they belong to that year's council (409). */
    public void requireYearChangeAllowed(int newYear, boolean hasMembersOrAgendas) {
        if (year != newYear && hasMembersOrAgendas) {
            throw ProblemException.conflict("subcommittee-in-use", "year cannot change while the subcommittee has members or agendas");
        }
    }

    /** Only an empty subcommittee is removed; members and agendas would lose it (409). */
    public void requireRemovable(boolean hasMembersOrAgendas) {
        if (hasMembersOrAgendas) {
            throw ProblemException.conflict("subcommittee-in-use", name + " still has members or agendas");
        }
    }
}
