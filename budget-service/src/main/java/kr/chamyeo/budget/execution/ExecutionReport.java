package kr.chamyeo.budget.execution;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.budget.proposal.Proposal;

/** A dated report of an adopted project's cumulative granted (교부) and spent (집행) amounts. */
@Entity
public class ExecutionReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    public Proposal proposal;
    public LocalDate reportedOn;
    public long granted;
    public long spent;
    @Enumerated(EnumType.STRING)
    public ExecutionStatus status;
    public String note;
    public String reportedBy;
    public OffsetDateTime createdAt;
}
