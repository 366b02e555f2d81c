package kr.chamyeo.governance.sortition;

import java.util.List;
import java.util.Map;

/**
 * A lottery over quota-satisfying panels, up to symmetry: {@code types.get(t)} lists interchangeable
 * volunteers (ids, pool order), and composition {@code compositions.get(j)} — seats per type — is drawn
 * with probability {@code probabilities.get(j)}, after which each type's seats go to that many of its members
 * chosen uniformly. {@code selectionProbabilities} is each volunteer's resulting chance to sit on the panel;
 * {@code minimumProbability} is the lowest of them, which LEXIMIN raises first. Volunteers whom no valid panel
 * can contain are listed in {@code unselectable}.
 */
public record PanelDistribution(List<List<String>> types, List<List<Integer>> compositions, List<Double> probabilities,
                                Map<String, Double> selectionProbabilities, double minimumProbability,
                                List<String> unselectable, int columnGenerationRounds) {

    /** The composition whose cumulative probability interval contains {@code u ∈ [0,1)}. */
    public int compositionAt(double u) {
        double cumulative = 0;
        for (int j = 0; j < probabilities.size(); j++) {
            cumulative += probabilities.get(j);
            if (u < cumulative) {
                return j;
            }
        }
        // Rounding can leave the sum a hair below 1; the last composition with weight takes the remainder.
        for (int j = probabilities.size() - 1; j >= 0; j--) {
            if (probabilities.get(j) > 0) {
                return j;
            }
        }
        throw new IllegalStateException("empty distribution");
    }
}
