package kr.chamyeo.voting.cast;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.voting.TestBallots.resident;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kr.chamyeo.election.BallotEncryption;
import kr.chamyeo.election.EncryptedBallot;
import kr.chamyeo.election.Group;
import kr.chamyeo.election.SelectionRule;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.voting.TestBallots;

/**
 * The service refuses, before storing anything, a client-encrypted ballot whose proofs do not show it valid for the
 * ballot's own rule (issue 21 §2, PROTOCOL.md §4.3), and names the part that fails. The ballots are the Geumcheon
 * assembly's three projects (50, 120 and 80 million 원).
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ClientProofsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<Long> COSTS = List.of(50_000_000L, 120_000_000L, 80_000_000L);
    private static final SelectionRule BUDGET = new SelectionRule(3, 1, 2, COSTS, 150_000_000L);

    @Test
    void aBudgetBallotWithinTheLimitIsAcceptedAndOneOverItIsRefusedNamingTheBudgetProof() throws Exception {
        String ballot = TestBallots.create(TestBallots.spec(TestBallots.geumcheonResidents(), Instant.now().minusSeconds(1),
                Instant.now().plusSeconds(3600), "{\"type\":\"BUDGET\",\"minChoices\":1,\"maxChoices\":2,\"budgetLimit\":150000000}",
                false)).statusCode(201).extract().path("id");
        String key = key(ballot);
        cast(ballot, BallotEncryption.encrypt(ballot, Group.point(key), BUDGET, new int[] {0, 2}).ballot()).statusCode(201);

        SelectionRule looser = new SelectionRule(3, 1, 2, COSTS, 200_000_000L);
        EncryptedBallot over = BallotEncryption.encrypt(ballot, Group.point(key), looser, new int[] {1, 2}).ballot();
        refused(ballot, over, "budgetDigits");
        // Proven with p-2 priced at 100 instead of 120 million: 150 million "fits", with as many digits as the real rule.
        SelectionRule cheaper = new SelectionRule(3, 1, 2, List.of(50_000_000L, 100_000_000L, 80_000_000L), 150_000_000L);
        EncryptedBallot stillOver = BallotEncryption.encrypt(ballot, Group.point(key), cheaper, new int[] {0, 1}).ballot();
        refused(ballot, stillOver, "budgetProof");
        boardSize(ballot, 1);
    }

    @Test
    void tooManyChoicesADoubledChoiceOrAnotherKeyAreRefusedAndNothingIsStored() throws Exception {
        String ballot = TestBallots.open(false);
        String key = key(ballot);
        EncryptedBallot three = BallotEncryption.encrypt(ballot, Group.point(key), new SelectionRule(3, 1, 3, null, null),
                new int[] {0, 1, 2}).ballot();
        refused(ballot, three, "countProof");

        EncryptedBallot honest = BallotEncryption.encrypt(ballot, Group.point(key), TestBallots.APPROVAL_RULE, new int[] {1}).ballot();
        List<String> choices = new ArrayList<>(honest.choices());
        EncryptedBallot doubling = BallotEncryption.encrypt(ballot, Group.point(key), new SelectionRule(3, 0, 3, null, null),
                new int[] {0, 1}).ballot();
        // Option 1's ciphertext added to itself encrypts 2: a second vote for p-2 hidden in one choice.
        String[] mine = choices.get(1).split(",");
        choices.set(1, Group.wideHex(Group.ballotPoint(mine[0]).twice().normalize()) + "," + Group.wideHex(Group.ballotPoint(mine[1]).twice().normalize()));
        refused(ballot, new EncryptedBallot(ballot, choices, honest.choiceProofs(), honest.countProof(), List.of(), List.of(),
                List.of()), "choiceProofs[1]");
        refused(ballot, new EncryptedBallot(ballot, doubling.choices(), honest.choiceProofs(), honest.countProof(), List.of(),
                List.of(), List.of()), "choiceProofs[0]");

        EncryptedBallot otherKey = BallotEncryption.encrypt(ballot, Group.base(Group.randomScalar()), TestBallots.APPROVAL_RULE,
                new int[] {0}).ballot();
        refused(ballot, otherKey, "choiceProofs[0]");
        boardSize(ballot, 0);
        cast(ballot, honest).statusCode(201);
        boardSize(ballot, 1);
    }

    /**
     * Ballots that arrive together are checked together (ProofChecker, PROTOCOL.md §4.3 "Checking many ballots at
     * once"): every honest one is stored, and each false one among them — a response changed, which no hash catches,
     * only the equations — is refused by itself, as checking it alone would.
     */
    @Test
    void ballotsCastTogetherAreStoredOrRefusedEachOnItsOwnMerits() throws Exception {
        String ballot = TestBallots.open(false);
        String key = key(ballot);
        int count = 24;
        List<EncryptedBallot> ballots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EncryptedBallot honest = BallotEncryption.encrypt(ballot, Group.point(key), TestBallots.APPROVAL_RULE,
                    new int[] {i % 3}).ballot();
            ballots.add(i % 4 == 3 ? withChangedResponse(honest) : honest);
        }
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(count);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (EncryptedBallot encrypted : ballots) {
                answers.add(clients.submit(() -> given().auth().oauth2(resident("app-" + UUID.randomUUID()))
                        .contentType("application/json").body(MAPPER.writeValueAsString(encrypted))
                        .post("/api/v1/voting/ballots/" + ballot + "/encrypted-votes")));
            }
            for (int i = 0; i < count; i++) {
                ValidatableResponse answer = answers.get(i).get().then();
                if (i % 4 == 3) {
                    answer.statusCode(422).body("errors.field", hasItem("proofs"));
                } else {
                    answer.statusCode(201);
                }
            }
        } finally {
            clients.shutdown();
        }
        boardSize(ballot, count - count / 4);
    }

    /** The ballot with choice 0's first response plus one: its hashes still hold, its equations do not. */
    private static EncryptedBallot withChangedResponse(EncryptedBallot b) {
        List<List<String>> proofs = new ArrayList<>(b.choiceProofs());
        List<String> branches = new ArrayList<>(proofs.get(0));
        String[] parts = branches.get(0).split(",");
        parts[3] = Group.hex(Group.scalar(parts[3]).add(java.math.BigInteger.ONE).mod(Group.order()));
        branches.set(0, String.join(",", parts));
        proofs.set(0, branches);
        return new EncryptedBallot(b.ballotId(), b.choices(), proofs, b.countProof(), b.budgetDigits(), b.budgetDigitProofs(),
                b.budgetProof());
    }

    private static String key(String ballot) {
        String election = given().get("/api/v1/voting/ballots/" + ballot).then().extract().path("electionId");
        return given().get("/api/v1/voting/elections/" + election).then().extract().path("publicKey");
    }

    private static void refused(String ballot, EncryptedBallot encrypted, String field) throws Exception {
        cast(ballot, encrypted).statusCode(422).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static void boardSize(String ballot, int size) {
        given().get("/api/v1/voting/ballots/" + ballot + "/board").then().statusCode(200).body("size", equalTo(size));
    }

    private static ValidatableResponse cast(String ballot, EncryptedBallot encrypted) throws Exception {
        return given().auth().oauth2(resident("app-" + UUID.randomUUID())).contentType("application/json")
                .body(MAPPER.writeValueAsString(encrypted)).post("/api/v1/voting/ballots/" + ballot + "/encrypted-votes").then();
    }
}
