package kr.chamyeo.community.council;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.text.KoreanText;

public final class CouncilRequests {

    private CouncilRequests() {
    }

    @Schema(description = "Register a resident self-governance council (주민자치회 등록)")
    public record CouncilRequest(
            @NotNull @DistrictCode @Schema(example = "11545") String district,
            @NotBlank @Size(max = 50) @Schema(example = "독산1동") String dong,
            @Size(max = 200) String name,
            @NotNull @Min(2017) @Max(2100) @Schema(description = "year the council is set up (설치 연도)", example = "2019") Integer rolloutYear,
            @NotNull @Positive @Max(500) @Schema(example = "30") Integer seats,
            @PositiveOrZero @Max(500) @Schema(example = "5") Integer reserves,
            @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.DecimalMax("1000")
            @Schema(description = "주민자치학교 hours an applicant must have completed to enter the lottery (seed: 최소 6시간, the default)", example = "6")
            java.math.BigDecimal requiredEducationHours) {
        /** The 동 as it is stored and compared: {@code 독산1동} however it was typed (NFD, spaces; issue 23). */
        public CouncilRequest {
            dong = KoreanText.dong(dong);
        }
    }

    @Schema(description = "Apply in the open call for members (위원 공개모집 신청); sex and birth year come from the token")
    public record ApplicantRequest(@NotBlank @Size(max = 100) @Schema(example = "박주민") String name) {
    }

    @Schema(description = "Request the lottery (추첨 요청); seats and reserves default to the council's")
    public record LotteryRequest(@Positive @Max(500) Integer seats, @PositiveOrZero @Max(500) Integer reserves) {
    }

    @Schema(description = "공개 추첨식: the seed handed out with the lottery request and the value drawn in public at the ceremony")
    public record LotteryDrawRequest(
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the 64 hex digits of sealedSeed")
            @Schema(description = "the lottery request's sealedSeed (64 hex); its SHA-256 is the round's seedCommitment",
                    example = "19b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22b3b64768098d002b") String seed,
            @NotBlank @Size(max = 200) @Schema(description = "The value drawn in public at the lottery ceremony (추첨식에서 공개로 뽑은 값); nobody knows it before the ceremony",
                    example = "07-19-23-31-42-45") String publicValue) {
    }

    @Schema(description = "Register a self-governance plan (자치계획 등록) with its agenda items (의제)")
    public record PlanRequest(
            @NotNull @Min(2017) @Max(2100) @Schema(example = "2020") Integer year,
            @NotBlank @Size(max = 300) @Schema(example = "2020 독산1동 자치계획") String title,
            @Schema(description = "default SELF_GOVERNANCE (자치계획, agenda up to 30백만원); VILLAGE_PLAN (마을계획, up to 7,500천원 + 30백만원)")
            ExecutionBudget.Kind kind,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull ItemRequest> items) {
    }

    @Schema(description = "An agenda item (의제)")
    public record ItemRequest(
            @NotBlank @Size(max = 300) @Schema(example = "골목길 안심 조명 설치") String title,
            @Size(max = 2000) String description,
            @PositiveOrZero @Schema(example = "7500000") Long cost) {
    }

    @Schema(description = "Request a vote at the residents' general assembly (주민총회 투표 요청)")
    public record VoteRequest(
            @NotNull @Schema(example = "2030-06-01T00:00:00Z") OffsetDateTime opensAt,
            @NotNull @Schema(example = "2030-06-10T00:00:00Z") OffsetDateTime closesAt,
            @Positive @Schema(description = "residents of the dong for the turnout and the 1% quorum; omit it to use the count recorded for the "
                    + "council (PUT …/residents/{year}, the newest up to the meeting's year)", example = "25000") Integer eligibleResidents) {
    }

    @Schema(description = "주민 수 of the council's dong in a year and where the figure comes from")
    public record ResidentsRequest(
            @NotNull @Positive @Max(10_000_000) @Schema(example = "25000") Integer residents,
            @NotBlank @Size(max = 300) @Schema(description = "the statistics the figure is taken from",
                    example = "행정안전부 주민등록 인구통계 2030.1.") String source) {
    }
}
