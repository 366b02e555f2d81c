package kr.chamyeo.governance.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;

/** Plays community-service with the exact CouncilLotteryRequested contract and checks the exact answers. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CouncilLotteryEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 60 applicants of 독산1동, mostly men and older, one pair sharing a household. */
    private static List<Map<String, Object>> pool() {
        Random random = new Random(42);
        List<Map<String, Object>> pool = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", "a-" + i);
            entry.put("features", Map.of("sex", random.nextDouble() < 0.7 ? "M" : "F",
                    "fortiesOrYounger", i % 6 == 0 ? "true" : "false", "area", "독산1동"));
            entry.put("household", i < 2 ? "hh-1" : null);
            pool.add(entry);
        }
        return pool;
    }

    private static String request(String correlationId, List<Map<String, Object>> quotas) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("correlationId", correlationId);
        data.put("councilId", correlationId.split(":")[1]);
        data.put("district", "11545");
        data.put("dong", "독산1동");
        data.put("seats", 10);
        data.put("reserves", 2);
        data.put("pool", pool());
        data.put("quotas", quotas);
        return JSON.writeValueAsString(data);
    }

    @Test
    void lotteryRequestIsAnsweredOnceWithAQuotaMeetingPanel() throws Exception {
        String councilId = "c-" + UUID.randomUUID();
        String correlationId = "council:" + councilId + ":1";
        // "no sex above 60%, at least 15% in their forties or younger (under 50)" for 10 seats, as community-service sends it.
        String data = request(correlationId, List.of(
                Map.of("feature", "sex", "value", "F", "min", 0, "max", 6),
                Map.of("feature", "sex", "value", "M", "min", 0, "max", 6),
                Map.of("feature", "fortiesOrYounger", "value", "true", "min", 2, "max", 10)));
        EventProbe.send("community.councils", councilId,
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/community-service", "CouncilLotteryRequested", councilId, data));
        // The same request again under a new event id: same correlation id, so no second draw.
        EventProbe.send("community.councils", councilId,
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/community-service", "CouncilLotteryRequested", councilId, data));

        List<String> answers = EventProbe.read("governance.sortitions", v -> v.contains(correlationId), 1, Duration.ofSeconds(60));
        List<String> more = EventProbe.read("governance.sortitions", v -> v.contains(correlationId), 2, Duration.ofSeconds(5));
        assertEquals(1, more.size(), "one answer per correlation id");
        JsonNode event = JSON.readTree(answers.get(0));
        assertEquals("CouncilMembersDrawn", event.get("type").asText());
        assertEquals("/chamyeo/governance-service", event.get("source").asText());
        JsonNode d = event.get("data");
        assertEquals(event.get("subject").asText(), d.get("sortitionId").asText());
        List<String> fields = new ArrayList<>();
        d.fieldNames().forEachRemaining(fields::add);
        // The outbox stores events as jsonb, which does not keep member order: compare the set of members.
        assertEquals(Set.of("correlationId", "councilId", "sortitionId", "selected", "reserves", "seedCommitment", "seed",
                "publicValue"), new HashSet<>(fields));
        assertEquals(correlationId, d.get("correlationId").asText());
        assertEquals(councilId, d.get("councilId").asText());
        assertEquals(10, d.get("selected").size());
        assertEquals(2, d.get("reserves").size());
        assertEquals(Lottery.commitment(d.get("seed").asText()), d.get("seedCommitment").asText());
        assertEquals("", d.get("publicValue").asText(), "drawn as the request arrived, without a ceremony");

        Map<String, Map<String, String>> features = new LinkedHashMap<>();
        for (Map<String, Object> p : pool()) {
            @SuppressWarnings("unchecked")
            Map<String, String> f = (Map<String, String>) p.get("features");
            features.put((String) p.get("id"), f);
        }
        Set<String> selected = new HashSet<>();
        d.get("selected").forEach(n -> selected.add(n.asText()));
        long women = selected.stream().filter(id -> features.get(id).get("sex").equals("F")).count();
        long young = selected.stream().filter(id -> features.get(id).get("fortiesOrYounger").equals("true")).count();
        assertTrue(women <= 6 && 10 - women <= 6, "women " + women);
        assertTrue(young >= 2, "young " + young);
        assertTrue(!(selected.contains("a-0") && selected.contains("a-1")), "one per household");
    }

    @Test
    void impossibleQuotasAreAnsweredWithTheConflict() throws Exception {
        String councilId = "c-" + UUID.randomUUID();
        String correlationId = "council:" + councilId + ":1";
        String data = request(correlationId, List.of(
                Map.of("feature", "sex", "value", "F", "min", 0, "max", 3),
                Map.of("feature", "sex", "value", "M", "min", 0, "max", 6),
                Map.of("feature", "fortiesOrYounger", "value", "true", "min", 2, "max", 10)));
        EventProbe.send("community.councils", councilId,
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/community-service", "CouncilLotteryRequested", councilId, data));
        List<String> answers = EventProbe.read("governance.sortitions", v -> v.contains(correlationId), 1, Duration.ofSeconds(60));
        assertEquals(1, answers.size());
        JsonNode event = JSON.readTree(answers.get(0));
        assertEquals("CouncilLotteryFailed", event.get("type").asText());
        JsonNode d = event.get("data");
        List<String> fields = new ArrayList<>();
        d.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("correlationId", "councilId", "reason", "conflictingQuotas"), new HashSet<>(fields));
        assertEquals(councilId, d.get("councilId").asText());
        List<String> conflicting = new ArrayList<>();
        d.get("conflictingQuotas").forEach(n -> conflicting.add(n.asText()));
        assertEquals(List.of("sex=F max 3", "sex=M max 6"), conflicting);
    }
}
