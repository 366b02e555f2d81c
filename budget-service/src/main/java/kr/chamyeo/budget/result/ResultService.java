package kr.chamyeo.budget.result;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.assembly.AssemblyBallot;
import kr.chamyeo.budget.assembly.Electorate;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CycleService;
import kr.chamyeo.budget.cycle.CycleStatus;
import kr.chamyeo.budget.proposal.Proposal;
import kr.chamyeo.budget.proposal.Stage;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;

@ApplicationScoped
public class ResultService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    /** The anonymous approval sets of one ballot, in box order. */
    public List<Set<String>> box(String ballotId) {
        @SuppressWarnings("unchecked")
        List<String> chunks = em.createNativeQuery("select cast(entries as text) from ballot_box_chunk where ballot_id = ?1 order by chunk")
                .setParameter(1, ballotId).getResultList();
        List<Set<String>> ballots = new ArrayList<>();
        for (String chunk : chunks) {
            try {
                for (JsonNode entry : mapper.readTree(chunk)) {
                    Set<String> keys = new LinkedHashSet<>();
                    entry.forEach(k -> keys.add(k.asText()));
                    ballots.add(keys);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored box chunk of " + ballotId + " is not JSON", e);
            }
        }
        return ballots;
    }

    /** The add1 completion raises every voter's budget by 천원 (the unit of Korean budget documents) per step. */
    static final long ADD1_UNIT_WON = 1_000;

    /** Computes the results once both ballots are closed and every box chunk is stored; otherwise does nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decideWhenComplete(long cycleId) {
        Cycle cycle = em.find(Cycle.class, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null || cycle.status != CycleStatus.ASSEMBLY) {
            return;
        }
        Map<Electorate, AssemblyBallot> ballots = AssemblyBallot.current(cycle);
        for (AssemblyBallot b : ballots.values()) {
            if (b.closedAt == null || b.ballotId == null || b.boxChunks == null || stored(b.ballotId) < b.boxChunks) {
                return;
            }
        }
        if (ballots.size() != Electorate.values().length) {
            return;
        }
        List<Set<String>> residents = box(ballots.get(Electorate.RESIDENTS).ballotId);
        List<Set<String>> committee = box(ballots.get(Electorate.COMMITTEE).ballotId);
        List<Proposal> forwarded = Proposal.list("cycle = ?1 and stage = ?2", Sort.ascending("id"), cycle, Stage.FORWARDED);
        Map<String, Proposal> byKey = new HashMap<>();
        List<Election.Candidate> candidates = new ArrayList<>();
        for (Proposal p : forwarded) {
            byKey.put(p.ballotKey(), p);
            candidates.add(new Election.Candidate(p.ballotKey(), p.amount, p.id));
        }
        Election election = new Election(cycle.totalAmount, candidates, List.of(
                new Election.Electorate("residents", cycle.residentWeight, residents),
                new Election.Electorate("committee", cycle.committeeWeight, committee)), ADD1_UNIT_WON);
        Selection selection = cycle.rule.select(election);
        Map<String, String> reasons = Explanation.reasons(selection, cycle.rule);
        List<ProjectsAdopted.Adopted> adopted = new ArrayList<>();
        for (Standing s : selection.ranking()) {
            Proposal p = byKey.get(s.candidate().key());
            boolean isAdopted = selection.isSelected(s.candidate().key());
            String reason = reasons.get(s.candidate().key());
            p.assemblyDecision(isAdopted, reason);
            em.createNativeQuery("insert into project_result (cycle_id, proposal_id, resident_votes, committee_votes, resident_share, "
                            + "committee_share, score, score_decimal, rank, adopted, amount, reason) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                    .setParameter(1, cycle.id).setParameter(2, p.id)
                    .setParameter(3, s.votes()[0]).setParameter(4, s.votes()[1])
                    .setParameter(5, Fractions.exact(s.shares()[0])).setParameter(6, Fractions.exact(s.shares()[1]))
                    .setParameter(7, Fractions.exact(s.score())).setParameter(8, Fractions.decimal(s.score()))
                    .setParameter(9, s.rank()).setParameter(10, isAdopted).setParameter(11, p.amount)
                    .setParameter(12, reason)
                    .executeUpdate();
            if (isAdopted) {
                adopted.add(new ProjectsAdopted.Adopted(p.id, p.title, p.amount, s.rank()));
            }
        }
        em.createNativeQuery("insert into cycle_result (cycle_id, rule, resident_voters, committee_voters, adopted_amount, leftover, "
                        + "computed_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, cycle.id).setParameter(2, cycle.rule.name())
                .setParameter(3, residents.size()).setParameter(4, committee.size())
                .setParameter(5, selection.spent()).setParameter(6, selection.leftover())
                .setParameter(7, OffsetDateTime.now())
                .executeUpdate();
        cycle.status = CycleStatus.DECIDED;
        outbox.publish(CycleService.TOPIC, "ProjectsAdopted", cycle.id.toString(), new ProjectsAdopted(cycle.id, cycle.district,
                cycle.fiscalYear, cycle.kind, cycle.rule, cycle.totalAmount, selection.spent(), selection.leftover(), adopted));
    }

    private long stored(String ballotId) {
        return ((Number) em.createNativeQuery("select count(*) from ballot_box_chunk where ballot_id = ?1")
                .setParameter(1, ballotId).getSingleResult()).longValue();
    }

    public ResultView results(long cycleId) {
        Cycle cycle = Cycle.require(cycleId);
        if (cycle.status != CycleStatus.DECIDED) {
            throw ProblemException.conflict("results-not-ready", "Cycle " + cycleId + " is " + cycle.status
                    + "; results exist once both assembly ballots have closed");
        }
        Object[] summary = (Object[]) em.createNativeQuery("select rule, resident_voters, committee_voters, adopted_amount, leftover "
                + "from cycle_result where cycle_id = ?1").setParameter(1, cycleId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.proposal_id, p.title, p.subcommittee_code, r.amount, r.resident_votes, "
                        + "r.committee_votes, r.resident_share, r.committee_share, r.score, r.rank, r.adopted, r.reason "
                        + "from project_result r join proposal p on p.id = r.proposal_id where r.cycle_id = ?1 order by r.rank")
                .setParameter(1, cycleId).getResultList();
        List<ResultView.ProjectResultView> projects = rows.stream().map(r -> new ResultView.ProjectResultView(
                ((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), Fractions.decimal((String) r[6]),
                Fractions.decimal((String) r[7]), Fractions.decimal((String) r[8]), (String) r[8],
                ((Number) r[9]).intValue(), (Boolean) r[10], (String) r[11])).toList();
        return new ResultView(cycleId, SelectionRule.valueOf((String) summary[0]), cycle.totalAmount,
                ((Number) summary[3]).longValue(), ((Number) summary[4]).longValue(), ((Number) summary[1]).intValue(),
                ((Number) summary[2]).intValue(), cycle.residentWeight, cycle.committeeWeight, projects);
    }
}
