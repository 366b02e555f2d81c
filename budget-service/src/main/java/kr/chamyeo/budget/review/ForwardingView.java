package kr.chamyeo.budget.review;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The outcome of a subcommittee's deliberation (분과심의 결과)")
public record ForwardingView(@Schema(example = "welfare") String subcommittee,
                             @Schema(example = "250000000") long ceiling,
                             @Schema(example = "325000000") long limit,
                             @Schema(example = "310000000") long forwardedTotal,
                             List<Long> forwardedProposalIds) {
}
