package kr.chamyeo.budget.review;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.Subcommittee;
import kr.chamyeo.budget.proposal.Proposal;
import kr.chamyeo.budget.proposal.ProposalView;
import kr.chamyeo.budget.proposal.Stage;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@ApplicationScoped
public class ReviewService {

    @Inject
    Caller caller;

    @Transactional
    public ProposalView departmentReview(long cycleId, long proposalId, ReviewRequests.DepartmentReview request) {
        Cycle cycle = Cycle.require(cycleId);
        caller.requireDistrict(cycle.district, Roles.OFFICER);
        cycle.requireOpen("department review (부서검토)");
        Proposal p = Proposal.require(cycle, proposalId);
        p.departmentReview(request.decision() == ReviewRequests.DepartmentDecision.ACCEPT, request.amount(),
                request.department(), request.opinion(), caller.subject(), caller.primaryRole());
        return ProposalView.of(p, true, true);
    }

    @Transactional
    public ProposalView preReview(long cycleId, long proposalId, ReviewRequests.PreReview request) {
        Cycle cycle = Cycle.require(cycleId);
        caller.requireDistrict(cycle.district, Roles.OFFICER);
        cycle.requireOpen("pre-review (사전검토)");
        boolean pass = request.decision() == ReviewRequests.PreReviewDecision.PASS;
        if (!pass && (request.reason() == null || request.reason().isBlank())) {
            throw ProblemException.unprocessable("reason", "is required to return a proposal for supplement (보완 요청)");
        }
        Proposal p = Proposal.require(cycle, proposalId);
        p.preReview(pass, request.reason(), caller.subject(), caller.primaryRole());
        return ProposalView.of(p, true, true);
    }

    /**
     * 분과심의: the subcommittee forwards a set of its pre-reviewed projects, once; the others are not forwarded.
     * The set may total at most 130% of the ceiling (실링액 130%).
     */
    @Transactional
    public ForwardingView forward(long cycleId, String code, ReviewRequests.Forwarding request) {
        Cycle cycle = Cycle.require(cycleId);
        caller.requireDistrict(cycle.district, Roles.OFFICER, Roles.COMMITTEE);
        cycle.requireOpen("subcommittee deliberation (분과심의)");
        Subcommittee sub = cycle.subcommittee(code).orElseThrow(() -> ProblemException.notFound("Subcommittee", code));
        if (sub.forwardedAt != null) {
            throw ProblemException.conflict("already-forwarded", "Subcommittee " + code + " forwarded its projects at "
                    + sub.forwardedAt);
        }
        List<Proposal> own = Proposal.list("cycle = ?1 and subcommitteeCode = ?2", cycle, code);
        List<Long> pending = own.stream().filter(p -> p.stage == Stage.SUBMITTED || p.stage == Stage.DEPARTMENT_REVIEWED)
                .map(p -> p.id).toList();
        if (!pending.isEmpty()) {
            throw ProblemException.conflict("review-pending", "Proposals " + pending + " of subcommittee " + code
                    + " are still in department review or pre-review").with("pendingProposalIds", pending);
        }
        Set<Long> chosen = new HashSet<>();
        for (int i = 0; i < request.proposalIds().size(); i++) {
            long id = request.proposalIds().get(i);
            String field = "proposalIds[" + i + "]";
            if (!chosen.add(id)) {
                throw ProblemException.unprocessable(field, "proposal " + id + " is listed twice");
            }
            Proposal p = own.stream().filter(o -> o.id == id).findFirst().orElseThrow(() ->
                    ProblemException.unprocessable(field, "proposal " + id + " is not a proposal of subcommittee " + code));
            if (p.stage != Stage.PRE_REVIEWED) {
                throw ProblemException.unprocessable(field, "proposal " + id + " is " + p.stage + ", not PRE_REVIEWED");
            }
        }
        long total = own.stream().filter(p -> chosen.contains(p.id)).mapToLong(p -> p.amount).sum();
        ForwardingRule.check(sub, total);
        for (Proposal p : own) {
            if (p.stage == Stage.PRE_REVIEWED) {
                p.subcommitteeDecision(chosen.contains(p.id), caller.subject(), caller.primaryRole());
            }
        }
        sub.forwardedAt = OffsetDateTime.now();
        sub.forwardedBy = caller.subject();
        return new ForwardingView(code, sub.ceiling, sub.forwardLimit(), total, chosen.stream().sorted().toList());
    }
}
