package kr.chamyeo.voting.cast;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.GEUMCHEON;
import static kr.chamyeo.voting.TestBallots.resident;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.Tracker;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.voting.TestBallots;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CastingTest {

    @Inject
    EntityManager em;

    @Test
    void aVoteIsStoredOnlyAsACiphertextAndTheTrackerFindsItOnTheBoardWithoutAUrlSecret() {
        String ballot = TestBallots.open(false);
        var cast = vote(ballot, resident("v-" + UUID.randomUUID()), "p-3", "p-1").statusCode(201)
                .body("ballotId", equalTo(ballot)).body("cast", equalTo(true)).body("tracker", matchesPattern("[0-9a-f]{64}"))
                .body("seq", equalTo(1)).extract();
        String tracker = cast.path("tracker");

        given().contentType("application/json").body("{\"tracker\":\"" + tracker + "\"}")
                .post("/api/v1/voting/ballots/" + ballot + "/board/lookup").then().statusCode(200)
                .body("seq", equalTo(1)).body("chain", equalTo(cast.path("chain"))).body("$", not(org.hamcrest.Matchers.hasKey("choices")));
        given().contentType("application/json").body("{\"tracker\":\"" + "0".repeat(64) + "\"}")
                .post("/api/v1/voting/ballots/" + ballot + "/board/lookup").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"tracker\":\"not-a-tracker\"}")
                .post("/api/v1/voting/ballots/" + ballot + "/board/lookup").then().statusCode(422).contentType("application/problem+json");
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select ciphertexts from board_entry where ballot_id = cast(?1 as uuid)").setParameter(1, ballot).getSingleResult());
        // One ciphertext: two compressed points, and the tracker is its hash.
        assertTrue(stored.matches("0[23][0-9a-f]{64},0[23][0-9a-f]{64}"), stored);
        assertEquals(tracker, Tracker.of(ballot, List.of(Ciphertext.parse(stored))));
    }

    @Test
    void twoHundredConcurrentAttemptsByOneVoterMakeExactlyOneVote() throws Exception {
        String ballot = TestBallots.open(false);
        String token = resident("many-devices-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "p-" + (1 + i % 3);
            attempts.add(() -> vote(ballot, token, key).extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(attempts)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(199, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1L, count("select count(*) from voting_roll where ballot_id = cast(?1 as uuid)", ballot));
        assertEquals(1L, count("select count(*) from board_entry where ballot_id = cast(?1 as uuid)", ballot));
        vote(ballot, token, "p-1").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/already-voted"));
    }

    @Test
    void ineligibleVotersAreRefusedByDistrictAgeAndRole() {
        int year = Year.now(java.time.ZoneId.of("Asia/Seoul")).getValue();
        String youth = TestBallots.create(TestBallots.spec("{\"districts\":[\"11545\"],\"dongs\":[],\"minAge\":19,\"maxAge\":39,"
                        + "\"requiredRole\":null}", Instant.now().minusSeconds(1), Instant.now().plusSeconds(600), TestBallots.approval(), false))
                .statusCode(201).extract().path("id");
        vote(youth, TestTokens.resident("gu-" + UUID.randomUUID(), "11530", "구로1동", year - 25, "M"), "p-1").statusCode(403)
                .contentType("application/problem+json").body("condition", equalTo("district"));
        vote(youth, TestTokens.resident("old-" + UUID.randomUUID(), GEUMCHEON, "독산1동", year - 40, "M"), "p-1").statusCode(403)
                .body("condition", equalTo("age"));
        vote(youth, TestTokens.resident("young-" + UUID.randomUUID(), GEUMCHEON, "독산1동", year - 18, "M"), "p-1").statusCode(403)
                .body("condition", equalTo("age"));
        vote(youth, TestTokens.resident("edge-" + UUID.randomUUID(), GEUMCHEON, "독산1동", year - 39, "M"), "p-1").statusCode(201);
        vote(youth, TestTokens.resident("edge19-" + UUID.randomUUID(), GEUMCHEON, "독산1동", year - 19, "F"), "p-1").statusCode(201);

        String committee = TestBallots.create(TestBallots.spec("{\"districts\":[\"11545\"],\"dongs\":[],\"minAge\":null,\"maxAge\":null,"
                        + "\"requiredRole\":\"COMMITTEE\"}", Instant.now().minusSeconds(1), Instant.now().plusSeconds(600), TestBallots.approval(), false))
                .statusCode(201).extract().path("id");
        vote(committee, resident("res-" + UUID.randomUUID()), "p-1").statusCode(403).body("condition", equalTo("role"));
        vote(committee, TestTokens.committee("11530", "c-gu-" + UUID.randomUUID()), "p-1").statusCode(403).body("condition", equalTo("district"));
        vote(committee, TestTokens.committee(GEUMCHEON, "c-" + UUID.randomUUID()), "p-1").statusCode(201);
        // Officers do not vote.
        vote(committee, TestTokens.officer(GEUMCHEON), "p-1").statusCode(403);
        given().contentType("application/json").body("{\"choices\":[\"p-1\"]}").post("/api/v1/voting/ballots/" + committee + "/votes")
                .then().statusCode(401);
    }

    @Test
    void choicesMustFitTheRule() {
        String ballot = TestBallots.open(false);
        String token = resident("chooser-" + UUID.randomUUID());
        vote(ballot, token, "p-1", "p-2", "p-3").statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("choices"));
        vote(ballot, token, "p-9").statusCode(422).body("errors.field", hasItem("choices[0]"));
        vote(ballot, token).statusCode(422);
        given().auth().oauth2(token).contentType("application/json").body("{\"choices\":[\"p-1\"],\"extra\":1}")
                .post("/api/v1/voting/ballots/" + ballot + "/votes").then().statusCode(400);
        given().auth().oauth2(token).contentType("application/json").body("{\"choices\":[\"p-1\"]}")
                .post("/api/v1/voting/ballots/" + UUID.randomUUID() + "/votes").then().statusCode(404);
        // Nothing of the refused attempts was stored, so the voter still has their vote.
        vote(ballot, token, "p-2").statusCode(201);

        String budget = TestBallots.create(TestBallots.spec(TestBallots.geumcheonResidents(), Instant.now().minusSeconds(1),
                Instant.now().plusSeconds(600), "{\"type\":\"BUDGET\",\"minChoices\":null,\"maxChoices\":null,\"budgetLimit\":130000000}", false))
                .statusCode(201).extract().path("id");
        vote(budget, token, "p-1", "p-2").statusCode(422).body("cost", equalTo(170000000));
        vote(budget, token, "p-1", "p-3").statusCode(201);
    }

    @Test
    void windowOpensInclusivelyAndClosesExclusively() {
        // Seconds apart enough that creating the ballot and the early vote finish before it opens on a loaded machine.
        Instant opensAt = Instant.now().plusSeconds(6);
        Instant closesAt = opensAt.plusSeconds(3);
        String ballot = TestBallots.create(TestBallots.spec(TestBallots.geumcheonResidents(), opensAt, closesAt, TestBallots.approval(), false))
                .statusCode(201).body("status", equalTo("UPCOMING")).extract().path("id");
        vote(ballot, resident("early-" + UUID.randomUUID()), "p-1").statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/ballot-not-open"));
        await().until(() -> !Instant.now().isBefore(opensAt));
        vote(ballot, resident("ontime-" + UUID.randomUUID()), "p-1").statusCode(201);
        await().until(() -> !Instant.now().isBefore(closesAt));
        vote(ballot, resident("late-" + UUID.randomUUID()), "p-1").statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/ballot-closed"));
        // The scheduler ends voting on its own, and the trustees count it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/voting/ballots/" + ballot).then()
                .body("status", equalTo("CLOSED")).body("voters", equalTo(1)));
    }

    @Test
    void theRollAndTheBoardJoinedAsAnAttackerWouldShowCiphertextsNeverChoices() {
        String ballot = TestBallots.open(false);
        String subject = "secret-" + UUID.randomUUID();
        vote(ballot, resident(subject), "p-2").statusCode(201);
        vote(ballot, resident("secret-" + UUID.randomUUID()), "p-1").statusCode(201);
        // The attack: the roll and what was cast, joined by transaction id. It links a voter to a ciphertext
        // that only a quorum of trustees can open, and only after a shuffle has broken that link.
        @SuppressWarnings("unchecked")
        List<Object[]> joined = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select r.sex, r.dong, "
                + "b.ciphertexts from voting_roll r join board_entry b on b.ballot_id = r.ballot_id and b.xmin = r.xmin "
                + "where r.ballot_id = cast(?1 as uuid)").setParameter(1, ballot).getResultList());
        assertEquals(2, joined.size());
        for (Object[] row : joined) {
            assertTrue(((String) row[2]).matches("0[23][0-9a-f]{64},0[23][0-9a-f]{64}"));
        }
        List<?> boardColumns = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select column_name from information_schema.columns where table_name = 'board_entry' order by column_name").getResultList());
        assertEquals(List.of("ballot_id", "chain", "ciphertexts", "proof", "seq", "tracker"), boardColumns);
        assertEquals(0L, count("select count(*) from information_schema.tables where table_name = 'voting_box' and ?1 is not null", ballot));
        byte[] voterHash = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "select voter_hash from voting_roll where ballot_id = cast(?1 as uuid) limit 1").setParameter(1, ballot).getSingleResult());
        assertEquals(32, voterHash.length);
        assertFalse(new String(voterHash, StandardCharsets.ISO_8859_1).contains(subject));
    }

    private long count(String sql, String ballot) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, ballot)
                .getSingleResult()).longValue());
    }
}
