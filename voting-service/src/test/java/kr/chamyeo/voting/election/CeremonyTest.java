package kr.chamyeo.voting.election;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import kr.chamyeo.election.Group;
import kr.chamyeo.election.KeyCeremony;
import kr.chamyeo.election.Trustee;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.voting.TestElection;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class CeremonyTest {

    private static final String GEUMCHEON = "11545";

    @Inject
    ObjectMapper mapper;

    @Test
    void panelsAreFormedByTheirDistrictsOfficersOrTheCityWithSoundThresholds() {
        List<String> seats = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        given().auth().oauth2(TestTokens.officer("11530")).contentType("application/json").body(spec(GEUMCHEON, 2, seats))
                .post("/api/v1/voting/elections").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json").body(spec(null, 2, seats))
                .post("/api/v1/voting/elections").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json").body(spec(GEUMCHEON, 4, seats))
                .post("/api/v1/voting/elections").then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("threshold"));
        given().auth().oauth2(TestTokens.officer(GEUMCHEON)).contentType("application/json")
                .body(spec(GEUMCHEON, 2, List.of(seats.get(0), seats.get(0))))
                .post("/api/v1/voting/elections").then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("trustees"));
    }

    @Test
    void aCeremonyRunsInOrderRefusesWhatFailsItsChecksAndEndsWithTheSumOfTheConstantCommitments() throws Exception {
        List<String> subjects = List.of("k1-" + UUID.randomUUID(), "k2-" + UUID.randomUUID(), "k3-" + UUID.randomUUID());
        String id = TestElection.form("11440", TestTokens.officer("11440"), 2, subjects);
        List<Trustee> trustees = new ArrayList<>();
        for (int seat = 1; seat <= 3; seat++) {
            trustees.add(Trustee.create(id, seat, 3, 2));
        }
        // Someone else's token cannot speak for seat 1; a key for another seat or election is refused.
        put(TestElection.trusteeToken("intruder-" + UUID.randomUUID()), id, 1, "key", trustees.get(0).publicKey()).statusCode(403);
        put(token(subjects, 1), id, 1, "key", trustees.get(1).publicKey()).statusCode(422);
        put(token(subjects, 1), id, 1, "key", Trustee.create(UUID.randomUUID().toString(), 1, 3, 2).publicKey()).statusCode(422);
        put(token(subjects, 1), id, 1, "key", trustees.get(0).publicKey()).statusCode(200);
        put(token(subjects, 1), id, 1, "key", trustees.get(0).publicKey()).statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/already-published"));
        // Round 1 waits for every key.
        put(token(subjects, 1), id, 1, "round1", new KeyCeremony.Round1(id, 1, List.of(), "00", List.of())).statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/ceremony-waiting"));
        List<KeyCeremony.TrusteeKey> keys = new ArrayList<>();
        for (int seat = 1; seat <= 3; seat++) {
            keys.add(trustees.get(seat - 1).publicKey());
            if (seat > 1) {
                put(token(subjects, seat), id, seat, "key", keys.get(seat - 1)).statusCode(200);
            }
        }
        List<KeyCeremony.Round1> round1 = new ArrayList<>();
        for (int seat = 1; seat <= 3; seat++) {
            round1.add(trustees.get(seat - 1).round1(keys));
            put(token(subjects, seat), id, seat, "round1", round1.get(seat - 1)).statusCode(200);
        }
        for (int seat = 1; seat <= 3; seat++) {
            KeyCeremony.Round2 message = trustees.get(seat - 1).round2(keys, round1).message();
            given().auth().oauth2(token(subjects, seat)).contentType("application/json")
                    .body(mapper.writeValueAsString(Map.of("round2", message))).put(path(id, seat, "round2")).then().statusCode(200);
        }
        ECPoint expected = Group.infinity();
        for (KeyCeremony.Round1 message : round1) {
            expected = expected.add(Group.point(message.commitments().get(0)));
        }
        given().get("/api/v1/voting/elections/" + id).then().statusCode(200).body("status", equalTo("READY"))
                .body("publicKey", equalTo(Group.hex(expected.normalize())))
                .body("trustees[0].round2.shareKey", equalTo(Group.hex(KeyCeremony.shareKey(1, round1))));
        put(token(subjects, 1), id, 1, "key", trustees.get(0).publicKey()).statusCode(409)
                .body("type", equalTo("https://chamyeo.seoul.kr/problems/ceremony-over"));
    }

    @Test
    void aTrusteeWhoseShareDoesNotOpenIsNamedAndTheCeremonyFails() throws Exception {
        List<String> subjects = List.of("f1-" + UUID.randomUUID(), "f2-" + UUID.randomUUID(), "f3-" + UUID.randomUUID());
        String id = TestElection.form("11440", TestTokens.officer("11440"), 2, subjects);
        List<Trustee> trustees = new ArrayList<>();
        List<KeyCeremony.TrusteeKey> keys = new ArrayList<>();
        for (int seat = 1; seat <= 3; seat++) {
            trustees.add(Trustee.create(id, seat, 3, 2));
            keys.add(trustees.get(seat - 1).publicKey());
            put(token(subjects, seat), id, seat, "key", keys.get(seat - 1)).statusCode(200);
        }
        List<KeyCeremony.Round1> round1 = new ArrayList<>();
        for (int seat = 1; seat <= 3; seat++) {
            KeyCeremony.Round1 message = trustees.get(seat - 1).round1(keys);
            if (seat == 1) {
                // Seat 1 deals seat 2 the sealed share meant for seat 3: it passes the public checks, not seat 2's.
                List<KeyCeremony.EncryptedShare> shares = new ArrayList<>(message.shares());
                KeyCeremony.EncryptedShare toTwo = shares.stream().filter(s -> s.to() == 2).findFirst().orElseThrow();
                KeyCeremony.EncryptedShare toThree = shares.stream().filter(s -> s.to() == 3).findFirst().orElseThrow();
                shares.set(shares.indexOf(toTwo), new KeyCeremony.EncryptedShare(1, 2, toThree.ephemeral(), toThree.nonce(), toThree.sealed()));
                message = new KeyCeremony.Round1(message.electionId(), 1, message.commitments(), message.proof(), shares);
            }
            round1.add(message);
            put(token(subjects, seat), id, seat, "round1", message).statusCode(200);
        }
        Trustee.Round2Result result = trustees.get(1).round2(keys, round1);
        assertEquals(1, result.complaints().size());
        given().auth().oauth2(token(subjects, 2)).contentType("application/json")
                .body(mapper.writeValueAsString(Map.of("complaints", result.complaints()))).put(path(id, 2, "round2")).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("failure", containsString("seat 2 refuses the share of seat 1"));
        // Ballots are never encrypted under a failed panel: this district's ballots fall back to the city's key.
        given().get("/api/v1/voting/elections/" + id).then().body("publicKey", equalTo(null));
    }

    private ValidatableResponse put(String token, String id, int seat, String step, Object body) throws Exception {
        return given().auth().oauth2(token).contentType("application/json").body(mapper.writeValueAsString(body))
                .put(path(id, seat, step)).then();
    }

    private static String path(String id, int seat, String step) {
        return "/api/v1/voting/elections/" + id + "/trustees/" + seat + "/" + step;
    }

    private static String token(List<String> subjects, int seat) {
        return TestElection.trusteeToken(subjects.get(seat - 1));
    }

    private static String spec(String district, int threshold, List<String> subjects) {
        StringBuilder seats = new StringBuilder();
        for (int i = 0; i < subjects.size(); i++) {
            seats.append(i == 0 ? "" : ",").append("{\"name\":\"관리인\",\"subject\":\"").append(subjects.get(i)).append("\"}");
        }
        return "{\"title\":\"개표 관리\",\"ownerDistrict\":" + (district == null ? "null" : "\"" + district + "\"") + ",\"threshold\":"
                + threshold + ",\"trustees\":[" + seats + "]}";
    }
}
