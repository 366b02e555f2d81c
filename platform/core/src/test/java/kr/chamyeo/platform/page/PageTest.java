package kr.chamyeo.platform.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PageTest {

    private final AtomicInteger counts = new AtomicInteger();

    private long count(long total) {
        counts.incrementAndGet();
        return total;
    }

    @Test
    void aPageThatIsNotFullIsTheLastOneAndNeedsNoCount() {
        assertEquals(0, Page.of(List.of(), 0, 20, () -> count(0)).total());
        assertEquals(3, Page.of(List.of("가", "나", "다"), 0, 20, () -> count(3)).total());
        assertEquals(43, Page.of(List.of("가", "나", "다"), 2, 20, () -> count(43)).total());
        assertEquals(0, counts.get());
    }

    @Test
    void aFullPageOrAnEmptyPagePastTheEndIsCounted() {
        assertEquals(125, Page.of(List.of("가", "나"), 0, 2, () -> count(125)).total());
        assertEquals(7, Page.of(List.of(), 5, 20, () -> count(7)).total());
        assertEquals(2, counts.get());
    }
}
