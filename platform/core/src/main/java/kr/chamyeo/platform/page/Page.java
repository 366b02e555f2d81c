package kr.chamyeo.platform.page;

import java.util.List;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "목록의 한 페이지 (one page of a list)")
public record Page<T>(List<T> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                      @Schema(example = "1") long total) {

    /** A page whose total is counted only when the page itself cannot tell it: a page that is not full is the last one. */
    public static <T> Page<T> of(List<T> items, int page, int size, LongSupplier count) {
        boolean last = items.size() < size && (!items.isEmpty() || page == 0);
        return new Page<>(items, page, size, last ? (long) page * size + items.size() : count.getAsLong());
    }
}
