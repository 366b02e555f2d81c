package kr.chamyeo.governance;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "목록의 한 페이지")
public record Page<T>(List<T> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                      @Schema(example = "1") long total) {
}
