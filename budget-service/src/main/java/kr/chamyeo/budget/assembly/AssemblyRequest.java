package kr.chamyeo.budget.assembly;

import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Opening the 총회: how many projects each voter may choose (default: all forwarded projects)")
public record AssemblyRequest(
        @Schema(description = "Most projects a resident may choose", example = "5") @Min(1) Integer residentMaxChoices,
        @Schema(description = "Most projects a committee member may choose", example = "5") @Min(1) Integer committeeMaxChoices) {
}
