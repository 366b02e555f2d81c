package kr.chamyeo.governance.youthbudget;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A policy the youth council proposes within the round's total, with its size (원) and priority (1 = first). */
@Entity
@Table(name = "youth_budget_proposal")
public class YouthBudgetProposal extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID roundId;
    public UUID subcommitteeId;
    public String title;
    public String summary;
    public long amount;
    public int priority;

    static List<YouthBudgetProposal> of(UUID roundId) {
        return list("roundId = ?1 order by priority", roundId);
    }
}
