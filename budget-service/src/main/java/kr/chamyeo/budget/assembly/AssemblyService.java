package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CycleKind;
import kr.chamyeo.budget.cycle.CityCycle;
import kr.chamyeo.budget.cycle.CycleStatus;
import kr.chamyeo.budget.cycle.Electorate;
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
     * 4차 총회: asks voting-service for one approval ballot over the forwarded projects per electorate of the cycle
     * (by default the residents' 엠보팅, youth cycles 19–39, and the committee's ballot, role COMMITTEE of the district).
     * Once the assembly is open, the same call re-requests only the ballots voting-service rejected (BallotRejected),
     * each as the next round with a new correlation id; with nothing rejected it is refused and changes nothing.
     */
    @Transactional
    public AssemblyView open(long cycleId, AssemblyRequest request) {
        Cycle cycle = Cycle.require(cycleId);
        caller.requireDistrict(cycle.district, Roles.OFFICER);
        if (cycle.status == CycleStatus.ASSEMBLY) {
            return reopen(cycle, request);
        }
        cycle.requireOpen("opening the assembly (총회)");
        List<String> waiting = cycle.subcommittees.stream().filter(s -> s.forwardedAt == null).map(s -> s.code).toList();
        if (!waiting.isEmpty()) {
            throw ProblemException.conflict("subcommittees-pending", "Subcommittees " + waiting
                    + " have not forwarded their projects yet (분과심의)").with("pendingSubcommittees", waiting);
        }
        Ballots ballots = ballots(cycle, request);
        for (Electorate electorate : cycle.electorates) {
            ballots.request(electorate, 1);
        }
        cycle.status = CycleStatus.ASSEMBLY;
        return view(cycle);
    }

    private AssemblyView reopen(Cycle cycle, AssemblyRequest request) {
        List<AssemblyBallot> rejected = AssemblyBallot.current(cycle).values().stream()
                .filter(b -> b.rejectedReason != null).toList();
        if (rejected.isEmpty()) {
            throw ProblemException.conflict("assembly-open", "The assembly (총회) of cycle " + cycle.id + " is already open and "
                    + "voting-service has rejected none of its current ballot requests; it can only be re-opened after a rejection");
        }
        Ballots ballots = ballots(cycle, request);
        for (AssemblyBallot previous : rejected) {
            ballots.request(cycle.electorate(previous.electorate).orElseThrow(), previous.round + 1);
        }
        cycle.assemblyRejection = null;
        return view(cycle);
    }

    /** Validates the request against the forwarded projects; the returned requests publish on commit. */
    private Ballots ballots(Cycle cycle, AssemblyRequest request) {
        List<Proposal> forwarded = Proposal.list("cycle = ?1 and stage = ?2", Sort.ascending("id"), cycle, Stage.FORWARDED);
        if (forwarded.isEmpty()) {
            throw ProblemException.conflict("nothing-forwarded", "No project was forwarded to the assembly");
        }
        AssemblyRequest r = request == null ? new AssemblyRequest(null, null, null, null, null) : request;
        Map<String, Integer> maxChoices = new HashMap<>();
        if (r.maxChoices() != null) {
            for (Map.Entry<String, Integer> e : r.maxChoices().entrySet()) {
                if (cycle.electorate(e.getKey()).isEmpty()) {
                    throw ProblemException.unprocessable("maxChoices." + e.getKey(), "is not an electorate of cycle " + cycle.id);
                }
                maxChoices.put(e.getKey(), choices("maxChoices." + e.getKey(), e.getValue(), forwarded.size()));
            }
        }
        if (r.residentMaxChoices() != null) {
            maxChoices.put(Electorate.RESIDENTS, choices("residentMaxChoices", r.residentMaxChoices(), forwarded.size()));
        }
        if (r.committeeMaxChoices() != null) {
            maxChoices.put(Electorate.COMMITTEE, choices("committeeMaxChoices", r.committeeMaxChoices(), forwarded.size()));
        }
        if ((r.opensAt() == null) != (r.closesAt() == null)) {
            throw ProblemException.unprocessable(r.opensAt() == null ? "opensAt" : "closesAt",
                    "opensAt and closesAt are given together or not at all");
        }
        OffsetDateTime opensAt = r.opensAt() != null ? r.opensAt()
                : cycle.assemblyFrom.atStartOfDay(ProposalService.SEOUL).toOffsetDateTime();
        OffsetDateTime closesAt = r.closesAt() != null ? r.closesAt()
                : cycle.assemblyTo.plusDays(1).atStartOfDay(ProposalService.SEOUL).toOffsetDateTime();
        if (!closesAt.isAfter(opensAt)) {
            throw ProblemException.unprocessable("closesAt", "must be after opensAt (" + opensAt + ")");
        }
        List<BallotRequested.Option> options = forwarded.stream()
                .map(p -> new BallotRequested.Option(p.ballotKey(), p.title, p.amount)).toList();
        return new Ballots(cycle, opensAt, closesAt, options, maxChoices);
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

    private final class Ballots {
        private final Cycle cycle;
        private final OffsetDateTime opensAt;
        private final OffsetDateTime closesAt;
        private final List<BallotRequested.Option> options;
        private final Map<String, Integer> maxChoices;

        Ballots(Cycle cycle, OffsetDateTime opensAt, OffsetDateTime closesAt, List<BallotRequested.Option> options,
                Map<String, Integer> maxChoices) {
            this.cycle = cycle;
            this.opensAt = opensAt;
            this.closesAt = closesAt;
            this.options = options;
            this.maxChoices = maxChoices;
        }

        void request(Electorate electorate, int round) {
            boolean youth = cycle.kind == CycleKind.YOUTH;
            // A RESIDENT ballot names no role: voting-service's default is RESIDENT, as the shared contract has it.
            // Seoul's city-level cycle is voted city-wide (대시민투표): no district restriction.
            List<String> districts = CityCycle.isCity(cycle.district) ? List.of() : List.of(cycle.district);
            BallotRequested.Eligibility eligibility = new BallotRequested.Eligibility(districts, List.of(),
                    electorate.minAge, electorate.maxAge, Roles.RESIDENT.equals(electorate.requiredRole) ? null : electorate.requiredRole);
            AssemblyBallot ballot = new AssemblyBallot();
            ballot.cycle = cycle;
            ballot.electorate = electorate.code;
            ballot.round = round;
            ballot.correlationId = AssemblyBallot.correlationId(cycle.id, electorate.code, round);
            ballot.opensAt = opensAt;
            ballot.closesAt = closesAt;
            ballot.persist();
            String title = cycle.fiscalYear + "년 " + (youth ? "청년자율예산 " : "주민참여예산 ") + electorate.name
                    + " (" + cycle.title + ")" + (round == 1 ? "" : " " + round + "차 요청");
            String description = "총회: 분과심의를 거친 " + options.size() + "개 사업 중 선택 (" + String.join(" + ",
                    cycle.electorates.stream().map(e -> e.weight + "% " + e.name).toList()) + " 합산)";
            outbox.publish(REQUESTS_TOPIC, "BallotRequested", ballot.correlationId, new BallotRequested(ballot.correlationId,
                    "budget-service", title, description, cycle.district, null, eligibility, opensAt.toInstant(),
                    closesAt.toInstant(), options, new BallotRequested.Rule("APPROVAL", 1,
                            maxChoices.getOrDefault(electorate.code, options.size()), null),
                    false));
        }
    }

    public AssemblyView view(long cycleId) {
        return view(Cycle.require(cycleId));
    }

    private AssemblyView view(Cycle cycle) {
        List<AssemblyBallot> ballots = AssemblyBallot.list("cycle", Sort.ascending("electorate", "round"), cycle);
        return new AssemblyView(cycle.id, cycle.status, cycle.assemblyRejection, ballots.stream().map(b -> new AssemblyView.BallotView(
                b.electorate, b.round, b.correlationId, b.ballotId, b.opensAt, b.closesAt, b.rejectedReason, b.closedAt, b.voters, b.boxChunks,
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
