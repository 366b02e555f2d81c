package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import kr.chamyeo.budget.cycle.CycleStatus;

@Schema(description = "The 총회 of a cycle: its two ballots at voting-service")
public record AssemblyView(@Schema(example = "1") long cycleId, CycleStatus status, List<BallotView> ballots) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One ballot (엠보팅 or 위원 투표)")
    public record BallotView(Electorate electorate, @Schema(example = "budget:1:RESIDENTS") String correlationId,
                             @Schema(description = "Set when voting-service has opened it") String ballotId,
                             OffsetDateTime opensAt, OffsetDateTime closesAt, String rejectedReason,
                             OffsetDateTime closedAt, Integer voters, Integer boxChunks,
                             @Schema(description = "Box chunks received so far") long chunksReceived) {
    }
}
