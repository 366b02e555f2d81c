package kr.chamyeo.budget.pabulib;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import kr.chamyeo.budget.selection.Election;
import kr.chamyeo.budget.selection.Selection;
import kr.chamyeo.budget.selection.SelectionRule;

/** Runs a selection rule on a Pabulib election: all weight on the file's voters, file order breaks last ties. */
public final class Simulation {

    private Simulation() {
    }

    public static Election election(PabulibFile file) {
        List<Election.Candidate> candidates = new ArrayList<>();
        long order = 0;
        for (PabulibFile.Project p : file.projects()) {
            candidates.add(new Election.Candidate(p.id(), p.cost(), order++));
        }
        List<Set<String>> ballots = file.votes().stream().map(PabulibFile.Vote::approved).toList();
        return new Election(file.budget(), candidates, List.of(new Election.Electorate("voters", 100, ballots)));
    }

    public static Selection run(PabulibFile file, SelectionRule rule) {
        return rule.select(election(file));
    }
}
