package kr.chamyeo.budget.selection;

import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * A plain-language reason (in Korean, for residents) why each project was or was not adopted. The amount
 * "left when its turn came" is the total minus what Equal Shares bought minus what the greedy walk had
 * adopted above it in the ranking.
 */
public final class Explanation {

    private Explanation() {
    }

    public static Map<String, String> reasons(Selection selection, SelectionRule rule) {
        long boughtByShares = selection.steps().entrySet().stream()
                .filter(e -> e.getValue() == Selection.Step.EQUAL_SHARES)
                .mapToLong(e -> cost(selection, e.getKey())).sum();
        long left = selection.budget() - boughtByShares;
        Map<String, String> reasons = new HashMap<>();
        for (Standing s : selection.ranking()) {
            String key = s.candidate().key();
            long cost = s.candidate().cost();
            String place = String.format("종합점수 %s점, %d위", Fractions.decimal(s.score()).setScale(2, RoundingMode.HALF_EVEN)
                    .toPlainString(), s.rank());
            Selection.Step step = selection.steps().get(key);
            if (step == Selection.Step.EQUAL_SHARES) {
                reasons.put(key, String.format("%s. 균등배분 방식(Method of Equal Shares)에서 이 사업을 고른 투표자들의 몫으로 "
                        + "사업비 %,d원을 충당할 수 있어 선정되었습니다.", place, cost));
            } else if (step == Selection.Step.PHRAGMEN) {
                reasons.put(key, String.format("%s. 순차 프라그멘 방식(Sequential Phragmén)에서 이 사업을 고른 투표자들이 모은 "
                        + "돈으로 사업비 %,d원을 먼저 충당할 수 있어 선정되었습니다.", place, cost));
            } else if (step == Selection.Step.GREEDY) {
                reasons.put(key, String.format("%s. %s차례가 왔을 때 남은 예산 %,d원 안에 사업비 %,d원이 들어 선정되었습니다.", place,
                        rule == SelectionRule.EQUAL_SHARES_ADD1U ? "균등배분 후 남은 예산을 순위대로 채우는 단계에서 " : "순위대로 ",
                        left, cost));
                left -= cost;
            } else {
                reasons.put(key, notSelected(rule, place, left, cost));
            }
        }
        return reasons;
    }

    /** Why a project was not adopted, in the terms of the rule that decided. */
    private static String notSelected(SelectionRule rule, String place, long left, long cost) {
        return switch (rule) {
            case RANKED_GREEDY -> String.format("%s. 순위대로 차례가 왔을 때 남은 예산 %,d원보다 사업비 %,d원이 커서 선정되지 않았습니다.",
                    place, left, cost);
            case EQUAL_SHARES_ADD1U -> String.format("%s. 이 사업을 고른 투표자들의 몫으로 사업비를 충당할 수 없었고, 남은 예산을 "
                    + "순위대로 채우는 단계에서도 차례가 왔을 때 남은 예산 %,d원보다 사업비 %,d원이 커서 선정되지 않았습니다.", place, left, cost);
            case EQUAL_SHARES -> String.format("%s. 균등배분 방식에서 이 사업을 고른 투표자들의 몫으로 사업비 %,d원을 충당할 수 "
                    + "없어 선정되지 않았습니다(균등배분 후 남은 예산 %,d원).", place, cost, left);
            case SEQUENTIAL_PHRAGMEN -> String.format("%s. 순차 프라그멘 방식에서 이 사업을 고른 투표자들이 사업비 %,d원을 모았을 "
                    + "때 남은 예산에 들지 않아 선정되지 않았습니다.", place, cost);
        };
    }

    private static long cost(Selection selection, String key) {
        return selection.ranking().stream().filter(s -> s.candidate().key().equals(key)).findFirst()
                .orElseThrow().candidate().cost();
    }
}
