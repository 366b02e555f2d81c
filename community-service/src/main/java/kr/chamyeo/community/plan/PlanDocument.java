package kr.chamyeo.community.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.district.DistrictCode;

/**
 * A master plan (기본계획) as imported: the tree vision → core values → strategies → tasks → unit projects, each
 * unit project with its measures (주요내용: unit, yearly targets and budgets in whole won), plus the KPIs.
 * <p>
 * The same schema is the import format and the answer of {@code GET /plans/{id}}, which writes every member the file
 * left out as null: each optional member says it may be null itself (the platform's NullableFields leaves request
 * schemas alone).
 */
@Schema(description = "Village-community master plan document (마을공동체 기본계획 문서; import format; the 2nd plan 2018–2022 ships in plans/village-community-2018-2022.json)")
public record PlanDocument(
        @NotBlank @Size(max = 100) @Schema(example = "seoul-village-community-2") String code,
        @NotBlank @Size(max = 300) @Schema(example = "2기(2018년~2022년) 마을공동체 기본계획") String title,
        @Schema(nullable = true) @Size(max = 200) String issuer,
        @Schema(nullable = true) @Size(max = 100) String documentNumber,
        @Schema(nullable = true) LocalDate approvedOn,
        @NotNull @Min(2000) @Max(2100) Integer startYear,
        @NotNull @Min(2000) @Max(2100) Integer endYear,
        @DistrictCode @Schema(nullable = true, description = "null for a city-wide plan (서울시), else the 시군구 code") String ownerDistrict,
        @NotNull @Valid Node root,
        @Schema(nullable = true) @Size(max = 100) List<@Valid @NotNull Kpi> kpis,
        @Schema(nullable = true) @Size(max = 20) List<@Valid @NotNull Inventory> inventories) {

    @Schema(name = "NodeKind")
    public enum Kind {
        VISION, CORE_VALUE, STRATEGY, TASK, UNIT_PROJECT;

        Kind child() {
            return this == UNIT_PROJECT ? null : values()[ordinal() + 1];
        }
    }

    /** 신규 / 확대 / 계속. */
    @Schema(name = "NodeStatus")
    public enum Status { NEW, EXPANDED, CONTINUED }

    @Schema(description = "A node of the plan tree (비전·핵심가치·전략·추진과제·단위사업)")
    public record Node(
            @NotNull Kind kind,
            @NotBlank @Size(max = 50) @Schema(example = "1-1-1") String code,
            @NotBlank @Size(max = 300) @Schema(example = "모임형성 지원을 통한 참여자 확대") String title,
            @Schema(nullable = true) @Size(max = 2000) String description,
            @Schema(nullable = true, description = "unit projects only: 신규 NEW, 확대 EXPANDED, 계속 CONTINUED") Status status,
            @Schema(nullable = true) @Size(max = 10) List<@NotBlank @Size(max = 200) String> departments,
            @Schema(nullable = true) @Size(max = 50) List<@Valid @NotNull Measure> measures,
            @Schema(nullable = true) @Size(max = 100) List<@Valid @NotNull Node> children) {

        List<Node> childList() {
            return children == null ? List.of() : children;
        }

        List<Measure> measureList() {
            return measures == null ? List.of() : measures;
        }
    }

    @Schema(description = "One line of a unit project's yearly plan (주요내용) with its unit, targets and budgets")
    public record Measure(
            @NotBlank @Size(max = 50) @Schema(example = "1-1-1a") String code,
            @NotBlank @Size(max = 300) @Schema(example = "이웃만들기 사업") String label,
            @NotBlank @Size(max = 20) @Schema(example = "건") String unit,
            @Size(max = 500) @Schema(nullable = true, example = "비예산") String budgetNote,
            @Schema(nullable = true) @Size(max = 1000) String targetNote,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull YearEntry> years) {
    }

    @Schema(description = "A measure's plan for one year: a numeric target and/or a milestone, and the budget in won")
    public record YearEntry(
            @NotNull @Schema(example = "2018") Integer year,
            @PositiveOrZero @Schema(nullable = true, example = "1000") BigDecimal target,
            @Size(max = 100) @Schema(nullable = true, example = "개발") String milestone,
            @PositiveOrZero @Schema(nullable = true, example = "1000000000") Long budget) {
    }

    @Schema(description = "성과지표 (the plan's headline KPIs, no unitProject) or a unit project's 추진목표 (unitProject set): "
            + "target, and baseline where the plan gives one")
    public record Kpi(
            @NotBlank @Size(max = 50) @Schema(example = "K1") String code,
            @NotBlank @Size(max = 200) @Schema(example = "이웃신뢰도") String name,
            @NotBlank @Size(max = 20) @Schema(example = "%") String unit,
            @Size(max = 100) @Schema(nullable = true, description = "Area of the performance indicator (성과지표)", example = "공동체성 회복") String group,
            @Size(max = 50) @Schema(nullable = true, description = "the unit project whose 추진목표 this is; null for a headline 성과지표", example = "2-1-1") String unitProject,
            @Schema(nullable = true, description = "null where the plan states only a target (행정기관 신뢰율 70%)", example = "59.5") BigDecimal baseline,
            @Schema(nullable = true) Integer baselineYear,
            @NotNull @Schema(example = "70") BigDecimal target,
            @Schema(nullable = true, description = "null for a standing yearly target (매년)") Integer targetYear,
            @Schema(nullable = true) @Size(max = 500) String note) {
    }

    @Schema(description = "현황표: a count the plan states with its parts (e.g. 커뮤니티 공간 367개소 = 122 + 155 + 54 + 36); "
            + "the parts must add up to the total")
    public record Inventory(
            @NotBlank @Size(max = 50) @Schema(example = "SPACES-2017") String code,
            @NotBlank @Size(max = 300) @Schema(example = "커뮤니티 공간 기 조성 현황") String title,
            @NotBlank @Size(max = 20) @Schema(example = "개소") String unit,
            @NotNull @PositiveOrZero @Schema(example = "367") Long total,
            @Schema(nullable = true) @Size(max = 500) String note,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull InventoryPart> parts) {
    }

    @Schema(description = "One part of a 현황표")
    public record InventoryPart(
            @NotBlank @Size(max = 200) @Schema(example = "우리마을공간") String label,
            @Size(max = 100) @Schema(nullable = true, example = "주민 주도") String group,
            @NotNull @PositiveOrZero @Schema(example = "122") Long count,
            @Size(max = 30) @Schema(nullable = true, description = "the kind of community space the part counts, where the registry has one",
                    example = "VILLAGE_SPACE") String spaceKind) {
    }
}
