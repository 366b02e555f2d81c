package kr.chamyeo.budget.statistics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A year's 주민참여예산 추진현황 from public records (e.g. a 주요업무계획), imported for the statistics")
public record HistoricalFigures(
        @Schema(description = "Budget year (편성 연도)", example = "2020") @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        @Schema(description = "Number of proposals (제안 건수)", example = "120") @NotNull @PositiveOrZero Integer proposals,
        @Schema(description = "Amount proposed (제안 금액), in won (원)", example = "4110000000") @NotNull @PositiveOrZero Long requestedAmount,
        @Schema(description = "Number adopted (편성 건수), at most the proposals", example = "41") @NotNull @PositiveOrZero Integer adopted,
        @Schema(description = "Amount adopted (편성 금액), in won (원)", example = "842000000") @NotNull @PositiveOrZero Long adoptedAmount,
        @Schema(description = "Mobile-vote participants (모바일투표 참여자)", example = "2892") @NotNull @PositiveOrZero Integer mobileVoters,
        @Schema(description = "예산학교 회차; null when the record does not say", example = "5") @PositiveOrZero Integer schoolSessions,
        @Schema(description = "예산학교 참여자; null when the record does not say", example = "682") @PositiveOrZero Integer schoolParticipants,
        @Schema(description = "The public record the figures come from", example = "금천구 2021 주요업무계획")
        @NotBlank @Size(max = 300) String source) {
}
