package kr.chamyeo.governance.youthbudget;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A youth-budget project as last reported by budget-service (amounts in whole won). */
@Entity
@Table(name = "youth_budget_project")
@IdClass(YouthBudgetProject.Key.class)
public class YouthBudgetProject extends PanacheEntityBase {

    @Id
    public String cycleId;
    @Id
    public String proposalId;
    public String district;
    public int fiscalYear;
    public String title;
    public long budgeted;
    public Long granted;
    public Long spent;
    public String status;
    public LocalDate reportedOn;

    public static class Key implements Serializable {
        public String cycleId;
        public String proposalId;

        public Key() {
        }

        public Key(String cycleId, String proposalId) {
            this.cycleId = cycleId;
            this.proposalId = proposalId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cycleId, k.cycleId) && Objects.equals(proposalId, k.proposalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cycleId, proposalId);
        }
    }

    /** The projects of a fiscal year, as budget-service reported them. */
    public static List<YouthBudgetProject> ofYear(int fiscalYear) {
        return list("fiscalYear", fiscalYear);
    }
}
