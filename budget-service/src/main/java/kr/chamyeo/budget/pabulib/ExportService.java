package kr.chamyeo.budget.pabulib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.assembly.AssemblyBallot;
import kr.chamyeo.budget.cycle.Electorate;
import kr.chamyeo.budget.cycle.Cycle;
import kr.chamyeo.budget.cycle.CycleStatus;
import kr.chamyeo.budget.proposal.Proposal;
import kr.chamyeo.budget.proposal.Stage;
import kr.chamyeo.budget.result.ResultService;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * Writes a decided cycle as a Pabulib election: the voted projects with costs, total votes and selected flags,
 * and both boxes as anonymous approval votes (voter ids are positions in the box, never identities), each
 * marked with its electorate and weight so that researchers can reproduce the weighted outcome.
 */
@ApplicationScoped
public class ExportService {

    @Inject
    ResultService results;

    public String export(long cycleId) {
        Cycle cycle = Cycle.require(cycleId);
        if (cycle.status != CycleStatus.DECIDED) {
            throw ProblemException.conflict("results-not-ready", "Cycle " + cycleId + " is " + cycle.status
                    + "; it can be exported once its results are computed");
        }
        List<PabulibFile.Vote> votes = new ArrayList<>();
        Map<String, Integer> tally = new LinkedHashMap<>();
        Map<String, AssemblyBallot> ballots = AssemblyBallot.current(cycle);
        for (Electorate electorate : cycle.electorates) {
            AssemblyBallot ballot = ballots.get(electorate.code);
            // The two original electorates keep the ids and voter types earlier exports had (r1…, c1…; resident, committee).
            String type = switch (electorate.code) {
                case Electorate.RESIDENTS -> "resident";
                case Electorate.COMMITTEE -> "committee";
                default -> electorate.code.toLowerCase(java.util.Locale.ROOT);
            };
            String prefix = switch (electorate.code) {
                case Electorate.RESIDENTS -> "r";
                case Electorate.COMMITTEE -> "c";
                default -> type + "-";
            };
            int n = 0;
            for (Set<String> entry : results.box(ballot.ballotId)) {
                Set<String> ids = new java.util.LinkedHashSet<>();
                entry.forEach(key -> ids.add(key.substring(2)));
                ids.forEach(id -> tally.merge(id, 1, Integer::sum));
                votes.add(new PabulibFile.Vote(prefix + (++n), ids,
                        Map.of("voter_type", type)));
            }
        }
        List<Proposal> voted = Proposal.list("cycle = ?1 and stage in ?2", Sort.ascending("id"), cycle,
                List.of(Stage.ADOPTED, Stage.NOT_ADOPTED));
        List<PabulibFile.Project> projects = voted.stream().map(p -> new PabulibFile.Project(p.id.toString(), p.amount, p.title,
                p.stage == Stage.ADOPTED, Map.of("category", p.subcommitteeCode,
                "votes", Integer.toString(tally.getOrDefault(p.id.toString(), 0))))).toList();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", cycle.title);
        meta.put("country", "South Korea");
        meta.put("unit", "Seoul");
        meta.put("subunit", SeoulDistricts.name(cycle.district));
        meta.put("instance", Integer.toString(cycle.fiscalYear));
        meta.put("district", cycle.district);
        meta.put("num_projects", Integer.toString(projects.size()));
        meta.put("num_votes", Integer.toString(votes.size()));
        meta.put("budget", Long.toString(cycle.totalAmount));
        meta.put("vote_type", "approval");
        // Pabulib names the first; the others have no Pabulib label yet and keep this service's name.
        meta.put("rule", switch (cycle.rule) {
            case EQUAL_SHARES -> "equalshares/add1";
            case EQUAL_SHARES_ADD1U -> "equalshares/add1u";
            case SEQUENTIAL_PHRAGMEN -> "sequential-phragmen";
            case RANKED_GREEDY -> "weighted-greedy";
        });
        meta.put("currency", "KRW");
        meta.put("comment", "Chamyeo " + cycle.kind + " cycle; score = " + String.join(" + ", cycle.electorates.stream()
                .map(e -> e.weight + "% " + e.english() + " share").toList()) + "; voter_type tells the electorate");
        return PabulibWriter.write(new PabulibFile(meta, projects, votes), List.of("votes", "category"), List.of("voter_type"));
    }
}
