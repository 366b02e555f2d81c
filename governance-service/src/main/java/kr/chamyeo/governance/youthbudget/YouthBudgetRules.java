package kr.chamyeo.governance.youthbudget;

import java.util.List;
import java.util.stream.IntStream;

import kr.chamyeo.governance.youthbudget.YouthBudgetRound.Status;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * Seed 001, 청년자율예산제: "청년이 숙의 과정 등을 통해 일정한 총액 내에서 정책의 우선순위와 규모 등을 종합적으로 결정해 서울시에
 * 제안". The council changes its proposals only while it deliberates; each has its own priority; the plenary adopts them
 * only when their priorities run 1..n without a gap and their sizes fit within the city's total.
 */
public final class YouthBudgetRules {

    private YouthBudgetRules() {
    }

    static void requireDeliberating(Status status) {
        if (status != Status.DELIBERATING) {
            throw ProblemException.conflict("round-adopted", "The council's proposal was adopted; the round is " + status);
        }
    }

    /** 422 unless the priorities are 1..n and the amounts add up to no more than the total. */
    public static void requireAdoptable(long total, List<Long> amountsByPriority, List<Integer> priorities) {
        if (priorities.isEmpty()) {
            throw ProblemException.unprocessable("proposals", "the council adopts at least one proposal");
        }
        if (!priorities.stream().sorted().toList().equals(IntStream.rangeClosed(1, priorities.size()).boxed().toList())) {
            throw ProblemException.unprocessable("priority", "priorities must run 1.." + priorities.size() + " without a gap: "
                    + priorities.stream().sorted().toList());
        }
        long sum = amountsByPriority.stream().mapToLong(Long::longValue).sum();
        if (sum > total) {
            throw ProblemException.unprocessable("amount", "the proposals add up to " + sum + "원, over the city's total of " + total
                    + "원 by " + (sum - total) + "원").with("total", total).with("proposed", sum);
        }
    }
}
