package kr.chamyeo.budget.proposal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(description = "A proposal; contact only for officers of the district and city admins, history only on the single read")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposalView(
        @Schema(example = "17") long id,
        @Schema(example = "1") long cycleId,
        Origin origin,
        @Schema(example = "금천1번가") String sourceChannel,
        @Schema(example = "독산동 어린이 놀이터 개선") String title,
        String description,
        @Schema(example = "welfare") String subcommitteeCode,
        @Schema(example = "독산1동") String dong,
        boolean eventType,
        @Schema(example = "50000000") long requestedAmount,
        @Schema(description = "Current cost (refined by the department)", example = "45000000") long amount,
        Stage stage,
        @Schema(description = "Review round: 1, +1 for every return for supplement", example = "1") int reviewRound,
        OffsetDateTime submittedAt,
        @Schema(description = "For a youth council proposal (origin YOUTH_COUNCIL, 청년의회): its round (YouthBudgetProposed roundId)")
        UUID councilRound,
        @Schema(description = "For a youth council proposal: the council's priority, 1 first (정책의 우선순위)", example = "1")
        Integer councilPriority,
        ProposalRequest.Contact contact,
        List<HistoryView> history) {

    @Schema(description = "One decision of the review stages: who (by role), when, decision, amount, reason")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryView(ReviewEntry.Step stage, @Schema(example = "1") int round, @Schema(example = "ACCEPT") String decision,
                              @Schema(example = "45000000") Long amount, @Schema(example = "아동청년과") String department,
                              String reason,
                              @Schema(description = "Who acted: the token subject only for officers of the district and city admins "
                                      + "(who see contacts too); a service by its name (actorRole SYSTEM); otherwise absent — the public "
                                      + "sees the role", example = "officer-11545") String actor,
                              @Schema(example = "OFFICER") String actorRole, OffsetDateTime at) {
    }

    public static ProposalView of(Proposal p, boolean withContact, boolean withHistory) {
        return new ProposalView(p.id, p.cycle.id, p.origin, p.sourceChannel, p.title, p.description, p.subcommitteeCode,
                p.dong, p.eventType, p.requestedAmount, p.amount, p.stage, p.reviewRound, p.submittedAt,
                p.councilRound, p.councilPriority,
                withContact ? new ProposalRequest.Contact(p.contactName, p.contactPhone, p.contactEmail) : null,
                withHistory ? p.history.stream().map(h -> new HistoryView(h.stage, h.reviewRound, h.decision, h.amount,
                        h.department, h.reason, actor(h, withContact), h.actorRole, h.decidedAt)).toList() : null);
    }

    /**
     * A person's token subject is what the other leaks (a roll, a log, a receipt) are reversed with, so the public
     * history names people by role only (issue 23); the district's officers, who see the proposer's contact anyway,
     * and the audit trail keep who it was. A service acting (SYSTEM) is no person and keeps its name.
     */
    private static String actor(ReviewEntry h, boolean withPersonalData) {
        return withPersonalData || ReviewEntry.SYSTEM.equals(h.actorRole) ? h.actor : null;
    }
}
