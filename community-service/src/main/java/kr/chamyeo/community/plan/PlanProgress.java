package kr.chamyeo.community.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Rolls a plan's yearly targets, budgets and reported actuals up the tree for one year.
 * <p>
 * Money adds up: a node's budget and spending are the sums over its measures (a missing budget, e.g. 비예산, counts
 * as 0). Targets do not add up across units (건, 명, %…), so achievement is a share: a measure's actual ÷ target,
 * and a node's achievement is the plain mean of its children's (or measures') achievements, over those that
 * have one. A measure without a numeric target that year (milestone only, or none) or without a reported
 * actual has no achievement and is left out of the mean rather than counted as zero; the counts say how many
 * measures were planned and reported.
 */
public final class PlanProgress {

    private static final int SCALE = 4;

    private PlanProgress() {
    }

    public record Actual(BigDecimal actual, Long spent, String note) {
    }

    @Schema(description = "실적: target vs actual and budget vs spent of one measure in one year")
    public record MeasureProgress(String code, String label, String unit, BigDecimal target, String milestone,
                                  BigDecimal actual, String actualNote,
                                  @Schema(description = "actual ÷ target (1 = 100%)") BigDecimal achievement,
                                  long budget, long spent,
                                  @Schema(description = "spent ÷ budget") BigDecimal budgetExecution) {
    }

    @Schema(description = "A plan node with its figures rolled up from the measures below it")
    public record NodeProgress(String code, PlanDocument.Kind kind, String title, PlanDocument.Status status,
                               long budget, long spent, BigDecimal budgetExecution,
                               @Schema(description = "mean achievement of the children that have one") BigDecimal achievement,
                               int measuresWithTarget, int measuresReported,
                               List<MeasureProgress> measures, List<NodeProgress> children) {
    }

    @Schema(description = "Progress of a 성과지표 or 추진목표: (measured − baseline) ÷ (target − baseline), or measured ÷ target "
            + "where the plan gives no baseline; expected is the straight line from baseline to target in the year asked")
    public record KpiProgress(String code, String name, String unit, String group, String unitProject,
                              BigDecimal baseline, Integer baselineYear, BigDecimal target, Integer targetYear,
                              @Schema(description = "where the straight line from baseline to target stands in the year asked") BigDecimal expected,
                              Integer measuredYear, BigDecimal measured,
                              @Schema(description = "1 = target reached") BigDecimal progress) {
    }

    public record KpiValue(int year, BigDecimal value) {
    }

    public static NodeProgress rollUp(PlanDocument.Node node, int year, Map<String, Actual> actuals) {
        List<MeasureProgress> measures = new ArrayList<>();
        for (PlanDocument.Measure measure : node.measureList()) {
            measures.add(measure(measure, year, actuals.get(measure.code())));
        }
        List<NodeProgress> children = new ArrayList<>();
        for (PlanDocument.Node child : node.childList()) {
            children.add(rollUp(child, year, actuals));
        }
        long budget = 0;
        long spent = 0;
        int withTarget = 0;
        int reported = 0;
        List<BigDecimal> shares = new ArrayList<>();
        for (MeasureProgress m : measures) {
            budget += m.budget();
            spent += m.spent();
            withTarget += m.target() != null ? 1 : 0;
            reported += m.actual() != null ? 1 : 0;
            shares.add(m.achievement());
        }
        for (NodeProgress c : children) {
            budget += c.budget();
            spent += c.spent();
            withTarget += c.measuresWithTarget();
            reported += c.measuresReported();
            shares.add(c.achievement());
        }
        return new NodeProgress(node.code(), node.kind(), node.title(), node.status(), budget, spent,
                ratio(spent, budget), mean(shares), withTarget, reported, measures, children);
    }

    static MeasureProgress measure(PlanDocument.Measure measure, int year, Actual actual) {
        PlanDocument.YearEntry planned = measure.years().stream().filter(y -> y.year() == year).findFirst().orElse(null);
        BigDecimal target = planned == null ? null : planned.target();
        long budget = planned == null || planned.budget() == null ? 0 : planned.budget();
        BigDecimal done = actual == null ? null : actual.actual();
        long spent = actual == null || actual.spent() == null ? 0 : actual.spent();
        BigDecimal achievement = target != null && target.signum() > 0 && done != null
                ? done.divide(target, SCALE, RoundingMode.HALF_UP) : null;
        return new MeasureProgress(measure.code(), measure.label(), measure.unit(), target,
                planned == null ? null : planned.milestone(), done, actual == null ? null : actual.note(), achievement,
                budget, spent, ratio(spent, budget));
    }

    public static KpiProgress kpi(PlanDocument.Kpi kpi, int year, KpiValue latest) {
        BigDecimal progress = null;
        if (latest != null) {
            BigDecimal from = kpi.baseline() == null ? BigDecimal.ZERO : kpi.baseline();
            BigDecimal span = kpi.target().subtract(from);
            progress = span.signum() == 0 ? null : latest.value().subtract(from).divide(span, SCALE, RoundingMode.HALF_UP);
        }
        return new KpiProgress(kpi.code(), kpi.name(), kpi.unit(), kpi.group(), kpi.unitProject(), kpi.baseline(), kpi.baselineYear(),
                kpi.target(), kpi.targetYear(), expected(kpi, year), latest == null ? null : latest.year(),
                latest == null ? null : latest.value(), progress);
    }

    /**
     * The plan states a baseline and a target year but nothing between them; the years between are read as a
     * straight line, before the baseline year the baseline holds and after the target year the target.
     */
    static BigDecimal expected(PlanDocument.Kpi kpi, int year) {
        if (kpi.baselineYear() == null || kpi.targetYear() == null || kpi.targetYear() <= kpi.baselineYear()) {
            return kpi.baseline() == null && kpi.targetYear() == null ? kpi.target() : null;
        }
        int clamped = Math.max(kpi.baselineYear(), Math.min(kpi.targetYear(), year));
        return kpi.baseline().add(kpi.target().subtract(kpi.baseline()).multiply(BigDecimal.valueOf(clamped - kpi.baselineYear()))
                .divide(BigDecimal.valueOf(kpi.targetYear() - kpi.baselineYear()), SCALE, RoundingMode.HALF_UP));
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<BigDecimal> shares) {
        List<BigDecimal> present = shares.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), SCALE, RoundingMode.HALF_UP);
    }
}
