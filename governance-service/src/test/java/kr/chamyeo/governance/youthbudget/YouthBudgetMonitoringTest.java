package kr.chamyeo.governance.youthbudget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;

/**
 * Seed 000: the 2019 youth autonomous budget, district deliberative track — 16 districts, 64 policy projects,
 * 7,489백만원 budgeted, 5,993,660,000원 (≈5,994백만원) actually granted — rebuilt from budget-service's events.
 * <p>
 * The report sums a whole fiscal year, so the test owns fiscal year 2019: it starts from no 2019 youth projects and
 * waits until its own 64 projects carry their reports. Waiting instead for the year's total to reach the seed's figure
 * passed as soon as 2019 rows from anything before this test (another run on the same database) reached it, and then
 * counted those rows with this test's first ones (88 projects instead of 64).
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class YouthBudgetMonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DISTRICTS = {"11680", "11740", "11500", "11620", "11530", "11545", "11350", "11320",
        "11200", "11230", "11410", "11290", "11710", "11470", "11380", "11260"};

    private record Event(String id, String key, String value) {
    }

    @Test
    void seed2019FiguresAreReproducedFromYouthCycleEvents() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> YouthBudgetProject.delete("fiscalYear", 2019));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Event> events = new ArrayList<>();
        int project = 0;
        for (String district : DISTRICTS) {
            String cycleId = "y2019-" + district + "-" + run;
            List<Map<String, Object>> adopted = new ArrayList<>();
            for (int i = 0; i < 4; i++, project++) {
                adopted.add(Map.of("proposalId", "p-" + project, "title", "청년정책 거버넌스 기반조성 " + project,
                        "amount", budgeted(project), "rank", i + 1));
            }
            events.add(event(cycleId, "ProjectsAdopted", Map.of("cycleId", cycleId, "district", district, "fiscalYear", 2019,
                    "kind", "YOUTH", "rule", "GREEDY", "totalAmount", 500_000_000L, "adoptedAmount", 0L, "leftover", 0L,
                    "adopted", adopted)));
            for (Map<String, Object> a : adopted) {
                int n = Integer.parseInt(((String) a.get("proposalId")).substring(2));
                Map<String, Object> report = new java.util.LinkedHashMap<>();
                report.put("cycleId", cycleId);
                report.put("district", district);
                report.put("fiscalYear", 2019);
                report.put("kind", "YOUTH");
                report.put("proposalId", a.get("proposalId"));
                report.put("title", a.get("title"));
                report.put("budgeted", budgeted(n));
                report.put("granted", granted(n));
                report.put("spent", granted(n) - 1_000_000L);
                report.put("status", "COMPLETED");
                report.put("reportedOn", "2020-12-31");
                Event e = event(cycleId, "ExecutionReported", report);
                events.add(e);
                if (n == 0) {
                    // The same report re-sent under a new event id must not count twice.
                    events.add(event(cycleId, "ExecutionReported", report));
                }
            }
        }
        // A resident (주민참여예산) cycle of the same year is not youth budget and must be ignored.
        String resident = "r2019-11545-" + run;
        Event residentReport = event(resident, "ExecutionReported", map("cycleId", resident, "district", "11545", "fiscalYear", 2019,
                "kind", "RESIDENT", "proposalId", "r-1", "title", "독산동 놀이터", "budgeted", 50_000_000L, "granted", 50_000_000L,
                "spent", 50_000_000L, "status", "COMPLETED", "reportedOn", "2020-12-31"));
        events.add(residentReport);
        send(events);

        // The resident cycle's report was sent last: once it is consumed, every youth event before it has been too.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> YouthBudgetProject.count("cycleId like ?1 and reportedOn is not null",
                        "%-" + run)) == 64 && consumed(residentReport));
        JsonPath body = given().queryParam("fiscalYear", 2019).get("/api/v1/governance/youth-budget/execution")
                .then().statusCode(200).extract().jsonPath();
        given().queryParam("fiscalYear", 2019).get("/api/v1/governance/youth-budget/execution").then()
                .body("districts", equalTo(16))
                .body("totals.projects", equalTo(64))
                .body("totals.budgeted", equalTo(7_489_000_000L))
                .body("totals.granted", equalTo(5_993_660_000L))
                .body("totals.spent", equalTo(5_993_660_000L - 64_000_000L))
                .body("byDistrict.find { it.district == '11545' }.name", equalTo("금천구"))
                .body("byDistrict.find { it.district == '11545' }.totals.projects", equalTo(4));
        // 백만원 as the seed writes them.
        org.junit.jupiter.api.Assertions.assertEquals(7_489, body.getLong("totals.budgeted") / 1_000_000);
        org.junit.jupiter.api.Assertions.assertEquals(5_994, Math.round(body.getLong("totals.granted") / 1_000_000.0));

        given().get("/api/v1/governance/youth-budget/execution").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("fiscalYear"));
    }

    private static boolean consumed(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> YouthBudgetProject.getEntityManager()
                .createNativeQuery("select 1 from processed_event where event_id = ?1").setParameter(1, event.id())
                .getResultList().size() == 1);
    }

    /** 63 × 117,000,000 + 118,000,000 = 7,489,000,000. */
    private static long budgeted(int n) {
        return n == 63 ? 118_000_000L : 117_000_000L;
    }

    /** 63 × 93,650,000 + 93,710,000 = 5,993,660,000. */
    private static long granted(int n) {
        return n == 63 ? 93_710_000L : 93_650_000L;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Event event(String key, String type, Object data) throws Exception {
        String id = UUID.randomUUID().toString();
        return new Event(id, key, EventProbe.cloudEvent(id, "/chamyeo/budget-service", type, key, JSON.writeValueAsString(data)));
    }

    private static void send(List<Event> events) throws Exception {
        Properties props = new Properties();
        // As budget-service itself: the broker lets only it write budget.cycles.
        props.putAll(EventProbe.clientSettings("budget-service"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (Event e : events) {
                producer.send(new ProducerRecord<>("budget.cycles", e.key(), e.value()));
            }
            producer.flush();
        }
    }
}
