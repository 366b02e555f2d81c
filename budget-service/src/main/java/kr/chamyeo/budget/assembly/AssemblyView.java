package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import kr.chamyeo.budget.cycle.CycleStatus;

@Schema(description = "The 총회 of a cycle: its ballots at voting-service, every round of a ballot request")
public record AssemblyView(@Schema(example = "1") long cycleId, CycleStatus status,
                           @Schema(description = "Why voting-service refused a current ballot request, until the officer re-opens "
                                   + "the assembly", example = "RESIDENTS (budget:1:RESIDENTS): closesAt must be after opensAt")
                           String rejection,
                           List<BallotView> ballots) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One electorate's ballot (e.g. 엠보팅 or 위원 투표)")
    public record BallotView(@Schema(description = "Code of the cycle's electorate", example = "RESIDENTS") String electorate,
                             @Schema(description = "1, or the round of a re-request after a rejection", example = "1") int round,
                             @Schema(example = "budget:1:RESIDENTS") String correlationId,
                             @Schema(description = "Set when voting-service has opened it") String ballotId,
                             OffsetDateTime opensAt, OffsetDateTime closesAt,
                             @Schema(description = "voting-service's reason (BallotRejected)") String rejectedReason,
                             OffsetDateTime closedAt, Integer voters, Integer boxChunks,
                             @Schema(description = "Box chunks received so far") long chunksReceived) {
    }
}
