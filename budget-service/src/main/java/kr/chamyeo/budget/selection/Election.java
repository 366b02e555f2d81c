package kr.chamyeo.budget.selection;

import java.util.List;
import java.util.Set;

/**
 * Everything a selection rule needs, without any persistence: the total to spend, the projects on the
 * ballot and the anonymous approval ballots of one or more electorates (주민 엠보팅, 위원 투표), each holding a
 * percentage weight of the decision.
 */
public record Election(long budget, List<Candidate> candidates, List<Electorate> electorates, long completionUnit) {

    /** An election whose money unit is also the add1 completion's step per voter (a Pabulib file's currency unit). */
    public Election(long budget, List<Candidate> candidates, List<Electorate> electorates) {
        this(budget, candidates, electorates, 1);
    }

    /**
     * {@code completionUnit}: how much the add1 completion of {@link EqualShares} raises every voter's budget per step,
     * in the election's money.
     */
    public Election {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative");
        }
        if (completionUnit < 1) {
            throw new IllegalArgumentException("completion unit must be positive");
        }
        candidates = List.copyOf(candidates);
        electorates = List.copyOf(electorates);
        int weights = electorates.stream().mapToInt(Electorate::weight).sum();
        if (weights != 100) {
            throw new IllegalArgumentException("electorate weights must sum to 100, not " + weights);
        }
    }

    /** A project on the ballot; {@code order} is its submission order, the last tie-breaker. */
    public record Candidate(String key, long cost, long order) {
        public Candidate {
            if (cost < 0) {
                throw new IllegalArgumentException("cost of " + key + " must not be negative");
            }
        }
    }

    /** One electorate: its weight in percent and each voter's set of approved project keys. */
    public record Electorate(String name, int weight, List<Set<String>> ballots) {
        public Electorate {
            ballots = List.copyOf(ballots);
        }
    }
}
