package kr.chamyeo.budget.review;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the review stages. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    public enum DepartmentDecision { ACCEPT, REJECT }

    public enum PreReviewDecision { PASS, RETURN }

    @Schema(description = "1차 부서검토: the responsible department's opinion, refined cost and decision")
    public record DepartmentReview(
            @Schema(example = "아동청년과") @NotBlank @Size(max = 100) String department,
            @Schema(example = "ACCEPT") @NotNull DepartmentDecision decision,
            @Schema(example = "제안자와 협의하여 사업 구체화") @NotBlank @Size(max = 2000) String opinion,
            @Schema(description = "Refined cost in won (required to accept)", example = "45000000") @Positive Long amount) {
    }

    @Schema(description = "2차 사전검토: pass, or return to the department for re-review/supplement with a reason")
    public record PreReview(
            @Schema(example = "RETURN") @NotNull PreReviewDecision decision,
            @Schema(example = "부서 검토의견이 소극적임: 대안 검토 후 보완 요청") @Size(max = 2000) String reason) {
    }

    @Schema(description = "3차 분과심의: the projects the subcommittee forwards to the 총회 (at most 130% of its ceiling)")
    public record Forwarding(@Schema(example = "[17, 18, 21]") @NotNull @Size(max = 500) List<@NotNull Long> proposalIds) {
    }
}
