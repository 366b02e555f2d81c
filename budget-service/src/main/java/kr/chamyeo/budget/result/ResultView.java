package kr.chamyeo.budget.result;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.budget.selection.Proportionality;
import kr.chamyeo.budget.selection.SelectionRule;

@Schema(description = "Results of a cycle's 총회: every voted project with votes, shares, score, rank and the reason")
public record ResultView(
        @Schema(example = "1") long cycleId,
        SelectionRule rule,
        @Schema(example = "1000000000") long totalAmount,
        @Schema(example = "987000000") long adoptedAmount,
        @Schema(description = "Amount left over (잔액)", example = "13000000") long leftover,
        @Schema(description = "Voters of the RESIDENTS electorate (0 if none)", example = "1256") int residentVoters,
        @Schema(description = "Voters of the COMMITTEE electorate (0 if none)", example = "40") int committeeVoters,
        @Schema(description = "Weight of the RESIDENTS electorate", example = "50") int residentWeight,
        @Schema(description = "Weight of the COMMITTEE electorate", example = "50") int committeeWeight,
        @Schema(description = "Every electorate (투표 채널) with its weight and voters, in the cycle's order") List<ElectorateVoters> electorates,
        List<ProjectResultView> projects,
        @Schema(description = "비례성: EJR / PJR with a witness group when violated, each electorate's decided share, the "
                + "rounds in Korean and English (absent for results decided before it was computed)")
        Proportionality proportionality) {

    @Schema(description = "An electorate's weight and voters")
    public record ElectorateVoters(@Schema(example = "SCHOOL") String electorate, @Schema(example = "예산학교 수료자") String name,
                                   @Schema(example = "10") int weight, @Schema(example = "120") int voters) {
    }

    @Schema(description = "A project's votes in one electorate")
    public record ElectorateVotes(@Schema(example = "RESIDENTS") String electorate, @Schema(example = "812") int votes,
                                  @Schema(description = "Share of the electorate's voters (6 decimals)", example = "0.646497") BigDecimal share,
                                  @Schema(description = "Exact share", example = "203/314") String shareExact) {
    }

    @Schema(description = "One project's result")
    public record ProjectResultView(
            @Schema(example = "17") long proposalId,
            @Schema(example = "독산동 어린이 놀이터 개선") String title,
            @Schema(example = "welfare") String subcommitteeCode,
            @Schema(example = "45000000") long amount,
            @Schema(example = "812") int residentVotes,
            @Schema(example = "30") int committeeVotes,
            @Schema(description = "Share of resident voters who chose it (0–1, 6 decimals)", example = "0.646497") BigDecimal residentShare,
            @Schema(description = "Share of committee voters who chose it", example = "0.75") BigDecimal committeeShare,
            @Schema(description = "Votes and share in every electorate, in the cycle's order") List<ElectorateVotes> electorates,
            @Schema(description = "Weighted score out of 100", example = "69.824841") BigDecimal score,
            @Schema(description = "Exact score as a fraction", example = "21925/314") String scoreExact,
            @Schema(example = "1") int rank,
            boolean adopted,
            @Schema(description = "Why it was or was not adopted", example = "종합점수 69.82점, 1위. 순위대로 차례가 왔을 때 남은 예산 1,000,000,000원 안에 사업비 45,000,000원이 들어 선정되었습니다.") String reason) {
    }
}
