package kr.chamyeo.budget.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CycleService;
import kr.chamyeo.budget.proposal.Proposal;
import kr.chamyeo.budget.proposal.ProposalService;
import kr.chamyeo.budget.proposal.Stage;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@ApplicationScoped
public class ExecutionService {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Transactional
    public ExecutionViews.ProjectExecution report(long cycleId, long proposalId, ExecutionViews.ReportRequest request) {
        Cycle cycle = Cycle.require(cycleId);
        caller.requireDistrict(cycle.district, Roles.OFFICER);
        Proposal p = Proposal.require(cycle, proposalId);
        if (p.stage != Stage.ADOPTED) {
            throw ProblemException.conflict("not-adopted", "Proposal " + proposalId + " is " + p.stage
                    + "; only adopted projects are executed");
        }
        ExecutionReport latest = latest(p);
        ExecutionRule.check(p.amount, latest, request.reportedOn(), request.granted(), request.spent(),
                LocalDate.now(ProposalService.SEOUL));
        ExecutionReport report = new ExecutionReport();
        report.proposal = p;
        report.reportedOn = request.reportedOn();
        report.granted = request.granted();
        report.spent = request.spent();
        report.status = request.status();
        report.note = request.note();
        report.reportedBy = caller.subject();
        report.createdAt = OffsetDateTime.now();
        report.persist();
        outbox.publish(CycleService.TOPIC, "ExecutionReported", cycle.id.toString(), new ExecutionReported(cycle.id,
                cycle.district, cycle.fiscalYear, cycle.kind, p.id, p.title, p.amount, report.granted, report.spent,
                report.status, report.reportedOn));
        return project(p);
    }

    public ExecutionViews.CycleExecution execution(long cycleId) {
        Cycle cycle = Cycle.require(cycleId);
        List<Proposal> adopted = Proposal.list("cycle = ?1 and stage = ?2", Sort.ascending("id"), cycle, Stage.ADOPTED);
        List<ExecutionViews.ProjectExecution> items = new ArrayList<>();
        long budgeted = 0;
        long granted = 0;
        long spent = 0;
        for (Proposal p : adopted) {
            ExecutionViews.ProjectExecution item = project(p);
            items.add(item);
            budgeted += item.budgeted();
            granted += item.granted();
            spent += item.spent();
        }
        return new ExecutionViews.CycleExecution(cycle.id, items.size(), budgeted, granted, spent, millions(budgeted),
                millions(granted), millions(spent), items);
    }

    /** Whole won to 백만원, rounded half up as public records do (5,993,660,000원 → 5,994백만원). */
    static long millions(long won) {
        return BigDecimal.valueOf(won).divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static ExecutionReport latest(Proposal p) {
        return ExecutionReport.<ExecutionReport>find("proposal", Sort.descending("reportedOn").and("id", Sort.Direction.Descending), p)
                .firstResult();
    }

    private static ExecutionViews.ProjectExecution project(Proposal p) {
        List<ExecutionReport> reports = ExecutionReport.list("proposal", Sort.ascending("reportedOn").and("id"), p);
        ExecutionReport last = reports.isEmpty() ? null : reports.get(reports.size() - 1);
        return new ExecutionViews.ProjectExecution(p.id, p.title, p.amount, last == null ? 0 : last.granted,
                last == null ? 0 : last.spent, last == null ? null : last.status, last == null ? null : last.reportedOn,
                reports.stream().map(r -> new ExecutionViews.ReportView(r.reportedOn, r.granted, r.spent, r.status, r.note)).toList());
    }
}
