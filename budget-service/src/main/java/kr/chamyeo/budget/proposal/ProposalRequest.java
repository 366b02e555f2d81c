package kr.chamyeo.budget.proposal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.text.KoreanText;

@Schema(description = "A project proposal: 주민참여형 by a resident, or 일반참여형 (공론화) absorbed by the district with its source channel")
public record ProposalRequest(
        @Schema(example = "독산동 어린이 놀이터 개선") @NotBlank @Size(max = 200) String title,
        @Schema(example = "노후 놀이기구 교체와 그늘막 설치") @NotBlank @Size(max = 4000) String description,
        @Schema(description = "Subcommittee (분과) code", example = "welfare") @NotBlank @Size(max = 40) String subcommitteeCode,
        @Schema(description = "Location (동)", example = "독산1동") @NotBlank @Size(max = 50) String dong,
        @Schema(description = "Requested amount in won (요청 사업비)", example = "50000000") @NotNull @Positive Long requestedAmount,
        @Schema(description = "Event-type project (행사성 사업)", example = "false") @NotNull Boolean eventType,
        @Schema(description = "Source channel of an absorbed proposal (금천1번가, 주민제안제도, 주민자치회); only for officers/partners",
                example = "금천1번가") @Size(max = 100) String sourceChannel,
        @Schema(description = "Proposer contact (personal data: seen only by officers of the district)") @NotNull @Valid Contact contact) {

    /** The 동 as it is stored and compared: {@code 독산1동} however it was typed (NFD, spaces; issue 23). */
    public ProposalRequest {
        dong = KoreanText.dong(dong);
    }

    // Answers (ProposalView) write the contact missing of phone or e-mail as null, and a client may send it so: the schema,
    // shared by requests and answers, says so itself (the platform's NullableFields leaves request schemas alone).
    @Schema(description = "Proposer contact (제안자 연락처)")
    public record Contact(@Schema(example = "김금천") @NotBlank @Size(max = 100) String name,
                          @Schema(example = "010-1234-5678", nullable = true) @Size(max = 40) @Pattern(regexp = "[0-9+\\- ]{7,40}") String phone,
                          @Schema(example = "resident@example.kr", nullable = true) @Size(max = 200) @Email String email) {
    }
}
