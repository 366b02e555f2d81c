package kr.chamyeo.budget;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ValidatableResponse;
import kr.chamyeo.platform.testing.EventProbe;
import kr.chamyeo.platform.testing.TestTokens;

/** REST and Kafka steps shared by the integration tests; tests play voting-service with its exact messages. */
public final class Budget {

    public static final String GEUMCHEON = "11545";
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    public static final String OFFICER = TestTokens.officer(GEUMCHEON);

    private Budget() {
    }

    public static Map<String, Object> cycle(int year, String kind, long total, long ordinaryCap, long eventCap,
                                            List<Map<String, Object>> subcommittees) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("district", GEUMCHEON);
        body.put("fiscalYear", year);
        body.put("kind", kind);
        body.put("title", year + "년 금천구 주민참여예산");
        body.put("totalAmount", total);
        body.put("ordinaryCap", ordinaryCap);
        body.put("eventCap", eventCap);
        body.put("subcommittees", subcommittees);
        body.put("phases", Map.of("intakeFrom", today.minusDays(10).toString(), "intakeTo", today.plusDays(10).toString(),
                "reviewTo", today.plusDays(20).toString(), "assemblyFrom", today.plusDays(21).toString(),
                "assemblyTo", today.plusDays(30).toString()));
        return body;
    }

    public static Map<String, Object> subcommittee(String code, String name, long ceiling) {
        return Map.of("code", code, "name", name, "ceiling", ceiling);
    }

    public static long createCycle(Map<String, Object> body) {
        return given().auth().oauth2(OFFICER).contentType("application/json").body(body)
                .post("/api/v1/budget/cycles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> proposal(String title, String subcommittee, long amount, boolean eventType) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", title + " 사업 설명");
        body.put("subcommitteeCode", subcommittee);
        body.put("dong", "독산1동");
        body.put("requestedAmount", amount);
        body.put("eventType", eventType);
        body.put("contact", Map.of("name", "김금천", "phone", "010-1234-5678"));
        return body;
    }

    public static String resident() {
        return TestTokens.resident("resident-" + UUID.randomUUID(), GEUMCHEON, "독산1동", 1985, "F");
    }

    public static ValidatableResponse post(String token, String path, Object body) {
        var request = given().contentType("application/json");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.body(body).post("/api/v1/budget" + path).then();
    }

    public static long submit(long cycleId, Map<String, Object> body) {
        return post(resident(), "/cycles/" + cycleId + "/proposals", body).statusCode(201).extract().jsonPath().getLong("id");
    }

    public static void departmentAccept(long cycleId, long id, long amount) {
        post(OFFICER, "/cycles/" + cycleId + "/proposals/" + id + "/department-review",
                Map.of("department", "아동청년과", "decision", "ACCEPT", "opinion", "사업 구체화 완료", "amount", amount)).statusCode(200);
    }

    public static void pass(long cycleId, long id) {
        post(OFFICER, "/cycles/" + cycleId + "/proposals/" + id + "/pre-review", Map.of("decision", "PASS")).statusCode(200);
    }

    /** Submits and takes a proposal through stages 1 and 2 at its requested amount. */
    public static long reviewed(long cycleId, String title, String subcommittee, long amount, boolean eventType) {
        long id = submit(cycleId, proposal(title, subcommittee, amount, eventType));
        departmentAccept(cycleId, id, amount);
        pass(cycleId, id);
        return id;
    }

    public static void forward(long cycleId, String code, List<Long> ids) {
        post(OFFICER, "/cycles/" + cycleId + "/subcommittees/" + code + "/forwarding", Map.of("proposalIds", ids)).statusCode(200);
    }

    /** Plays voting-service for one ballot: opened, the anonymous box in chunks (chunk 0 delivered twice), closed. */
    public static void runBallot(long cycleId, String electorate, List<List<String>> box, int chunkSize) throws Exception {
        runBallot("budget:" + cycleId + ":" + electorate, box, chunkSize);
    }

    /** As above, for the request with this correlation id (e.g. a re-request's {@code budget:<id>:RESIDENTS:2}). */
    public static void runBallot(String correlationId, List<List<String>> box, int chunkSize) throws Exception {
        String ballotId = UUID.randomUUID().toString();
        Map<String, Object> opened = new LinkedHashMap<>();
        opened.put("ballotId", ballotId);
        opened.put("correlationId", correlationId);
        opened.put("requester", "budget-service");
        opened.put("title", "총회 투표");
        opened.put("ownerDistrict", GEUMCHEON);
        opened.put("opensAt", "2021-06-01T00:00:00Z");
        opened.put("closesAt", "2021-06-10T00:00:00Z");
        opened.put("options", List.of());
        send(ballotId, "BallotOpened", opened);
        // A second BallotOpened for the same request must change nothing: the box below belongs to the first ballot.
        Map<String, Object> reopened = new LinkedHashMap<>(opened);
        String stray = UUID.randomUUID().toString();
        reopened.put("ballotId", stray);
        send(ballotId, "BallotOpened", reopened);
        List<List<List<String>>> chunks = new ArrayList<>();
        for (int i = 0; i < box.size(); i += chunkSize) {
            chunks.add(box.subList(i, Math.min(box.size(), i + chunkSize)));
        }
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, Object> chunk = new LinkedHashMap<>();
            chunk.put("ballotId", ballotId);
            chunk.put("correlationId", correlationId);
            chunk.put("chunk", i);
            chunk.put("chunks", chunks.size());
            chunk.put("entries", chunks.get(i));
            send(ballotId, "BallotBoxChunk", chunk);
            if (i == 0) {
                // voting-service may publish a chunk again after a restart: a new event id with the same content.
                send(ballotId, "BallotBoxChunk", chunk);
            }
        }
        Map<String, Integer> tallies = new LinkedHashMap<>();
        box.forEach(entry -> entry.forEach(k -> tallies.merge(k, 1, Integer::sum)));
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("ballotId", ballotId);
        closed.put("correlationId", correlationId);
        closed.put("requester", "budget-service");
        closed.put("closedAt", "2021-06-10T00:00:00Z");
        closed.put("voters", box.size());
        closed.put("tallies", tallies.entrySet().stream().map(e -> Map.of("key", e.getKey(), "votes", e.getValue())).toList());
        closed.put("bulletinHash", "0".repeat(64));
        closed.put("boxChunks", chunks.size());
        send(ballotId, "BallotClosed", closed);
    }

    public static void send(String key, String type, Object data) throws Exception {
        EventProbe.send("voting.ballots", key, EventProbe.cloudEvent(UUID.randomUUID().toString(), "/chamyeo/voting-service",
                type, key, JSON.writeValueAsString(data)));
    }

    /** A box where the first {@code votes.get(key)} voters approve {@code key}. */
    public static List<List<String>> box(int voters, Map<String, Integer> votes) {
        List<List<String>> box = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            List<String> entry = new ArrayList<>();
            for (Map.Entry<String, Integer> e : votes.entrySet()) {
                if (i < e.getValue()) {
                    entry.add(e.getKey());
                }
            }
            box.add(entry);
        }
        return box;
    }

    /** The data of every {@code type} event on {@code topic} whose data field {@code field} equals {@code value}. */
    public static List<JsonNode> events(String topic, String type, String field, String value, int expected) {
        return EventProbe.read(topic, v -> v.contains(type) && v.contains(value), expected, Duration.ofSeconds(20)).stream()
                .map(v -> {
                    try {
                        return JSON.readTree(v);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(e -> e.get("type").asText().equals(type) && e.get("data").path(field).asText().equals(value))
                .map(e -> e.get("data")).toList();
    }

    public static void awaitStatus(long cycleId, String status) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                status.equals(given().get("/api/v1/budget/cycles/" + cycleId).then().extract().jsonPath().getString("status")));
    }
}
