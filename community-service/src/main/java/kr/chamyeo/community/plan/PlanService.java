package kr.chamyeo.community.plan;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.platform.problem.ProblemException;

@ApplicationScoped
public class PlanService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Plan importPlan(PlanDocument document) {
        PlanRules.check(document);
        if (Plan.byCode(document.code()) != null) {
            throw ProblemException.conflict("plan-exists", "A plan with code " + document.code() + " is already imported")
                    .with("code", document.code());
        }
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.code = document.code();
        plan.title = document.title();
        plan.startYear = document.startYear();
        plan.endYear = document.endYear();
        plan.ownerDistrict = document.ownerDistrict();
        try {
            plan.document = mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        plan.persist();
        return plan;
    }

    public Plan find(UUID id) {
        Plan plan = Plan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("Plan", id);
        }
        return plan;
    }

    public PlanDocument document(Plan plan) {
        try {
            return mapper.readValue(plan.document, PlanDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored plan " + plan.id + " is unreadable", e);
        }
    }

    /** A 현황표 of a stored plan, or empty when the plan or the table is missing. */
    public java.util.Optional<PlanDocument.Inventory> inventory(String planCode, String inventoryCode) {
        Plan plan = Plan.byCode(planCode);
        if (plan == null) {
            return java.util.Optional.empty();
        }
        List<PlanDocument.Inventory> inventories = document(plan).inventories();
        return inventories == null ? java.util.Optional.empty()
                : inventories.stream().filter(i -> i.code().equals(inventoryCode)).findFirst();
    }

    @Transactional
    public void reportActual(Plan plan, String measureCode, int year, BigDecimal actual, Long spent, String note, String reporter) {
        PlanDocument document = document(plan);
        if (!measureCodes(document.root(), new LinkedHashSet<>()).contains(measureCode)) {
            throw ProblemException.notFound("Measure", measureCode);
        }
        checkYear(plan, year);
        em.createNativeQuery("insert into plan_actual (plan_id, measure_code, year, actual, spent, note, reported_by) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (plan_id, measure_code, year) do update set "
                        + "actual = excluded.actual, spent = excluded.spent, note = excluded.note, "
                        + "reported_by = excluded.reported_by, reported_at = now()")
                .setParameter(1, plan.id).setParameter(2, measureCode).setParameter(3, year).setParameter(4, actual)
                .setParameter(5, spent).setParameter(6, note).setParameter(7, reporter)
                .executeUpdate();
    }

    @Transactional
    public void reportKpi(Plan plan, String kpiCode, int year, BigDecimal value, String reporter) {
        PlanDocument document = document(plan);
        if (document.kpis() == null || document.kpis().stream().noneMatch(k -> k.code().equals(kpiCode))) {
            throw ProblemException.notFound("KPI", kpiCode);
        }
        checkYear(plan, year);
        em.createNativeQuery("insert into kpi_measurement (plan_id, kpi_code, year, value, reported_by) values (?1, ?2, ?3, ?4, ?5) "
                        + "on conflict (plan_id, kpi_code, year) do update set value = excluded.value, "
                        + "reported_by = excluded.reported_by, reported_at = now()")
                .setParameter(1, plan.id).setParameter(2, kpiCode).setParameter(3, year).setParameter(4, value)
                .setParameter(5, reporter).executeUpdate();
    }

    public Map<String, PlanProgress.Actual> actuals(Plan plan, int year) {
        Map<String, PlanProgress.Actual> actuals = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select measure_code, actual, spent, note from plan_actual where plan_id = ?1 and year = ?2")
                .setParameter(1, plan.id).setParameter(2, year).getResultList();
        for (Object[] row : rows) {
            actuals.put((String) row[0], new PlanProgress.Actual((BigDecimal) row[1],
                    row[2] == null ? null : ((Number) row[2]).longValue(), (String) row[3]));
        }
        return actuals;
    }

    /** The newest measurement of each KPI taken in or before {@code year}. */
    public Map<String, PlanProgress.KpiValue> kpiValues(Plan plan, int year) {
        Map<String, PlanProgress.KpiValue> values = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (kpi_code) kpi_code, year, value from kpi_measurement "
                        + "where plan_id = ?1 and year <= ?2 order by kpi_code, year desc")
                .setParameter(1, plan.id).setParameter(2, year).getResultList();
        for (Object[] row : rows) {
            values.put((String) row[0], new PlanProgress.KpiValue(((Number) row[1]).intValue(), (BigDecimal) row[2]));
        }
        return values;
    }

    private static void checkYear(Plan plan, int year) {
        if (year < plan.startYear || year > plan.endYear) {
            throw ProblemException.unprocessable("year", "must lie within the plan years " + plan.startYear + "–" + plan.endYear);
        }
    }

    private static Set<String> measureCodes(PlanDocument.Node node, Set<String> into) {
        node.measureList().forEach(m -> into.add(m.code()));
        node.childList().forEach(c -> measureCodes(c, into));
        return into;
    }
}
