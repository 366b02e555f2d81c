package kr.chamyeo.platform.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class OutboxAndConsumerTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Test
    void committedChangeIsPublishedOnceAsCloudEvent() throws Exception {
        String name = "committed-" + UUID.randomUUID();
        given().contentType("application/json").body("{\"name\":\"" + name + "\",\"amount\":5,\"kind\":\"EVENT\"}")
                .post("/probe").then().statusCode(200);

        List<String> events = EventProbe.read("probe.items", v -> v.contains(name), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size(), "exactly one event for one commit");
        JsonNode event = mapper.readTree(events.get(0));
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("ItemCreated", event.get("type").asText());
        assertEquals("/chamyeo/platform-probe", event.get("source").asText());
        assertEquals(name, event.get("subject").asText());
        assertEquals(5, event.get("data").get("amount").asInt());
    }

    @Test
    void rolledBackChangeIsNeverPublished() {
        String name = "rolled-back-" + UUID.randomUUID();
        given().contentType("application/json").body("{\"name\":\"" + name + "\",\"amount\":2000000,\"kind\":\"EVENT\"}")
                .post("/probe").then().statusCode(422);
        // A later commit proves the relay ran past the point where the refused event would have been.
        String later = "after-" + name;
        given().contentType("application/json").body("{\"name\":\"" + later + "\",\"amount\":1,\"kind\":\"EVENT\"}")
                .post("/probe").then().statusCode(200);
        assertEquals(1, EventProbe.read("probe.items", v -> v.contains(later), 1, Duration.ofSeconds(20)).size());

        assertTrue(EventProbe.read("probe.items", v -> v.contains("\"" + name + "\""), 1, Duration.ofSeconds(1)).isEmpty());
        given().get("/probe/count/" + name).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("0"));
    }

    @Test
    void sameEventTwiceHasOneEffect() {
        String marker = "m-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String event = EventProbe.cloudEvent(id, "/chamyeo/test", "EffectRequested", marker, "{\"marker\":\"" + marker + "\"}");
        EventProbe.send("probe.effects", marker, event);
        EventProbe.send("probe.effects", marker, event);
        // A different event with the same content is a new event and applies.
        String other = EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/test", "EffectRequested", marker,
                "{\"marker\":\"" + marker + "\"}");
        EventProbe.send("probe.effects", marker, other);

        await().atMost(Duration.ofSeconds(20)).until(() -> effects(marker) >= 2);
        // Give a wrongly applied duplicate time to show up.
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertEquals(2, effects(marker));
    }

    @Test
    void poisonEventIsRecordedAndDoesNotBlockTheNext() {
        String poison = "poison-" + UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        EventProbe.send("probe.effects", poison,
                EventProbe.cloudEvent(poisonId, "/chamyeo/test", "EffectRequested", poison, "{\"marker\":\"" + poison + "\"}"));
        EventProbe.send("probe.effects", "k", "this is not a cloud event");
        String next = "next-" + UUID.randomUUID();
        EventProbe.send("probe.effects", next,
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/test", "EffectRequested", next, "{\"marker\":\"" + next + "\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(next) == 1);
        // Both are parked whole, with the reason, rather than passed over.
        assertEquals("IllegalArgumentException: poison event", parked("event_id = '" + poisonId + "'", "reason"));
        assertEquals("this is not a cloud event", new String((byte[]) parked("payload = convert_to('this is not a cloud event', 'UTF8')", "payload"),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aParkedEventIsReplayedOnceItsCauseIsMended() {
        String marker = "mended-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        ProbeHandler.FAILING.add(marker);
        EventProbe.send("probe.effects", marker,
                EventProbe.cloudEvent(id, "/chamyeo/test", "EffectRequested", marker, "{\"marker\":\"" + marker + "\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedCount("event_id = '" + id + "'") == 1);
        long parkedId = ((Number) parked("event_id = '" + id + "'", "id")).longValue();
        given().auth().oauth2(TestTokens.cityAdmin()).get("/events/dead-letters").then().statusCode(200)
                .body("eventId", org.hamcrest.Matchers.hasItem(id));
        given().auth().oauth2(TestTokens.cityAdmin()).post("/events/dead-letters/" + parkedId + "/replay").then().statusCode(409)
                .contentType("application/problem+json");

        ProbeHandler.FAILING.remove(marker);
        given().auth().oauth2(TestTokens.officer("11545")).post("/events/dead-letters/" + parkedId + "/replay").then().statusCode(403);
        given().auth().oauth2(TestTokens.cityAdmin()).post("/events/dead-letters/" + parkedId + "/replay").then().statusCode(204);
        assertEquals(1, effects(marker));
        given().auth().oauth2(TestTokens.cityAdmin()).post("/events/dead-letters/" + parkedId + "/replay").then().statusCode(404);
    }

    @Test
    void anEventFromASourceThatDoesNotPublishTheTopicIsParkedNotApplied() {
        String forged = "forged-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        EventProbe.send("probe.effects", forged,
                EventProbe.cloudEvent(id, "/chamyeo/intruder", "EffectRequested", forged, "{\"marker\":\"" + forged + "\"}"));
        String next = "next-" + UUID.randomUUID();
        EventProbe.send("probe.effects", next,
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/test", "EffectRequested", next, "{\"marker\":\"" + next + "\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(next) == 1);
        assertEquals(0, effects(forged));
        assertTrue(((String) parked("event_id = '" + id + "'", "reason")).contains("/chamyeo/intruder does not publish probe.effects"));
        long parkedId = ((Number) parked("event_id = '" + id + "'", "id")).longValue();
        given().auth().oauth2(TestTokens.cityAdmin()).post("/events/dead-letters/" + parkedId + "/replay").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("does not publish"));
        assertEquals(0, effects(forged));
    }

    private Object parked(String where, String column) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select " + column + " from dead_letter_event where " + where).getSingleResult());
    }

    private long parkedCount(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from dead_letter_event where " + where).getSingleResult()).longValue());
    }

    @Test
    void eventOfNoConcernLeavesNoTrace() {
        String elsewhere = "elsewhere-" + UUID.randomUUID();
        String elsewhereId = UUID.randomUUID().toString();
        EventProbe.send("probe.effects", "k",
                EventProbe.cloudEvent(elsewhereId, "/chamyeo/test", "EffectRequested", elsewhere, "{\"marker\":\"" + elsewhere + "\"}"));
        String next = "next-" + UUID.randomUUID();
        EventProbe.send("probe.effects", "k",
                EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/test", "EffectRequested", next, "{\"marker\":\"" + next + "\"}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(next) == 1);
        assertEquals(0, effects(elsewhere));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                .setParameter(1, elsewhereId).getSingleResult()).longValue()));
    }

    private long effects(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from probe_effect where marker = ?1")
                .setParameter(1, marker).getSingleResult()).longValue());
    }
}
