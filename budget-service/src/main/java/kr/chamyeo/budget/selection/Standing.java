package kr.chamyeo.budget.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A project's place in the combined ranking: votes and vote share per electorate, and the score
 * Σ weight × share (e.g. 50 × resident share + 50 × committee share, so a score is out of 100).
 */
public record Standing(Election.Candidate candidate, int[] votes, BigFraction[] shares, BigFraction score, int rank) {

    /**
     * Ranks every candidate: higher score first; ties go to more votes of the first electorate (the residents),
     * then the lower cost, then the earlier submission.
     */
    public static List<Standing> rank(Election election) {
        int electorates = election.electorates().size();
        Map<String, int[]> votes = new HashMap<>();
        for (Election.Candidate c : election.candidates()) {
            votes.put(c.key(), new int[electorates]);
        }
        for (int e = 0; e < electorates; e++) {
            for (Set<String> ballot : election.electorates().get(e).ballots()) {
                for (String key : ballot) {
                    int[] tally = votes.get(key);
                    if (tally != null) {
                        tally[e]++;
                    }
                }
            }
        }
        List<Standing> unranked = new ArrayList<>();
        for (Election.Candidate c : election.candidates()) {
            int[] tally = votes.get(c.key());
            BigFraction[] shares = new BigFraction[electorates];
            BigFraction score = BigFraction.ZERO;
            for (int e = 0; e < electorates; e++) {
                Election.Electorate electorate = election.electorates().get(e);
                int voters = electorate.ballots().size();
                shares[e] = voters == 0 ? BigFraction.ZERO : BigFraction.of(tally[e], voters);
                score = score.add(shares[e].multiply(electorate.weight()));
            }
            unranked.add(new Standing(c, tally, shares, score, 0));
        }
        Comparator<Standing> order = Comparator.comparing(Standing::score).reversed()
                .thenComparing(s -> -(long) (s.votes().length == 0 ? 0 : s.votes()[0]))
                .thenComparingLong(s -> s.candidate().cost())
                .thenComparingLong(s -> s.candidate().order());
        unranked.sort(order);
        List<Standing> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Standing s = unranked.get(i);
            ranked.add(new Standing(s.candidate(), s.votes(), s.shares(), s.score(), i + 1));
        }
        return ranked;
    }
}
