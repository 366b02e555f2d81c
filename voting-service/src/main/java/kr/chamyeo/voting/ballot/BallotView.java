package kr.chamyeo.voting.ballot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.voting.ballot.BallotSpec.Eligibility;
import kr.chamyeo.voting.ballot.BallotSpec.Option;
import kr.chamyeo.voting.ballot.BallotSpec.Rule;

@Schema(description = "투표 (ballot) as anyone may see it")
public record BallotView(
        UUID id,
        @Schema(description = "요청 서비스의 상관 ID", example = "budget:42:RESIDENTS") String correlationId,
        @Schema(example = "budget-service") String requester,
        String title, String description,
        @Schema(example = "11545") String ownerDistrict, String ownerDong,
        Eligibility eligibility,
        @Schema(description = "투표 시작 (포함)") Instant opensAt,
        @Schema(description = "투표 마감 (미포함)") Instant closesAt,
        List<Option> options, Rule rule, boolean liveResults,
        @Schema(description = "UPCOMING 투표 전, OPEN 투표 중, CLOSING 마감 집계 대기, CLOSED 마감", example = "OPEN") String status,
        Instant closedAt,
        @Schema(description = "투표자 수 (마감 후)") Long voters,
        @Schema(description = "공개 게시판 해시 (SHA-256, 마감 후)") String bulletinHash) {

    public static BallotView of(Ballot b, BallotStore.State state, Instant now) {
        String phase = state.closed() ? "CLOSED"
                : now.isBefore(b.opensAt()) ? "UPCOMING" : now.isBefore(b.closesAt()) ? "OPEN" : "CLOSING";
        return new BallotView(b.id(), b.correlationId(), b.requester(), b.title(), b.description(), b.ownerDistrict(), b.ownerDong(),
                b.eligibility(), b.opensAt(), b.closesAt(), b.options(), b.rule(), b.liveResults(), phase, state.closedAt(),
                state.voters(), state.bulletinHash());
    }
}
