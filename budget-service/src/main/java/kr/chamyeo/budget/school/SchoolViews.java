package kr.chamyeo.budget.school;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shapes of the budget school (예산학교) endpoints. */
public final class SchoolViews {

    private SchoolViews() {
    }

    @Schema(description = "A budget-school session (예산학교 회차)")
    public record SessionRequest(@Schema(example = "2022") @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
                                 @Schema(example = "주민참여예산위원 사전교육") @NotBlank @Size(max = 200) String title,
                                 @Schema(example = "2021-03-15") @NotNull LocalDate heldOn,
                                 @Schema(example = "OFFLINE") @NotNull SchoolSession.Mode mode) {
    }

    @Schema(description = "Participants to record as attending (ids or names; stored once per session)")
    public record AttendanceRequest(@NotEmpty @Size(max = 5000) List<@NotBlank @Size(max = 200) String> participants) {
    }

    @Schema(description = "A session with its number of participants (who attended is not public)")
    public record SessionView(@Schema(example = "3") long id, @Schema(example = "11545") String district,
                              @Schema(example = "2022") int fiscalYear, String title, LocalDate heldOn,
                              SchoolSession.Mode mode, @Schema(example = "34") long participants) {
    }
}
