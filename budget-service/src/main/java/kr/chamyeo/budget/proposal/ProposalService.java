package kr.chamyeo.budget.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CityCycle;
import kr.chamyeo.platform.page.Page;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@ApplicationScoped
public class ProposalService {

    /** Phase dates are Seoul calendar days. */
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Inject
    Caller caller;

    @Transactional
    public ProposalView submit(long cycleId, ProposalRequest request) {
        Cycle cycle = Cycle.require(cycleId);
        Origin origin;
        if (caller.hasRole(Roles.OFFICER) || caller.hasRole(Roles.PARTNER) || caller.isCityAdmin()) {
            caller.requireDistrict(cycle.district, Roles.OFFICER, Roles.PARTNER);
            if (request.sourceChannel() == null || request.sourceChannel().isBlank()) {
                throw ProblemException.unprocessable("sourceChannel",
                        "is required for an absorbed proposal (일반참여형: e.g. 금천1번가, 주민제안제도, 주민자치회)");
            }
            origin = Origin.ABSORBED;
        } else {
            // Seoul's city-level cycle takes proposals from residents of every district.
            boolean resident = CityCycle.isCity(cycle.district) ? caller.district().isPresent()
                    : caller.district().map(cycle.district::equals).orElse(false);
            if (!resident) {
                throw ProblemException.forbidden(CityCycle.isCity(cycle.district) ? "Only residents of a Seoul district may "
                        + "propose in this cycle" : "Only residents of district " + cycle.district + " may propose in this cycle");
            }
            if (request.sourceChannel() != null) {
                throw ProblemException.unprocessable("sourceChannel", "is set by the district for absorbed proposals only");
            }
            origin = Origin.RESIDENT;
        }
        cycle.requireOpen("submitting a proposal");
        LocalDate today = LocalDate.now(SEOUL);
        if (today.isBefore(cycle.intakeFrom) || today.isAfter(cycle.intakeTo)) {
            throw ProblemException.conflict("intake-closed", "Proposals are taken from " + cycle.intakeFrom + " to "
                    + cycle.intakeTo + " (제안접수 기간)");
        }
        if (cycle.subcommittee(request.subcommitteeCode()).isEmpty()) {
            throw ProblemException.unprocessable("subcommitteeCode", "must be one of " +
                    cycle.subcommittees.stream().map(s -> s.code).toList());
        }
        if (request.contact().phone() == null && request.contact().email() == null) {
            throw ProblemException.unprocessable("contact", "needs a phone or an e-mail so the department can reach the proposer");
        }
        cycle.requireWithinCap("requestedAmount", request.requestedAmount(), request.eventType());
        Proposal p = new Proposal();
        p.cycle = cycle;
        p.origin = origin;
        p.sourceChannel = origin == Origin.ABSORBED ? request.sourceChannel() : null;
        p.title = request.title();
        p.description = request.description();
        p.subcommitteeCode = request.subcommitteeCode();
        p.dong = request.dong();
        p.eventType = request.eventType();
        p.requestedAmount = request.requestedAmount();
        p.amount = request.requestedAmount();
        p.stage = Stage.SUBMITTED;
        p.reviewRound = 1;
        p.contactName = request.contact().name();
        p.contactPhone = request.contact().phone();
        p.contactEmail = request.contact().email();
        p.submittedBy = caller.subject();
        p.submittedAt = OffsetDateTime.now();
        p.record(ReviewEntry.Step.SUBMISSION, "SUBMITTED", p.requestedAmount, null, p.sourceChannel, caller.subject(),
                caller.primaryRole());
        p.persist();
        return ProposalView.of(p, true, true);
    }

    public ProposalView get(long cycleId, long id) {
        Cycle cycle = Cycle.require(cycleId);
        return ProposalView.of(Proposal.require(cycle, id), seesContacts(cycle), true);
    }

    public Page<ProposalView> list(long cycleId, Stage stage, String subcommittee, int page, int size) {
        Cycle cycle = Cycle.require(cycleId);
        boolean contacts = seesContacts(cycle);
        var query = stage == null && subcommittee == null
                ? Proposal.<Proposal>find("cycle", Sort.ascending("id"), cycle)
                : stage == null
                ? Proposal.<Proposal>find("cycle = ?1 and subcommitteeCode = ?2", Sort.ascending("id"), cycle, subcommittee)
                : subcommittee == null
                ? Proposal.<Proposal>find("cycle = ?1 and stage = ?2", Sort.ascending("id"), cycle, stage)
                : Proposal.<Proposal>find("cycle = ?1 and stage = ?2 and subcommitteeCode = ?3", Sort.ascending("id"), cycle,
                stage, subcommittee);
        List<ProposalView> items = query.page(page, size).list().stream().map(p -> ProposalView.of(p, contacts, false)).toList();
        return Page.of(items, page, size, query::count);
    }

    /** Contacts are personal data: officers of the cycle's district and city admins only. */
    private boolean seesContacts(Cycle cycle) {
        return caller.actsFor(cycle.district, Roles.OFFICER);
    }
}
