package kr.chamyeo.community.space;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    @Schema(name = "SpaceProgrammeRequest", description = "Open a space programme (공간 프로그램 개설): a programme run at the space, its sessions (회차) and who may sign up")
    public record ProgrammeRequest(
            @NotBlank @Size(max = 200) @Schema(example = "우리동네 목공 교실") String title,
            @Size(max = 4000) @Schema(example = "매주 토요일 오전, 주민 누구나 참여하는 목공 교실입니다.") String description,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Session> sessions,
            @NotNull @Positive @Max(10000) @Schema(description = "정원 (at most the space's capacity)", example = "12") Integer capacity,
            @NotNull @Schema(description = "SEOUL: any resident; DISTRICT: residents of the space's 자치구; DONG: residents of its 동",
                    example = "DISTRICT") SpaceProgramme.Eligibility eligibility,
            @PositiveOrZero @Max(150) @Schema(example = "19") Integer minAge,
            @PositiveOrZero @Max(150) @Schema(example = "64") Integer maxAge,
            @Schema(description = "선착순: approve sign-ups at once while places remain (default false: the manager decides)", example = "false") Boolean autoApprove,
            @Schema(description = "대기자: keep a waitlist promoted in order when an approved sign-up cancels (default false)", example = "true") Boolean waitlist,
            @NotNull @Schema(example = "2030-04-01T00:00:00Z") OffsetDateTime signUpOpensAt,
            @NotNull @Schema(description = "at the latest when the first session starts", example = "2030-04-30T15:00:00Z") OffsetDateTime signUpClosesAt) {
    }

    @Schema(description = "회차: one session, within one day's opening hours of the space")
    public record Session(@NotNull @Schema(example = "2030-05-04T01:00:00Z") OffsetDateTime startsAt,
                          @NotNull @Schema(example = "2030-05-04T03:00:00Z") OffsetDateTime endsAt) {
    }

    @Schema(description = "Sign up for a programme (참여 신청)")
    public record SignUpRequest(@Size(max = 500) @Schema(example = "초보자입니다") String note) {
    }

    @Schema(description = "Cancel a programme (프로그램 취소), by its manager: frees the space and cancels every live sign-up")
    public record CancelRequest(@NotBlank @Size(max = 500) @Schema(example = "강사 사정으로 취소합니다") String reason) {
    }
}
