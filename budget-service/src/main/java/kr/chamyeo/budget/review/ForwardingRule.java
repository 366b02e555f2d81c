package kr.chamyeo.budget.review;

import kr.chamyeo.budget.cycle.Subcommittee;
import kr.chamyeo.platform.problem.ProblemException;

/** 분과심의 실링액 130%: a subcommittee may forward projects totalling at most 130% of its ceiling. */
public final class ForwardingRule {

    private ForwardingRule() {
    }

    public static void check(Subcommittee subcommittee, long forwardedTotal) {
        long ceiling = subcommittee.ceiling;
        long limit = subcommittee.forwardLimit();
        if (forwardedTotal > limit) {
            throw ProblemException.unprocessable("proposalIds", "forwarded projects total " + forwardedTotal
                            + " won, more than 130% of the ceiling " + ceiling + " (" + limit + " won)")
                    .with("forwardedTotal", forwardedTotal).with("ceiling", ceiling).with("limit", limit);
        }
    }
}
