package kr.chamyeo.budget.council;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.cycle.CityCycle;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CycleKind;
import kr.chamyeo.budget.cycle.CycleService;
import kr.chamyeo.budget.cycle.CycleStatus;
import kr.chamyeo.budget.proposal.Origin;
import kr.chamyeo.budget.proposal.Proposal;
import kr.chamyeo.budget.proposal.ReviewEntry;
import kr.chamyeo.budget.proposal.Stage;
import kr.chamyeo.platform.district.SeoulDistricts;

/**
 * Takes the youth council's rounds into Seoul's city-level YOUTH cycle of their year. A round is never lost: one that
 * arrives before the city opens that cycle is kept and attached when it is opened (in the same transaction); one that
 * arrives after the cycle's 총회 was opened is kept with a note, since nothing may be added to a ballot already asked for.
 */
@ApplicationScoped
public class YouthCouncilRounds {

    private static final Logger LOG = Logger.getLogger(YouthCouncilRounds.class);
    static final String SYSTEM = "governance-service";

    @Inject
    ObjectMapper mapper;

    /** Applies one {@code YouthBudgetProposed}; a round already received (same roundId) changes nothing. */
    public void receive(YouthBudgetProposed event) {
        if (event.roundId() != null && YouthCouncilRound.findById(event.roundId()) != null) {
            LOG.infof("Youth council round %s was already received; nothing changes", event.roundId());
            return;
        }
        CouncilProposals.requireValid(event);
        YouthCouncilRound round = new YouthCouncilRound();
        round.roundId = event.roundId();
        round.fiscalYear = event.year();
        round.total = event.total();
        round.proposed = event.proposed();
        round.adoptedOn = event.adoptedOn();
        try {
            round.data = mapper.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        round.receivedAt = OffsetDateTime.now();
        round.persist();
        Optional<Cycle> cycle = Cycle.find("district = ?1 and fiscalYear = ?2 and kind = ?3", SeoulDistricts.SEOUL_CITY,
                event.year(), CycleKind.YOUTH).firstResultOptional();
        if (cycle.isEmpty()) {
            LOG.infof("Youth council round %s (%d) waits for the city's YOUTH cycle of %d", round.roundId, round.proposed, round.fiscalYear);
        } else if (cycle.get().status != CycleStatus.OPEN) {
            round.note = "cycle " + cycle.get().id + " is " + cycle.get().status + ": its 총회 was already opened, so the "
                    + "council's proposals could not join it";
            LOG.warnf("Youth council round %s not attached: %s", round.roundId, round.note);
        } else {
            attach(round, event, cycle.get());
        }
    }

    /** When the city opens its YOUTH cycle of a year, the council's rounds of that year waiting for it join it. */
    void onCycleCreated(@Observes CycleService.CycleCreated created) {
        if (!CityCycle.isCity(created.district()) || created.kind() != CycleKind.YOUTH) {
            return;
        }
        Cycle cycle = Cycle.require(created.cycleId());
        YouthCouncilRound.<YouthCouncilRound>list("fiscalYear = ?1 and cycleId is null", Sort.ascending("adoptedOn", "receivedAt"),
                created.fiscalYear()).forEach(round -> {
            try {
                attach(round, mapper.readValue(round.data, YouthBudgetProposed.class), cycle);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored youth council round " + round.roundId + " is unreadable", e);
            }
        });
    }

    private void attach(YouthCouncilRound round, YouthBudgetProposed event, Cycle cycle) {
        OffsetDateTime now = OffsetDateTime.now();
        event.proposals().stream().sorted(Comparator.comparingInt(YouthBudgetProposed.Item::priority)).forEach(item -> {
            Proposal p = new Proposal();
            p.cycle = cycle;
            p.origin = Origin.YOUTH_COUNCIL;
            p.sourceChannel = CouncilProposals.CHANNEL;
            p.title = item.title();
            p.description = CouncilProposals.description(event, item);
            p.subcommitteeCode = CouncilProposals.subcommitteeFor(cycle.subcommittees, item.subcommittee());
            // City-wide: the council's proposals belong to no 동.
            p.dong = "";
            p.eventType = false;
            p.requestedAmount = item.amount();
            p.amount = item.amount();
            p.stage = Stage.SUBMITTED;
            p.reviewRound = 1;
            p.contactName = CouncilProposals.PROPOSER;
            p.submittedBy = SYSTEM;
            p.submittedAt = now;
            p.councilRound = event.roundId();
            p.councilPriority = item.priority();
            p.record(ReviewEntry.Step.SUBMISSION, "SUBMITTED", item.amount(), null, CouncilProposals.CHANNEL + " 본회의 의결 "
                    + event.adoptedOn() + ", 우선순위 " + item.priority(), SYSTEM, ReviewEntry.SYSTEM);
            p.persist();
        });
        round.cycleId = cycle.id;
        round.attachedAt = now;
        round.note = CouncilProposals.excess(event.proposed(), cycle.totalAmount);
        LOG.infof("Youth council round %s: %d proposals joined cycle %d%s", round.roundId, event.proposals().size(), cycle.id,
                round.note == null ? "" : " (" + round.note + ")");
    }
}
