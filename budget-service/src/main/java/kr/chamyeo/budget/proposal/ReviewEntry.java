package kr.chamyeo.budget.proposal;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One decision in a proposal's history; rows are only ever added. */
@Entity
public class ReviewEntry extends PanacheEntityBase {

    /** The step a history entry records. */
    public enum Step { SUBMISSION, DEPARTMENT_REVIEW, PRE_REVIEW, SUBCOMMITTEE, ASSEMBLY }

    /** The role of an entry a service wrote (the assembly's outcome, a youth council proposal); its actor is the service. */
    public static final String SYSTEM = "SYSTEM";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    public Proposal proposal;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Step stage;
    public int reviewRound;
    public String decision;
    public Long amount;
    public String department;
    public String reason;
    public String actor;
    public String actorRole;
    public OffsetDateTime decidedAt;
}
