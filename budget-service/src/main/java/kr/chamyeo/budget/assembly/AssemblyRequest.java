package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Opening (or, after voting-service rejected a ballot request, re-opening) the 총회: how many projects "
        + "each electorate's voters may choose (default: all forwarded projects) and, optionally, a voting window other than the cycle's "
        + "assembly phase (both or neither)")
public record AssemblyRequest(
        @Schema(description = "Most projects a voter of the RESIDENTS electorate may choose", example = "5") @Min(1) Integer residentMaxChoices,
        @Schema(description = "Most projects a voter of the COMMITTEE electorate may choose", example = "5") @Min(1) Integer committeeMaxChoices,
        @Schema(description = "Most projects a voter may choose, per electorate code (any electorate of the cycle)",
                example = "{\"EVOTE\": 5, \"SCHOOL\": 3}") Map<String, @Min(1) Integer> maxChoices,
        @Schema(description = "Voting opens (default: the assembly phase's first day, 00:00 Seoul)", example = "2021-06-01T00:00:00+09:00")
        OffsetDateTime opensAt,
        @Schema(description = "Voting closes (default: the day after the assembly phase's last day, 00:00 Seoul)", example = "2021-06-11T00:00:00+09:00")
        OffsetDateTime closesAt) {
}
