package kr.chamyeo.e2e.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kr.chamyeo.e2e.support.Api;
import kr.chamyeo.e2e.support.Events;
import kr.chamyeo.e2e.support.Http;
import kr.chamyeo.e2e.support.OpenApi;
import kr.chamyeo.e2e.support.Stack;
import kr.chamyeo.e2e.support.StackExtension;
import kr.chamyeo.e2e.support.Tokens;
import kr.chamyeo.e2e.support.Voting;

/**
 * Fault drills on the running stack: the broker killed and restarted, PostgreSQL restarted during voting, a
 * service killed with -9 mid-stream. Nothing acknowledged may be lost and nothing may happen twice. Tagged
 * {@code faults}: CI runs them; {@code -De2e.skipFaults=true} skips them locally.
 */
@Tag("faults")
@ExtendWith(StackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    private static final String[] SERVICES = {"budget", "voting", "community", "governance"};
    private static final AtomicInteger FAULTS = new AtomicInteger();
    private static final AtomicLong CHECKED = new AtomicLong();
    private static final AtomicLong LOST = new AtomicLong();
    private static final AtomicLong DUPLICATED = new AtomicLong();

    @AfterAll
    static void summary() {
        System.out.printf("faults injected %d, events checked %d, lost %d, duplicated %d%n", FAULTS.get(), CHECKED.get(),
                LOST.get(), DUPLICATED.get());
    }

    @Test
    @Order(1)
    void brokerOutageIsSurvivedAndEveryEventIsDeliveredAndAppliedOnce(Stack stack, Api api) {
        Voting voting = new Voting(api);
        Events events = new Events(stack);

        stack.kill("kafka");
        FAULTS.incrementAndGet();
        try {
            Awaitility.await("readiness reports the broker outage").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> notReady(stack).size() == SERVICES.length);
            for (String service : SERVICES) {
                assertEquals(200, stack.status(stack.direct(service) + "/q/health/live"), service + " should stay alive");
            }
            // Written while the broker is away: the outbox must hold their events.
            List<String> ballots = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ballots.add(voting.openBallot("브로커 장애 중 개설 " + i, List.of("a", "b")));
            }
            for (int i = 0; i < 20; i++) {
                Http.Reply r = voting.vote(ballots.get(0), api.tokens().resident(Tokens.GEUMCHEON, 10_000 + i), "a");
                assertEquals(201, r.status(), "votes need no broker: " + r);
            }

            stack.restart("kafka");
            awaitAllReady(stack);

            List<Events.Event> opened = events.read("voting.ballots",
                    all -> ballotIds(all, "BallotOpened").containsAll(ballots), Duration.ofSeconds(90));
            Map<String, Set<String>> eventIdsByBallot = new HashMap<>();
            for (Events.Event e : opened) {
                if (e.type().equals("BallotOpened")) {
                    eventIdsByBallot.computeIfAbsent(e.data().path("ballotId").asText(), k -> new HashSet<>()).add(e.id());
                }
            }
            for (String ballot : ballots) {
                int distinct = eventIdsByBallot.getOrDefault(ballot, Set.of()).size();
                CHECKED.incrementAndGet();
                if (distinct == 0) {
                    LOST.incrementAndGet();
                } else if (distinct > 1) {
                    DUPLICATED.addAndGet(distinct - 1);
                }
            }

            // The consumer side after the outage: requests sent twice with one id, and again with a new id.
            List<String> correlations = sendBallotRequests(events, 3, "kafka-outage");
            assertOneBallotPerRequest(stack, events, correlations);
        } finally {
            if (!stack.ready("voting")) {
                stack.restart("kafka");
            }
        }
        assertEquals(0, LOST.get(), "events lost");
        assertEquals(0, DUPLICATED.get(), "events applied twice");
    }

    @Test
    @Order(2)
    void postgresRestartDuringVotingAnswers503AndCountsEveryVoteOnce(Stack stack, Api api) throws Exception {
        Voting voting = new Voting(api);
        String ballot = voting.openBallot("DB 재시작 중 투표", List.of("a", "b", "c"));
        VoteStream stream = new VoteStream(api, voting, ballot, 400, 20_000);
        stream.start();
        stream.awaitAcknowledged(80);
        stack.postgres("stop");
        FAULTS.incrementAndGet();
        Thread.sleep(4000);
        stack.postgres("start");
        stream.finish();
        awaitAllReady(stack);

        Map<Integer, Long> statuses = stream.statuses();
        System.out.println("[faults] votes during the PostgreSQL restart: " + statuses + ", slowest answer " + stream.slowest() + " ms");
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 201 || s == 503 || s == 409),
                "only 201, or 503 during the outage (409 for a retry of a vote stored before its 503): " + stream.odd());
        assertTrue(stream.oddNonProblem().isEmpty(), "refusals must be problem+json: " + stream.oddNonProblem());
        assertTrue(stream.slowest() < 20_000, "requests during the outage must fail fast, not hang: " + stream.slowest() + " ms");
        stream.retryUnacknowledged();
        countedExactlyOnce(voting, ballot, stream);
    }

    @Test
    @Order(3)
    void serviceKilledMidStreamLosesNoAcknowledgedWriteAndResumesConsuming(Stack stack, Api api) throws Exception {
        Voting voting = new Voting(api);
        Events events = new Events(stack);
        String ballot = voting.openBallot("투표 서비스 강제 종료 중 투표", List.of("a", "b", "c"));
        VoteStream stream = new VoteStream(api, voting, ballot, 400, 30_000);
        stream.start();
        stream.awaitAcknowledged(80);
        stack.kill("voting");
        FAULTS.incrementAndGet();
        // Sent while the consumer is dead: it must pick them up from its committed offset after the restart.
        List<String> correlations = sendBallotRequests(events, 2, "voting-killed");
        Thread.sleep(1500);
        stack.restart("voting");
        stream.finish();

        Map<Integer, Long> statuses = stream.statuses();
        System.out.println("[faults] votes around the kill -9 of voting-service: " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 201 || s == 409 || s == 502 || s == 503 || s == 504 || s == -1),
                "no 500 and no other error: " + stream.odd());
        assertTrue(stream.oddNonProblem().stream().allMatch(r -> r.status() == -1),
                "every refusal by the gateway is problem+json: " + stream.oddNonProblem());
        stream.retryUnacknowledged();
        countedExactlyOnce(voting, ballot, stream);
        assertOneBallotPerRequest(stack, events, correlations);
    }

    // ---- helpers

    private static void countedExactlyOnce(Voting voting, String ballot, VoteStream stream) {
        JsonNode results = voting.closeAndCount(ballot);
        long voters = results.path("voters").asLong();
        Map<String, Long> tallies = new HashMap<>();
        results.path("tallies").forEach(t -> tallies.put(t.path("key").asText(), t.path("votes").asLong()));
        Map<String, Long> expected = stream.expectedTallies();
        CHECKED.addAndGet(stream.voters());
        if (voters < stream.voters()) {
            LOST.addAndGet(stream.voters() - voters);
        } else if (voters > stream.voters()) {
            DUPLICATED.addAndGet(voters - stream.voters());
        }
        assertEquals(stream.voters(), voters, "every vote acknowledged (or confirmed by a 409 on retry) counted once");
        assertEquals(expected, tallies, "each choice counted once");
    }

    private static List<String> notReady(Stack stack) {
        List<String> out = new ArrayList<>();
        for (String service : SERVICES) {
            if (!stack.ready(service)) {
                out.add(service);
            }
        }
        return out;
    }

    private static void awaitAllReady(Stack stack) {
        Awaitility.await("every service ready again").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(stack::allReady);
    }

    private static Set<String> ballotIds(List<Events.Event> events, String type) {
        return events.stream().filter(e -> type.equals(e.type())).map(e -> e.data().path("ballotId").asText())
                .collect(Collectors.toSet());
    }

    /** BallotRequested as budget-service would send it: each twice with the same event id, then once with a new id. */
    private static List<String> sendBallotRequests(Events events, int count, String label) {
        List<String> correlations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String correlation = "e2e:" + label + ":" + UUID.randomUUID();
            correlations.add(correlation);
            ObjectNode data = OpenApi.JSON.createObjectNode();
            data.put("correlationId", correlation).put("requester", "budget-service").put("title", "장애 훈련 투표 " + i)
                    .put("description", "장애 훈련").put("ownerDistrict", Tokens.GEUMCHEON).putNull("ownerDong");
            ObjectNode eligibility = data.putObject("eligibility");
            eligibility.putArray("districts").add(Tokens.GEUMCHEON);
            eligibility.putArray("dongs");
            eligibility.putNull("minAge").putNull("maxAge").putNull("requiredRole");
            data.put("opensAt", java.time.Instant.now().toString())
                    .put("closesAt", java.time.Instant.now().plus(Duration.ofDays(1)).toString());
            com.fasterxml.jackson.databind.node.ArrayNode options = data.putArray("options");
            options.addObject().put("key", "p-1").put("label", "사업 1").put("cost", 10_000_000L);
            options.addObject().put("key", "p-2").put("label", "사업 2").put("cost", 20_000_000L);
            data.putObject("rule").put("type", "SINGLE").put("minChoices", 1).put("maxChoices", 1).putNull("budgetLimit");
            data.put("liveResults", false);
            String id = UUID.randomUUID().toString();
            events.send("voting.requests", correlation, id, "/chamyeo/budget-service", "BallotRequested", data);
            events.send("voting.requests", correlation, id, "/chamyeo/budget-service", "BallotRequested", data);
            events.send("voting.requests", correlation, UUID.randomUUID().toString(), "/chamyeo/budget-service",
                    "BallotRequested", data);
        }
        return correlations;
    }

    /** Each request opened exactly one ballot: one BallotOpened on the topic and one ballot in voting's API. */
    private static void assertOneBallotPerRequest(Stack stack, Events events, List<String> correlations) {
        List<Events.Event> opened = events.read("voting.ballots", all -> all.stream()
                .filter(e -> e.type().equals("BallotOpened")).map(e -> e.data().path("correlationId").asText())
                .collect(Collectors.toSet()).containsAll(correlations), Duration.ofSeconds(90));
        // Give a wrongly applied duplicate time to show up before counting.
        sleep(3000);
        opened = events.read("voting.ballots", all -> false, Duration.ofSeconds(3));
        Map<String, Long> perCorrelation = opened.stream().filter(e -> e.type().equals("BallotOpened"))
                .filter(e -> correlations.contains(e.data().path("correlationId").asText()))
                .collect(Collectors.groupingBy(e -> e.data().path("correlationId").asText(), Collectors.counting()));
        Map<String, Long> inApi = new HashMap<>();
        for (int page = 0; page < 50; page++) {
            Http.Reply r = Http.get(stack.gateway() + "/api/v1/voting/ballots?district=" + Tokens.GEUMCHEON + "&size=100&page=" + page, null);
            assertEquals(200, r.status(), r.toString());
            if (r.json().isEmpty()) {
                break;
            }
            r.json().forEach(b -> {
                if (correlations.contains(b.path("correlationId").asText())) {
                    inApi.merge(b.path("correlationId").asText(), 1L, Long::sum);
                }
            });
        }
        for (String c : correlations) {
            CHECKED.addAndGet(3);
            long applied = Math.max(perCorrelation.getOrDefault(c, 0L), inApi.getOrDefault(c, 0L));
            if (applied == 0) {
                LOST.incrementAndGet();
            } else {
                DUPLICATED.addAndGet(applied - 1);
            }
        }
        List<String> rejected = opened.stream().filter(e -> e.type().equals("BallotRejected"))
                .filter(e -> correlations.contains(e.data().path("correlationId").asText()))
                .map(e -> e.data().path("reason").asText()).toList();
        assertEquals(correlations.stream().collect(Collectors.toMap(c -> c, c -> 1L)), inApi,
                "one ballot per BallotRequested (sent 3 times: twice as one event, once as another); rejected: " + rejected);
        assertEquals(correlations.stream().collect(Collectors.toMap(c -> c, c -> 1L)), perCorrelation,
                "one BallotOpened per request");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Distinct residents voting as fast as four clients can, recording every answer. */
    static final class VoteStream {
        private static final String[] KEYS = {"a", "b", "c"};
        private final Api api;
        private final Voting voting;
        private final String ballot;
        private final int voters;
        private final int firstResident;
        private final Map<Integer, Http.Reply> last = new ConcurrentHashMap<>();
        private final List<Http.Reply> all = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final ExecutorService pool = Executors.newFixedThreadPool(4);

        VoteStream(Api api, Voting voting, String ballot, int voters, int firstResident) {
            this.api = api;
            this.voting = voting;
            this.ballot = ballot;
            this.voters = voters;
            this.firstResident = firstResident;
        }

        void start() {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = thread; i < voters; i += 4) {
                        Http.Reply r = voting.vote(ballot, token(i), KEYS[i % KEYS.length]);
                        last.put(i, r);
                        all.add(r);
                        if (r.status() == 201) {
                            acknowledged.incrementAndGet();
                        }
                        // Paced so that the fault lands mid-stream rather than after it.
                        sleep(15);
                    }
                });
            }
        }

        void awaitAcknowledged(int n) {
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.get() >= n);
        }

        void finish() throws InterruptedException {
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "the vote stream did not finish");
        }

        private String token(int i) {
            return api.tokens().resident(Tokens.GEUMCHEON, firstResident + i);
        }

        /** Votes not acknowledged are sent again once the stack is back: 201, or 409 if the first one had been stored. */
        void retryUnacknowledged() {
            for (Map.Entry<Integer, Http.Reply> e : last.entrySet()) {
                if (e.getValue().status() != 201) {
                    int i = e.getKey();
                    Http.Reply[] r = new Http.Reply[1];
                    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        r[0] = voting.vote(ballot, token(i), KEYS[i % KEYS.length]);
                        return r[0].status() == 201 || r[0].status() == 409;
                    });
                    last.put(i, r[0]);
                }
            }
        }

        int voters() {
            return voters;
        }

        Map<String, Long> expectedTallies() {
            Map<String, Long> out = new HashMap<>();
            for (int i = 0; i < voters; i++) {
                out.merge(KEYS[i % KEYS.length], 1L, Long::sum);
            }
            return out;
        }

        Map<Integer, Long> statuses() {
            return List.copyOf(all).stream().collect(Collectors.groupingBy(Http.Reply::status, java.util.TreeMap::new, Collectors.counting()));
        }

        long slowest() {
            return List.copyOf(all).stream().mapToLong(Http.Reply::millis).max().orElse(0);
        }

        List<Http.Reply> odd() {
            return List.copyOf(all).stream().filter(r -> r.status() != 201).limit(10).toList();
        }

        List<Http.Reply> oddNonProblem() {
            return List.copyOf(all).stream().filter(r -> r.status() != 201 && !r.problem()).limit(10).toList();
        }
    }
}
