package kr.chamyeo.governance.sortition;

import java.util.List;
import java.util.Map;

/**
 * A lottery over quota-satisfying panels: {@code panels.get(j)} (volunteer ids, pool order) is drawn with
 * probability {@code probabilities.get(j)}. {@code selectionProbabilities} is each volunteer's resulting
 * chance to sit on the panel; {@code minimumProbability} is what the maximin optimisation raised as far as
 * it could. Volunteers whom no valid panel can contain are listed in {@code unselectable}.
 */
public record PanelDistribution(List<List<String>> panels, List<Double> probabilities,
                                Map<String, Double> selectionProbabilities, double minimumProbability,
                                List<String> unselectable, int columnGenerationRounds) {

    /** The panel whose cumulative probability interval contains {@code u ∈ [0,1)}. */
    public int panelAt(double u) {
        double cumulative = 0;
        for (int j = 0; j < probabilities.size(); j++) {
            cumulative += probabilities.get(j);
            if (u < cumulative) {
                return j;
            }
        }
        // Rounding can leave the sum a hair below 1; the last panel with weight takes the remainder.
        for (int j = probabilities.size() - 1; j >= 0; j--) {
            if (probabilities.get(j) > 0) {
                return j;
            }
        }
        throw new IllegalStateException("empty distribution");
    }
}
