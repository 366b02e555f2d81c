package kr.chamyeo.platform.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FilterTest {

    @Test
    void anUnsetValueAddsNeitherItsConditionNorItsParameter() {
        Filter filter = new Filter().and("district = :district", "district", null).and("year = :year", "year", 2024)
                .and("kind = :kind", "kind", null);
        assertEquals("year = :year", filter.where());
        assertEquals(Map.of("year", 2024), filter.parameters());
    }

    @Test
    void nothingSetFiltersNothingAndStillTakesAnOrder() {
        Filter filter = new Filter().and("district = :district", "district", null).and("heldOn >= :from", null);
        assertEquals("1 = 1", filter.where());
        assertEquals(Map.of(), filter.parameters());
    }

    @Test
    void conditionsJoinWithAndAndAConditionMayNameSeveralParameters() {
        Filter filter = new Filter().and("district = :district", "district", "11545")
                .and("heldOn >= :from and heldOn < :to", Map.of("from", LocalDate.of(2019, 1, 1), "to", LocalDate.of(2020, 1, 1)));
        assertEquals("district = :district and heldOn >= :from and heldOn < :to", filter.where());
        assertEquals(Map.of("district", "11545", "from", LocalDate.of(2019, 1, 1), "to", LocalDate.of(2020, 1, 1)),
                filter.parameters());
    }
}
