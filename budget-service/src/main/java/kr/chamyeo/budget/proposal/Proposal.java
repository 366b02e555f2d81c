package kr.chamyeo.budget.proposal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * A project proposal and its way through the review stages. The transition methods are the rules: each
 * refuses a step out of order (409) before changing anything, and every step adds a history entry.
 */
@Entity
public class Proposal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    public Cycle cycle;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    public String sourceChannel;
    public String title;
    public String description;
    public String subcommitteeCode;
    public String dong;
    public boolean eventType;
    public long requestedAmount;
    /** The current cost: requested at first, then the department's refined cost (사업비). */
    public long amount;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    public int reviewRound;
    public String contactName;
    public String contactPhone;
    public String contactEmail;
    public String submittedBy;
    public OffsetDateTime submittedAt;
    /** The youth council's round (YouthBudgetProposed roundId) for a {@link Origin#YOUTH_COUNCIL} proposal, else null. */
    public UUID councilRound;
    /** The youth council's priority (1 first) for a {@link Origin#YOUTH_COUNCIL} proposal, else null. */
    public Integer councilPriority;
    @Version
    public int version;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<ReviewEntry> history = new ArrayList<>();

    public static Proposal require(Cycle cycle, long id) {
        Proposal p = Proposal.findById(id);
        if (p == null || !p.cycle.id.equals(cycle.id)) {
            throw ProblemException.notFound("Proposal", id + " of cycle " + cycle.id);
        }
        return p;
    }

    /** The option key on the assembly ballots. */
    public String ballotKey() {
        return "p-" + id;
    }

    public void record(ReviewEntry.Step step, String decision, Long amount, String department, String reason,
                       String actor, String actorRole) {
        ReviewEntry entry = new ReviewEntry();
        entry.proposal = this;
        entry.stage = step;
        entry.reviewRound = reviewRound;
        entry.decision = decision;
        entry.amount = amount;
        entry.department = department;
        entry.reason = reason;
        entry.actor = actor;
        entry.actorRole = actorRole;
        entry.decidedAt = OffsetDateTime.now();
        history.add(entry);
    }

    /** 1차 부서검토: accept with the refined cost (within the caps) or reject. */
    public void departmentReview(boolean accept, Long refinedCost, String department, String opinion, String actor, String role) {
        requireStage(Stage.SUBMITTED, "department review (부서검토)");
        if (accept) {
            if (refinedCost == null) {
                throw ProblemException.unprocessable("amount", "is required when the department accepts");
            }
            cycle.requireWithinCap("amount", refinedCost, eventType);
            amount = refinedCost;
            stage = Stage.DEPARTMENT_REVIEWED;
        } else {
            stage = Stage.REJECTED;
        }
        record(ReviewEntry.Step.DEPARTMENT_REVIEW, accept ? "ACCEPT" : "REJECT", accept ? refinedCost : null,
                department, opinion, actor, role);
    }

    /** 2차 사전검토: pass, or return to the department for re-review and supplement (a new round of stage 1). */
    public void preReview(boolean pass, String reason, String actor, String role) {
        requireStage(Stage.DEPARTMENT_REVIEWED, "pre-review (사전검토)");
        record(ReviewEntry.Step.PRE_REVIEW, pass ? "PASS" : "RETURN", null, null, reason, actor, role);
        if (pass) {
            stage = Stage.PRE_REVIEWED;
        } else {
            stage = Stage.SUBMITTED;
            reviewRound++;
        }
    }

    /** 3차 분과심의 outcome for one proposal; the set rule (130%) is checked by the caller over the whole set. */
    public void subcommitteeDecision(boolean forwarded, String actor, String role) {
        requireStage(Stage.PRE_REVIEWED, "subcommittee deliberation (분과심의)");
        stage = forwarded ? Stage.FORWARDED : Stage.NOT_FORWARDED;
        record(ReviewEntry.Step.SUBCOMMITTEE, forwarded ? "FORWARD" : "NOT_FORWARD", forwarded ? amount : null,
                null, null, actor, role);
    }

    /** 4차 총회 outcome, written when the results are computed. */
    public void assemblyDecision(boolean adopted, String reason) {
        requireStage(Stage.FORWARDED, "assembly decision (총회)");
        stage = adopted ? Stage.ADOPTED : Stage.NOT_ADOPTED;
        record(ReviewEntry.Step.ASSEMBLY, adopted ? "ADOPT" : "NOT_ADOPT", adopted ? amount : null, null, reason,
                "budget-service", ReviewEntry.SYSTEM);
    }

    private void requireStage(Stage expected, String step) {
        if (stage != expected) {
            throw ProblemException.conflict("stage-out-of-order", "Proposal " + id + " is " + stage + "; " + step
                    + " needs it to be " + expected).with("stage", stage.name()).with("expectedStage", expected.name());
        }
    }
}
