package kr.chamyeo.budget.result;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.assembly.AssemblyBallot;
import kr.chamyeo.budget.assembly.AssemblyBallotChanged;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CycleService;
import kr.chamyeo.budget.cycle.CycleStatus;
import kr.chamyeo.budget.cycle.Electorate;
import kr.chamyeo.budget.proposal.Proposal;
import kr.chamyeo.budget.proposal.Stage;
import kr.chamyeo.budget.selection.Election;
import kr.chamyeo.budget.selection.Explanation;
import kr.chamyeo.budget.selection.Fractions;
import kr.chamyeo.budget.selection.Proportionality;
import kr.chamyeo.budget.selection.Selection;
import kr.chamyeo.budget.selection.SelectionRule;
import kr.chamyeo.budget.selection.Standing;
import kr.chamyeo.budget.selection.WorkLimit;
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

    /** Computes the results once every electorate's ballot is closed and every box chunk is stored; otherwise does nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    void decideWhenComplete(@Observes AssemblyBallotChanged changed) {
        long cycleId = changed.cycleId();
        Cycle cycle = em.find(Cycle.class, cycleId, LockModeType.PESSIMISTIC_WRITE);
        if (cycle == null || cycle.status != CycleStatus.ASSEMBLY) {
            return;
        }
        Map<String, AssemblyBallot> ballots = AssemblyBallot.current(cycle);
        for (Electorate e : cycle.electorates) {
            AssemblyBallot b = ballots.get(e.code);
            if (b == null || b.closedAt == null || b.ballotId == null || b.boxChunks == null || stored(b.ballotId) < b.boxChunks) {
                return;
            }
        }
        List<Election.Electorate> electorates = new ArrayList<>();
        for (Electorate e : cycle.electorates) {
            electorates.add(new Election.Electorate(e.code, e.weight, box(ballots.get(e.code).ballotId)));
        }
        List<Proposal> forwarded = Proposal.list("cycle = ?1 and stage = ?2", Sort.ascending("id"), cycle, Stage.FORWARDED);
        Map<String, Proposal> byKey = new HashMap<>();
        List<Election.Candidate> candidates = new ArrayList<>();
        for (Proposal p : forwarded) {
            byKey.put(p.ballotKey(), p);
            candidates.add(new Election.Candidate(p.ballotKey(), p.amount, p.id));
        }
        Election election = new Election(cycle.totalAmount, candidates, electorates, ADD1_UNIT_WON);
        Selection selection = cycle.rule.select(election);
        Map<String, String> reasons = Explanation.reasons(selection, cycle.rule);
        Map<String, String> titles = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        byKey.forEach((key, p) -> {
            titles.put(key, p.title);
            ids.put(key, p.id.toString());
        });
        Proportionality proportionality = Proportionality.of(election, selection, cycle.rule, WorkLimit.CYCLE, titles, ids,
                new Proportionality.Labels(cycle.electorates.stream().map(e -> e.name).toList(),
                        cycle.electorates.stream().map(Electorate::english).toList(), "원", "KRW"));
        List<ProjectsAdopted.Adopted> adopted = new ArrayList<>();
        for (Standing s : selection.ranking()) {
            Proposal p = byKey.get(s.candidate().key());
            boolean isAdopted = selection.isSelected(s.candidate().key());
            String reason = reasons.get(s.candidate().key());
            p.assemblyDecision(isAdopted, reason);
            List<StoredVotes> votes = new ArrayList<>();
            for (int e = 0; e < electorates.size(); e++) {
                votes.add(new StoredVotes(electorates.get(e).name(), s.votes()[e], Fractions.exact(s.shares()[e])));
            }
            em.createNativeQuery("insert into project_result (cycle_id, proposal_id, votes, score, score_decimal, rank, adopted, "
                            + "amount, reason) values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, cycle.id).setParameter(2, p.id).setParameter(3, json(votes))
                    .setParameter(4, Fractions.exact(s.score())).setParameter(5, Fractions.decimal(s.score()))
                    .setParameter(6, s.rank()).setParameter(7, isAdopted).setParameter(8, p.amount)
                    .setParameter(9, reason)
                    .executeUpdate();
            if (isAdopted) {
                adopted.add(new ProjectsAdopted.Adopted(p.id, p.title, p.amount, s.rank()));
            }
        }
        List<StoredVoters> voters = new ArrayList<>();
        for (int e = 0; e < electorates.size(); e++) {
            voters.add(new StoredVoters(electorates.get(e).name(), cycle.electorates.get(e).requiredRole,
                    electorates.get(e).ballots().size()));
        }
        em.createNativeQuery("insert into cycle_result (cycle_id, rule, voters, adopted_amount, leftover, computed_at, "
                        + "proportionality) values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6, cast(?7 as jsonb))")
                .setParameter(1, cycle.id).setParameter(2, cycle.rule.name()).setParameter(3, json(voters))
                .setParameter(4, selection.spent()).setParameter(5, selection.leftover())
                .setParameter(6, OffsetDateTime.now())
                .setParameter(7, json(proportionality))
                .executeUpdate();
        cycle.status = CycleStatus.DECIDED;
        outbox.publish(CycleService.TOPIC, "ProjectsAdopted", cycle.id.toString(), new ProjectsAdopted(cycle.id, cycle.district,
                cycle.fiscalYear, cycle.kind, cycle.rule, cycle.totalAmount, selection.spent(), selection.leftover(), adopted));
    }

    /** A project's votes in one electorate, as project_result.votes keeps them (share exact, "n/d"). */
    record StoredVotes(String electorate, int votes, String share) {
    }

    /** An electorate's voters, as cycle_result.voters keeps them. */
    record StoredVoters(String electorate, String role, int voters) {
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result is not serialisable", e);
        }
    }

    private <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored result is not readable", e);
        }
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
        Object[] summary = (Object[]) em.createNativeQuery("select rule, cast(voters as text), adopted_amount, leftover, "
                + "cast(proportionality as text) from cycle_result where cycle_id = ?1").setParameter(1, cycleId).getSingleResult();
        List<StoredVoters> voters = read((String) summary[1], new com.fasterxml.jackson.core.type.TypeReference<>() { });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.proposal_id, p.title, p.subcommittee_code, r.amount, cast(r.votes as text), "
                        + "r.score, r.rank, r.adopted, r.reason "
                        + "from project_result r join proposal p on p.id = r.proposal_id where r.cycle_id = ?1 order by r.rank")
                .setParameter(1, cycleId).getResultList();
        List<ResultView.ProjectResultView> projects = new ArrayList<>();
        for (Object[] r : rows) {
            List<StoredVotes> votes = read((String) r[4], new com.fasterxml.jackson.core.type.TypeReference<>() { });
            StoredVotes residents = of(votes, Electorate.RESIDENTS);
            StoredVotes committee = of(votes, Electorate.COMMITTEE);
            projects.add(new ResultView.ProjectResultView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ((Number) r[3]).longValue(), residents.votes(), committee.votes(), Fractions.decimal(residents.share()),
                    Fractions.decimal(committee.share()), votes.stream().map(v -> new ResultView.ElectorateVotes(v.electorate(),
                    v.votes(), Fractions.decimal(v.share()), v.share())).toList(), Fractions.decimal((String) r[5]),
                    (String) r[5], ((Number) r[6]).intValue(), (Boolean) r[7], (String) r[8]));
        }
        List<ResultView.ElectorateVoters> electorates = new ArrayList<>();
        for (StoredVoters v : voters) {
            Electorate e = cycle.electorate(v.electorate()).orElseThrow();
            electorates.add(new ResultView.ElectorateVoters(e.code, e.name, e.weight, v.voters()));
        }
        return new ResultView(cycleId, SelectionRule.valueOf((String) summary[0]), cycle.totalAmount,
                ((Number) summary[2]).longValue(), ((Number) summary[3]).longValue(),
                voters.stream().filter(v -> v.electorate().equals(Electorate.RESIDENTS)).mapToInt(StoredVoters::voters).sum(),
                voters.stream().filter(v -> v.electorate().equals(Electorate.COMMITTEE)).mapToInt(StoredVoters::voters).sum(),
                cycle.weightOf(Electorate.RESIDENTS), cycle.weightOf(Electorate.COMMITTEE), electorates, projects,
                summary[4] == null ? null : read((String) summary[4], new com.fasterxml.jackson.core.type.TypeReference<Proportionality>() { }));
    }

    /** The votes of one electorate; none (0, share 0) if the cycle has no electorate with that code. */
    private static StoredVotes of(List<StoredVotes> votes, String electorate) {
        return votes.stream().filter(v -> v.electorate().equals(electorate)).findFirst()
                .orElse(new StoredVotes(electorate, 0, "0"));
    }
}
