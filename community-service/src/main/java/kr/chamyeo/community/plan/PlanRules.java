package kr.chamyeo.community.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kr.chamyeo.platform.problem.ProblemException;

/** Structural rules of a plan document that bean validation cannot express. */
public final class PlanRules {

    private PlanRules() {
    }

    public static void check(PlanDocument plan) {
        if (plan.endYear() < plan.startYear()) {
            throw ProblemException.unprocessable("endYear", "must not be before startYear");
        }
        if (plan.root().kind() != PlanDocument.Kind.VISION) {
            throw ProblemException.unprocessable("root.kind", "the root must be the VISION");
        }
        Set<String> codes = new HashSet<>();
        checkNode(plan, plan.root(), "root", codes);
        Set<String> units = unitProjects(plan.root(), new HashSet<>());
        Set<String> kpis = new HashSet<>();
        List<PlanDocument.Kpi> kpiList = plan.kpis() == null ? List.of() : plan.kpis();
        for (int i = 0; i < kpiList.size(); i++) {
            PlanDocument.Kpi kpi = kpiList.get(i);
            if (!kpis.add(kpi.code())) {
                throw ProblemException.unprocessable("kpis[" + i + "].code", "duplicate KPI code " + kpi.code());
            }
            if (kpi.unitProject() != null && !units.contains(kpi.unitProject())) {
                throw ProblemException.unprocessable("kpis[" + i + "].unitProject", "no unit project " + kpi.unitProject() + " in the plan");
            }
            if (kpi.baselineYear() != null && kpi.baseline() == null) {
                throw ProblemException.unprocessable("kpis[" + i + "].baselineYear", "a baseline year needs its baseline");
            }
        }
        List<PlanDocument.Inventory> inventories = plan.inventories() == null ? List.of() : plan.inventories();
        for (int i = 0; i < inventories.size(); i++) {
            PlanDocument.Inventory inventory = inventories.get(i);
            long sum = inventory.parts().stream().mapToLong(PlanDocument.InventoryPart::count).sum();
            if (sum != inventory.total()) {
                throw ProblemException.unprocessable("inventories[" + i + "].total",
                        "the parts add up to " + sum + ", not " + inventory.total());
            }
        }
    }

    private static Set<String> unitProjects(PlanDocument.Node node, Set<String> into) {
        if (node.kind() == PlanDocument.Kind.UNIT_PROJECT) {
            into.add(node.code());
        }
        node.childList().forEach(child -> unitProjects(child, into));
        return into;
    }

    private static void checkNode(PlanDocument plan, PlanDocument.Node node, String path, Set<String> codes) {
        if (!codes.add(node.code())) {
            throw ProblemException.unprocessable(path + ".code", "duplicate code " + node.code());
        }
        boolean unit = node.kind() == PlanDocument.Kind.UNIT_PROJECT;
        if (unit && node.status() == null) {
            throw ProblemException.unprocessable(path + ".status", "a unit project needs its status (NEW, EXPANDED, CONTINUED)");
        }
        if (!unit && !node.measureList().isEmpty()) {
            throw ProblemException.unprocessable(path + ".measures", "only unit projects carry measures");
        }
        if (unit && !node.childList().isEmpty()) {
            throw ProblemException.unprocessable(path + ".children", "a unit project is a leaf");
        }
        for (int i = 0; i < node.childList().size(); i++) {
            PlanDocument.Node child = node.childList().get(i);
            String childPath = path + ".children[" + i + "]";
            if (child.kind() != node.kind().child()) {
                throw ProblemException.unprocessable(childPath + ".kind", "under a " + node.kind() + " must come a " + node.kind().child());
            }
            checkNode(plan, child, childPath, codes);
        }
        for (int i = 0; i < node.measureList().size(); i++) {
            PlanDocument.Measure measure = node.measureList().get(i);
            String measurePath = path + ".measures[" + i + "]";
            if (!codes.add(measure.code())) {
                throw ProblemException.unprocessable(measurePath + ".code", "duplicate code " + measure.code());
            }
            Set<Integer> years = new HashSet<>();
            for (int j = 0; j < measure.years().size(); j++) {
                int year = measure.years().get(j).year();
                String yearPath = measurePath + ".years[" + j + "].year";
                if (year < plan.startYear() || year > plan.endYear()) {
                    throw ProblemException.unprocessable(yearPath, "must lie within " + plan.startYear() + "–" + plan.endYear());
                }
                if (!years.add(year)) {
                    throw ProblemException.unprocessable(yearPath, "year " + year + " appears twice");
                }
            }
        }
    }
}
