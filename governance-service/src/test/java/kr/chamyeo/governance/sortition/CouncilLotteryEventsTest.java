package kr.chamyeo.governance.sortition;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/** Plays community-service with the exact CouncilLotteryRequested and CouncilLotteryDrawRequested contracts and checks the exact answers. */
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

    private static final String SEED = "19b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22b3b64768098d002b";
    private static final List<Map<String, Object>> COUNCIL_QUOTAS = List.of(
            Map.of("feature", "sex", "value", "F", "min", 0, "max", 6),
            Map.of("feature", "sex", "value", "M", "min", 0, "max", 6),
            Map.of("feature", "fortiesOrYounger", "value", "true", "min", 2, "max", 10));

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
        data.put("seedCommitment", Lottery.commitment(SEED));
        return JSON.writeValueAsString(data);
    }

    private static String drawRequest(String correlationId, String seed, String publicValue) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("correlationId", correlationId);
        data.put("councilId", correlationId.split(":")[1]);
        data.put("seed", seed);
        data.put("publicValue", publicValue);
        return JSON.writeValueAsString(data);
    }

    private static void send(String councilId, String type, String data) {
        EventProbe.send("community.councils", councilId,
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/community-service", type, councilId, data));
    }

    private static Sortition stored(String correlationId) {
        return QuarkusTransaction.requiringNew().call(() -> Sortition.byCorrelation(correlationId));
    }

    /** Requests a council lottery under SEED's commitment and waits until it is stored, committed and undrawn. */
    private static Sortition committed(String councilId, String correlationId) throws Exception {
        send(councilId, "CouncilLotteryRequested", request(correlationId, COUNCIL_QUOTAS));
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(correlationId) != null);
        return stored(correlationId);
    }

    /** The ceremony's draw of a committed council lottery, and the one answer it gets. */
    private static JsonNode drawn(String councilId, String correlationId, String publicValue) throws Exception {
        send(councilId, "CouncilLotteryDrawRequested", drawRequest(correlationId, SEED, publicValue));
        List<String> answers = EventProbe.read("governance.sortitions", v -> v.contains(correlationId), 1, Duration.ofSeconds(60));
        assertEquals(1, answers.size());
        return JSON.readTree(answers.get(0));
    }

    @Test
    void lotteryRequestIsAnsweredOnceWithAQuotaMeetingPanel() throws Exception {
        String councilId = "c-" + UUID.randomUUID();
        String correlationId = "council:" + councilId + ":1";
        // "no sex above 60%, at least 15% in their forties or younger (under 50)" for 10 seats, as community-service sends it.
        Sortition before = committed(councilId, correlationId);
        // The same request again under a new event id: same correlation id, so no second sortition.
        send(councilId, "CouncilLotteryRequested", request(correlationId, COUNCIL_QUOTAS));
        // Issue 23: before the ceremony only the commitment is stored, and nothing is drawn or answered.
        assertEquals(Sortition.Status.COMMITTED, before.status);
        assertEquals(Lottery.commitment(SEED), before.seedCommitment);
        assertNull(before.seed);
        assertNull(before.selected);
        assertEquals(0, EventProbe.read("governance.sortitions", v -> v.contains(correlationId), 1, Duration.ofSeconds(3)).size(),
                "no answer before the ceremony");

        // A draw without a public value is refused (the event is parked), and the lottery stays undrawn.
        send(councilId, "CouncilLotteryDrawRequested", drawRequest(correlationId, SEED, ""));
        // The ceremony, sent twice: one draw, one answer.
        send(councilId, "CouncilLotteryDrawRequested", drawRequest(correlationId, SEED, "07-19-23-31-42-45"));
        send(councilId, "CouncilLotteryDrawRequested", drawRequest(correlationId, SEED, "01-02-03-04-05-06"));
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
        assertEquals(SEED, d.get("seed").asText());
        assertEquals("07-19-23-31-42-45", d.get("publicValue").asText(), "drawn on the ceremony's first public value");
        // The published seed and public value reproduce the panel (the verification endpoint re-runs the draw).
        given().auth().oauth2(TestTokens.officer("11545")).get("/api/v1/governance/sortitions/" + d.get("sortitionId").asText() + "/verification")
                .then().statusCode(200).body("commitmentMatches", equalTo(true)).body("panelMatches", equalTo(true))
                .body("reservesMatches", equalTo(true)).body("recomputedSelected", equalTo(JSON.convertValue(d.get("selected"), List.class)));

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
    void thePanelIsFixedOnlyByTheCeremonysPublicValue() throws Exception {
        // Two lotteries with the same pool, quotas and committed seed: what is stored and sent before the draw is the
        // same, yet different public values draw different panels — so none of it tells the panel in advance.
        String councilA = "c-" + UUID.randomUUID();
        String councilB = "c-" + UUID.randomUUID();
        Sortition a = committed(councilA, "council:" + councilA + ":1");
        Sortition b = committed(councilB, "council:" + councilB + ":1");
        assertEquals(a.seedCommitment, b.seedCommitment);
        JsonNode first = drawn(councilA, "council:" + councilA + ":1", "07-19-23-31-42-45").get("data");
        JsonNode second = drawn(councilB, "council:" + councilB + ":1", "03-11-17-28-36-44").get("data");
        assertNotEquals(first.get("selected").toString() + first.get("reserves"), second.get("selected").toString() + second.get("reserves"));
    }

    @Test
    void aSeedThatDoesNotOpenTheCommitmentDrawsNothing() throws Exception {
        String councilId = "c-" + UUID.randomUUID();
        String correlationId = "council:" + councilId + ":1";
        committed(councilId, correlationId);
        String wrong = "29b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22b3b64768098d002b";
        send(councilId, "CouncilLotteryDrawRequested", drawRequest(correlationId, wrong, "07-19-23-31-42-45"));
        assertEquals(0, EventProbe.read("governance.sortitions", v -> v.contains(correlationId), 1, Duration.ofSeconds(8)).size());
        Sortition after = stored(correlationId);
        assertEquals(Sortition.Status.COMMITTED, after.status);
        assertNull(after.seed);
        assertNull(after.publicValue);
    }

    @Test
    void impossibleQuotasAreAnsweredWithTheConflict() throws Exception {
        String councilId = "c-" + UUID.randomUUID();
        String correlationId = "council:" + councilId + ":1";
        String data = request(correlationId, List.of(
                Map.of("feature", "sex", "value", "F", "min", 0, "max", 3),
                Map.of("feature", "sex", "value", "M", "min", 0, "max", 6),
                Map.of("feature", "fortiesOrYounger", "value", "true", "min", 2, "max", 10)));
        send(councilId, "CouncilLotteryRequested", data);
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
