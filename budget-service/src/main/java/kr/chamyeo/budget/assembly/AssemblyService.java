package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CycleKind;
import kr.chamyeo.budget.cycle.CycleStatus;
import kr.chamyeo.budget.proposal.Proposal;
import kr.chamyeo.budget.proposal.ProposalService;
import kr.chamyeo.budget.proposal.Stage;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@ApplicationScoped
public class AssemblyService {

    public static final String REQUESTS_TOPIC = "voting.requests";

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /**
     * 4차 총회: asks voting-service for the residents' ballot (엠보팅, the district's residents; youth cycles 19–39)
     * and the committee ballot (위원, role COMMITTEE of the district), both approval ballots over the forwarded projects.
     */
    @Transactional
    public AssemblyView open(long cycleId, AssemblyRequest request) {
        Cycle cycle = Cycle.require(cycleId);
        caller.requireDistrict(cycle.district, Roles.OFFICER);
        cycle.requireOpen("opening the assembly (총회)");
        List<String> waiting = cycle.subcommittees.stream().filter(s -> s.forwardedAt == null).map(s -> s.code).toList();
        if (!waiting.isEmpty()) {
            throw ProblemException.conflict("subcommittees-pending", "Subcommittees " + waiting
                    + " have not forwarded their projects yet (분과심의)").with("pendingSubcommittees", waiting);
        }
        List<Proposal> forwarded = Proposal.list("cycle = ?1 and stage = ?2", Sort.ascending("id"), cycle, Stage.FORWARDED);
        if (forwarded.isEmpty()) {
            throw ProblemException.conflict("nothing-forwarded", "No project was forwarded to the assembly");
        }
        int residentMax = choices("residentMaxChoices", request == null ? null : request.residentMaxChoices(), forwarded.size());
        int committeeMax = choices("committeeMaxChoices", request == null ? null : request.committeeMaxChoices(), forwarded.size());
        OffsetDateTime opensAt = cycle.assemblyFrom.atStartOfDay(ProposalService.SEOUL).toOffsetDateTime();
        OffsetDateTime closesAt = cycle.assemblyTo.plusDays(1).atStartOfDay(ProposalService.SEOUL).toOffsetDateTime();
        List<BallotRequested.Option> options = forwarded.stream()
                .map(p -> new BallotRequested.Option(p.ballotKey(), p.title, p.amount)).toList();
        boolean youth = cycle.kind == CycleKind.YOUTH;
        request(cycle, Electorate.RESIDENTS, opensAt, closesAt, options, residentMax,
                new BallotRequested.Eligibility(List.of(cycle.district), List.of(), youth ? 19 : null, youth ? 39 : null, null),
                (youth ? "청년자율예산 " : "주민참여예산 ") + "주민 엠보팅");
        request(cycle, Electorate.COMMITTEE, opensAt, closesAt, options, committeeMax,
                new BallotRequested.Eligibility(List.of(cycle.district), List.of(), null, null, Roles.COMMITTEE),
                (youth ? "청년자율예산 " : "주민참여예산 ") + "위원 투표");
        cycle.status = CycleStatus.ASSEMBLY;
        return view(cycle);
    }

    private static int choices(String field, Integer requested, int options) {
        if (requested == null) {
            return options;
        }
        if (requested > options) {
            throw ProblemException.unprocessable(field, "must be at most the " + options + " forwarded projects");
        }
        return requested;
    }

    private void request(Cycle cycle, Electorate electorate, OffsetDateTime opensAt, OffsetDateTime closesAt,
                         List<BallotRequested.Option> options, int maxChoices, BallotRequested.Eligibility eligibility,
                         String what) {
        AssemblyBallot ballot = new AssemblyBallot();
        ballot.cycle = cycle;
        ballot.electorate = electorate;
        ballot.correlationId = AssemblyBallot.correlationId(cycle.id, electorate);
        ballot.opensAt = opensAt;
        ballot.closesAt = closesAt;
        ballot.persist();
        String title = cycle.fiscalYear + "년 " + what + " (" + cycle.title + ")";
        String description = "총회: 분과심의를 거친 " + options.size() + "개 사업 중 선택 (" + cycle.residentWeight + "% 주민 + "
                + cycle.committeeWeight + "% 위원 합산)";
        outbox.publish(REQUESTS_TOPIC, "BallotRequested", ballot.correlationId, new BallotRequested(ballot.correlationId,
                "budget-service", title, description, cycle.district, null, eligibility, opensAt.toInstant(),
                closesAt.toInstant(), options, new BallotRequested.Rule("APPROVAL", 1, maxChoices, null), false));
    }

    public AssemblyView view(long cycleId) {
        return view(Cycle.require(cycleId));
    }

    private AssemblyView view(Cycle cycle) {
        List<AssemblyBallot> ballots = AssemblyBallot.list("cycle", Sort.ascending("electorate"), cycle);
        return new AssemblyView(cycle.id, cycle.status, ballots.stream().map(b -> new AssemblyView.BallotView(b.electorate,
                b.correlationId, b.ballotId, b.opensAt, b.closesAt, b.rejectedReason, b.closedAt, b.voters, b.boxChunks,
                chunksReceived(b))).toList());
    }

    long chunksReceived(AssemblyBallot ballot) {
        if (ballot.ballotId == null) {
            return 0;
        }
        return ((Number) em.createNativeQuery("select count(*) from ballot_box_chunk where ballot_id = ?1")
                .setParameter(1, ballot.ballotId).getSingleResult()).longValue();
    }
}
