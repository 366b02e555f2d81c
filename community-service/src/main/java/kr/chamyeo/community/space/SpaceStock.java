package kr.chamyeo.community.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.community.plan.PlanDocument;

/**
 * The registry of community spaces against the plan's 현황표 (seed 002): the spaces that existed when the plan was
 * made (커뮤니티 공간 기 조성 현황, 367개소) and those it counts on by 2022 (열린육아방 조성 가능 공간, 448개소), part by
 * part, beside the spaces of that kind registered here.
 */
public final class SpaceStock {

    @Schema(description = "One kind of community space: the plan's figures and the spaces registered")
    public record Row(@Schema(example = "우리마을공간") String label, @Schema(example = "주민 주도") String group,
                      @Schema(description = "null where the registry has no such kind (신축 동주민센터)") Space.Kind kind,
                      @Schema(example = "122") long existing, @Schema(example = "122") long planned2022,
                      @Schema(description = "spaces of the kind registered here; null without a kind") Long registered) {
    }

    @Schema(description = "The registry against the plan's 현황표")
    public record View(@Schema(example = "367") long existing, @Schema(example = "448") long planned2022,
                       long registered, List<Row> rows) {
    }

    private SpaceStock() {
    }

    public static View compare(PlanDocument.Inventory existing, PlanDocument.Inventory planned, Map<Space.Kind, Long> registered) {
        List<Row> rows = new ArrayList<>();
        long registeredTotal = 0;
        for (PlanDocument.InventoryPart part : planned.parts()) {
            long before = existing.parts().stream().filter(p -> p.label().equals(part.label()))
                    .mapToLong(PlanDocument.InventoryPart::count).sum();
            Space.Kind kind = part.spaceKind() == null ? null : Space.Kind.valueOf(part.spaceKind());
            Long count = kind == null ? null : registered.getOrDefault(kind, 0L);
            registeredTotal += count == null ? 0 : count;
            rows.add(new Row(part.label(), part.group(), kind, before, part.count(), count));
        }
        return new View(existing.total(), planned.total(), registeredTotal, rows);
    }
}
