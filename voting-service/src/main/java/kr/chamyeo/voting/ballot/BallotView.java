package kr.chamyeo.voting.ballot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.voting.ballot.BallotSpec.Eligibility;
import kr.chamyeo.voting.ballot.BallotSpec.Option;
import kr.chamyeo.voting.ballot.BallotSpec.Rule;

@Schema(description = "A ballot (투표) as anyone may see it")
public record BallotView(
        UUID id,
        @Schema(description = "Correlation ID of the requesting service (요청 서비스의 상관 ID)", example = "budget:42:RESIDENTS") String correlationId,
        @Schema(example = "budget-service") String requester,
        String title, String description,
        @Schema(example = "11545") String ownerDistrict, String ownerDong,
        Eligibility eligibility,
        @Schema(description = "Voting opens (투표 시작), inclusive (포함)") Instant opensAt,
        @Schema(description = "Voting closes (투표 마감), exclusive (미포함)") Instant closesAt,
        List<Option> options, Rule rule, boolean liveResults,
        @Schema(description = "UPCOMING: before voting (투표 전); OPEN: voting (투표 중); CLOSING: waiting to close (마감 대기); "
                + "COUNTING: being counted, trustees shuffle and decrypt (개표 중: 관리인 섞기·복호); CLOSED: counted (개표 완료)",
                example = "OPEN") String status,
        @Schema(description = "When voting ended (투표 종료 시각)") Instant closedAt,
        @Schema(description = "Number of voters (투표자 수), after the count (개표 후)") Long voters,
        @Schema(description = "Invalid ballots (무효표 수), after the count (개표 후): decrypted ballots that break the rule") Long invalid,
        @Schema(description = "The election panel (선거관리 패널) whose key encrypts this ballot") UUID electionId,
        @Schema(description = "Size of the public board when voting ended (투표 종료 시 공개 게시판 크기)") Long boardSize,
        @Schema(description = "Hash-chain head of the public board when voting ended "
                + "(투표 종료 시 공개 게시판 해시 체인 값, PROTOCOL.md §8)") String boardHead,
        @Schema(description = "조기 마감 사유: why an officer ended voting before closes-at (null otherwise)",
                example = "선거 관리 사고: 투표 안내 문자 오발송") String closeReason) {

    public static BallotView of(Ballot b, BallotStore.State state, Instant now) {
        String phase = !"OPEN".equals(state.status()) ? state.status()
                : now.isBefore(b.opensAt()) ? "UPCOMING" : now.isBefore(b.closesAt()) ? "OPEN" : "CLOSING";
        return new BallotView(b.id(), b.correlationId(), b.requester(), b.title(), b.description(), b.ownerDistrict(), b.ownerDong(),
                b.eligibility(), b.opensAt(), b.closesAt(), b.options(), b.rule(), b.liveResults(), phase, state.closedAt(),
                state.voters(), state.invalid(), b.electionId(), state.boardSize(), state.boardHead(), state.closeReason());
    }
}
