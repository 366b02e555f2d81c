package kr.chamyeo.budget.statistics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(description = "One budget year of a district's 주민참여예산: proposals (제안), adopted (편성), mobile voters (엠보팅), budget school (예산학교)")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record YearStatistics(
        @Schema(description = "Budget year (편성 연도)", example = "2021") int fiscalYear,
        @Schema(example = "125") int proposals,
        @Schema(example = "2166000000") long requestedAmount,
        @Schema(example = "2166") long requestedMillions,
        @Schema(example = "39") int adopted,
        @Schema(example = "987000000") long adoptedAmount,
        @Schema(example = "987") long adoptedMillions,
        @Schema(description = "Residents who voted at the 총회 (모바일투표 참여)", example = "1256") int mobileVoters,
        @Schema(description = "Budget-school sessions; null when the record does not say", example = "5") Integer schoolSessions,
        @Schema(description = "Budget-school participants", example = "758") Integer schoolParticipants,
        @Schema(description = "True for figures imported from public records rather than computed from cycles run here")
        boolean imported,
        @Schema(description = "Where imported figures come from", example = "금천구 2021 주요업무계획 (seed 004)") String source,
        @Schema(description = "The cycle run here that live figures are computed from; null for imported figures", example = "7")
        Long cycleId) {
}
