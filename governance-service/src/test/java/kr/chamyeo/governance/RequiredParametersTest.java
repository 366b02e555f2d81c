package kr.chamyeo.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.OpenApiContract;

/**
 * Reports and rosters that answer 422 without their year (or district) say so in the document: a generated client
 * then makes the parameter mandatory instead of letting a caller send a request that can only fail.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class RequiredParametersTest {

    private static final String API = "/api/v1/governance";

    @Test
    void yearlyReportsMarkTheirYearRequired() {
        JsonNode paths = OpenApiContract.served().path("paths");
        Map<String, List<String>> required = Map.of(
                "/agendas/summary", List.of("year"),
                "/forums/statistics", List.of("year"),
                "/outreach/districts", List.of("year"),
                "/schedule", List.of("year"),
                "/tf/composition", List.of("year"),
                "/youth-budget/execution", List.of("fiscalYear"),
                "/tf/body-members", List.of("district", "year"),
                "/youth/committees/youth-share", List.of("year"),
                "/youth-council/subcommittees", List.of("year"),
                "/youth-council/members", List.of("year"));
        List<String> optional = new ArrayList<>();
        required.forEach((path, names) -> {
            JsonNode parameters = paths.path(API + path).path("get").path("parameters");
            for (String name : names) {
                boolean marked = false;
                for (JsonNode p : parameters) {
                    marked |= p.path("name").asText().equals(name) && p.path("required").asBoolean();
                }
                if (!marked) {
                    optional.add(path + " " + name);
                }
            }
        });
        assertEquals(List.of(), optional);
    }
}
