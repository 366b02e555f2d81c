package kr.chamyeo.community.grant;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.text.KoreanText;

/** Request bodies of the groups and grants API. */
public final class GrantRequests {

    private GrantRequests() {
    }

    @Schema(description = "Register a group (주민모임·동아리 등록): the caller becomes its leader (대표제안자) and first member")
    public record GroupRequest(
            @NotBlank @Size(max = 200) @Schema(example = "독산동 책읽는 이웃") String name,
            @NotNull ResidentGroup.Kind kind,
            @Size(max = 50) @Schema(example = "독산1동") String dong,
            @NotBlank @Size(max = 100) @Schema(example = "김하나") String leaderName,
            @Size(max = 100) List<@Valid @NotNull MemberInput> members) {
        /** The 동 as it is stored and compared: {@code 독산1동} however it was typed (NFD, spaces; issue 23). */
        public GroupRequest {
            dong = KoreanText.dong(dong);
        }
    }

    @Schema(description = "A group member and where they live, work or study (거주·재직·재학)")
    public record MemberInput(
            @NotBlank @Size(max = 200) @Schema(example = "resident-42") String participantId,
            @NotBlank @Size(max = 100) @Schema(example = "이둘") String name,
            @NotNull GroupMember.Relation relation,
            @NotNull @DistrictCode @Schema(example = "11545") String district) {
    }

    @Schema(description = "Open a grant call (공모 개설). Omitted figures take the seed's defaults for the kind (동아리: 5명 이상, 100만원, 연 90개, 서울 거주·재직·재학)")
    public record ProgrammeRequest(
            @DistrictCode @Schema(description = "null: a city-wide programme (CITY_ADMIN)", example = "11545") String district,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2020") Integer year,
            @NotBlank @Size(max = 200) @Schema(example = "2020 금천구 이웃만들기 공모") String name,
            @NotNull ResidentGroup.Kind kind,
            @Positive @Max(1000) Integer minMembers,
            GrantProgramme.Eligibility eligibility,
            @Positive @Schema(description = "largest grant per group, 원. A department programme's must lie in its seed range and defaults to the "
                    + "range's top (부모커뮤니티 ≤ 2백만원, 공동육아 3.5–10, 마을예술창작소 35–55, 마을미디어 2–13, 거점형 40, 공동주택 1–8, "
                    + "에너지자립마을 8–30백만원); groups ask within the range", example = "1000000") Long grantAmount,
            @Positive @Max(100000) @Schema(description = "groups selected at most this year", example = "90") Integer yearlyQuota,
            @Positive @Schema(description = "total budget, 원 (default grant × quota)", example = "90000000") Long budget,
            @PositiveOrZero @Schema(description = "volunteer labour, 원 per hour (default 20000)") Long labourRatePerHour,
            @PositiveOrZero @Schema(description = "ceiling for professional work, 원 per hour (default 100000)") Long professionalMaxRatePerHour,
            @DecimalMin("0") @DecimalMax("1") @Schema(description = "recognised self-contribution at least this share of the grant (NMF: 0.5)") BigDecimal minimumContributionShare) {
    }

    @Schema(description = "A self-contribution line (자부담): cash, volunteer hours, professional hours, goods/space in kind, or public resources (not counted)")
    public record ContributionInput(
            @NotNull ContributionValuation.Kind kind,
            @Size(max = 300) @Schema(example = "주민 자원활동 (행사 준비)") String description,
            @PositiveOrZero @DecimalMax("100000") @Schema(example = "40") BigDecimal hours,
            @PositiveOrZero @Schema(description = "professional rate claimed, 원/h", example = "150000") Long ratePerHour,
            @PositiveOrZero @Schema(description = "cash, or market/rental value in kind, 원", example = "200000") Long amount) {
    }

    @Schema(description = "Apply to a grant call (공모 신청)")
    public record ApplicationRequest(
            @NotNull UUID groupId,
            @NotBlank @Size(max = 200) @Schema(example = "골목 화단 가꾸기") String title,
            @NotNull @Positive @Schema(example = "1000000") Long requestedAmount,
            @NotNull @Size(max = 50) List<@Valid @NotNull ContributionInput> contributions) {
    }

    @Schema(description = "Preview of the own-contribution valuation (자부담 평가 미리보기)")
    public record ValuationRequest(
            @NotNull @Positive Long requestedAmount,
            @NotNull @Size(max = 50) List<@Valid @NotNull ContributionInput> contributions) {
    }

    @Schema(description = "Select or reject (선정 또는 탈락)")
    public record DecisionRequest(@NotNull Decision decision, @Size(max = 500) @Schema(example = "활동 계획이 구체적임") String reason) {
    }

    public enum Decision { SELECTED, REJECTED }
}
