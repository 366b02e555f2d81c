package kr.chamyeo.voting.ballot;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.district.DistrictCode;

/** What a ballot is, as an officer or a requesting service describes it. */
@Schema(description = "Ballot definition (투표 개설 요청)")
public record BallotSpec(
        @Schema(example = "2021 금천구 주민참여예산 주민투표") @NotBlank @Size(max = 300) String title,
        @Schema(example = "총회 상정 사업 중 최대 5개를 선택하세요") @Size(max = 4000) String description,
        @Schema(description = "Owning district code (주관 자치구 코드), or 11000 for a ballot the city itself runs "
                + "(시 단위 투표, e.g. the youth budget's city-wide vote; CITY_ADMIN only)", example = "11545")
        @NotNull @DistrictCode(orCity = true, message = "must be one of Seoul's 25 district codes or 11000 (the city)") String ownerDistrict,
        @Schema(description = "Owning administrative dong (주관 행정동), for a residents' assembly (주민총회)", example = "독산1동") @Size(max = 50) String ownerDong,
        @NotNull @Valid Eligibility eligibility,
        @Schema(description = "Voting opens (투표 시작), inclusive (포함)", example = "2021-06-01T00:00:00Z") @NotNull Instant opensAt,
        @Schema(description = "Voting closes (투표 마감), exclusive (미포함): no vote from this instant on "
                + "(이 순간부터 투표 불가)", example = "2021-06-10T00:00:00Z") @NotNull Instant closesAt,
        @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid Option> options,
        @NotNull @Valid Rule rule,
        @Schema(description = "Whether interim results are shown before closing (마감 전 중간 결과 공개 여부); "
                + "default: not shown (기본: 비공개)", defaultValue = "false") Boolean liveResults) {

    // The optional members are written as null in answers (BallotView) and may be sent as null: the schema, shared by
    // requests and answers, says so itself (the platform's NullableFields leaves request schemas alone).
    @Schema(description = "Eligibility (투표 자격); empty lists mean no restriction")
    public record Eligibility(
            @Schema(description = "District codes (자치구 코드); empty: all of Seoul", example = "[\"11545\"]") List<@NotNull @DistrictCode String> districts,
            @Schema(description = "Administrative dongs (행정동); empty: any", example = "[]") List<@NotBlank @Size(max = 50) String> dongs,
            @Schema(description = "Minimum age (최소 나이), as current year − birth year (현재연도 − 출생연도)", example = "19", nullable = true) @Min(0) Integer minAge,
            @Schema(description = "Maximum age (최대 나이)", example = "39", nullable = true) @Min(0) Integer maxAge,
            @Schema(description = "Required role (필요한 역할), e.g. COMMITTEE for a committee members' vote (위원 투표); "
                    + "RESIDENT when absent (없으면 RESIDENT)", example = "COMMITTEE", nullable = true) String requiredRole) {

        public static final Eligibility ANYONE = new Eligibility(List.of(), List.of(), null, null, null);

        public List<String> districtsOrEmpty() {
            return districts == null ? List.of() : districts;
        }

        public List<String> dongsOrEmpty() {
            return dongs == null ? List.of() : dongs;
        }
    }

    @Schema(description = "An option (선택지), e.g. a project (사업)")
    public record Option(
            @Schema(example = "p-17") @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "letters, digits and _ . : - only") String key,
            @Schema(example = "독산동 어린이 놀이터 개선") @NotBlank @Size(max = 300) String label,
            @Schema(description = "Project cost (사업비), in won (원)", example = "50000000", nullable = true) @PositiveOrZero Long cost) {
    }

    @Schema(description = "Choice rule (선택 규칙)")
    public record Rule(
            @Schema(description = "SINGLE: one choice (단일 선택); APPROVAL: several choices (복수 선택, min..max); "
                    + "BUDGET: choices within a budget limit (예산 한도 내 선택)") @NotNull RuleType type,
            @Schema(example = "1", nullable = true) @Min(0) Integer minChoices,
            @Schema(example = "5", nullable = true) @Min(1) Integer maxChoices,
            @Schema(description = "BUDGET: limit on the summed cost of the chosen projects (선택 사업비 합계 한도), "
                    + "in won (원)", example = "300000000", nullable = true) @PositiveOrZero Long budgetLimit) {
    }

    public enum RuleType { SINGLE, APPROVAL, BUDGET }
}
