package kr.chamyeo.budget.cycle;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a list")
public record Page<T>(List<T> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                      @Schema(example = "1") long total) {
}
