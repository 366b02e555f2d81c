package kr.chamyeo.community.council;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 자치계획 of one council for one year, decided at the residents' general meeting (주민총회). */
@Entity
@Table(name = "self_governance_plan")
public class SelfGovernancePlan extends PanacheEntityBase {

    /** NOT_QUORATE: the meeting voted but fewer than 1% of the dong's residents took part, so nothing is decided. */
    @Schema(name = "CouncilPlanStatus")
    public enum Status { DRAFT, VOTE_REQUESTED, VOTING, DECIDED, NOT_QUORATE, VOTE_REJECTED }

    @Id
    public UUID id;
    public UUID councilId;
    public int year;
    @Enumerated(EnumType.STRING)
    public ExecutionBudget.Kind kind;
    public String title;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String correlationId;
    public String ballotId;
    public Integer eligibleResidents;
    public OffsetDateTime opensAt;
    public OffsetDateTime closesAt;
    public Integer voters;
    public BigDecimal turnout;
    public BigDecimal turnoutTarget;
    public String residentsSource;
    public Integer quorum;
    /** What the plan holds of its year's 동단위 계획형 시민참여예산 (ExecutionBudget). */
    public long potClaim;
    public String rejectionReason;

    /** A vote may be requested for a draft, or again after voting-service refused the request. */
    public boolean canRequestVote() {
        return status == Status.DRAFT || status == Status.VOTE_REJECTED;
    }

    /** The meeting is over (or never took place): later ballot events change nothing. */
    public boolean settled() {
        return status == Status.DECIDED || status == Status.NOT_QUORATE || status == Status.VOTE_REJECTED;
    }

    /** VOTE_REQUESTED → VOTING; a repeated or late opening changes nothing. */
    public void opened(String ballot) {
        if (status == Status.VOTE_REQUESTED) {
            status = Status.VOTING;
            ballotId = ballot;
        }
    }

    /** VOTE_REQUESTED → VOTE_REJECTED, releasing the plan's claim on the year's pot. */
    public void rejected(String reason) {
        if (status == Status.VOTE_REQUESTED) {
            status = Status.VOTE_REJECTED;
            rejectionReason = reason;
            potClaim = 0;
        }
    }

    /** A meeting requested before quorums were recorded has none and is held against its eligible residents alone. */
    public boolean quorate(int voterCount) {
        return quorum == null || MeetingRules.quorate(voterCount, quorum);
    }

    /**
     * The meeting's outcome: DECIDED keeping {@code adoptedClaim} of the pot when the voters reached the quorum,
     * NOT_QUORATE releasing the whole claim otherwise.
     */
    public void closed(int voterCount, String ballot, long adoptedClaim) {
        boolean reached = quorate(voterCount);
        voters = voterCount;
        ballotId = ballotId != null ? ballotId : ballot;
        turnout = eligibleResidents == null || eligibleResidents == 0 ? null : MeetingRules.turnout(voterCount, eligibleResidents);
        status = reached ? Status.DECIDED : Status.NOT_QUORATE;
        potClaim = reached ? adoptedClaim : 0;
    }

    public static SelfGovernancePlan byCorrelation(String correlationId) {
        return find("correlationId", correlationId).firstResult();
    }
}
