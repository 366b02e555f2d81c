package kr.chamyeo.budget;

import static io.restassured.RestAssured.given;
import static kr.chamyeo.budget.Budget.OFFICER;
import static org.hamcrest.Matchers.equalTo;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;

/** Hangul typed decomposed (NFD) or with odd spacing is stored as the text it shows (issue 23). */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class KoreanInputTest {

    private static final long M = 1_000_000;

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @Test
    void aProposalTypedInNfdWithOddSpacingIsStoredAsDoksan1Dong() {
        long cycleId = Budget.createCycle(Budget.cycle(2030, "RESIDENT", 1000 * M, 100 * M, 20 * M,
                List.of(Budget.subcommittee("all", "전체분과", 1000 * M))));
        Map<String, Object> body = Budget.proposal(nfd("독산동 어린이 놀이터 개선"), "all", 50 * M, false);
        body.put("dong", "\u3000" + nfd("독산 1동") + " ");
        long id = Budget.submit(cycleId, body);
        given().auth().oauth2(OFFICER).get("/api/v1/budget/cycles/" + cycleId + "/proposals/" + id).then().statusCode(200)
                .body("dong", equalTo("독산1동"))
                .body("title", equalTo("독산동 어린이 놀이터 개선"))
                .body("contact.name", equalTo("김금천"));
        body.put("dong", " \u00a0");
        Budget.post(Budget.resident(), "/cycles/" + cycleId + "/proposals", body).statusCode(422)
                .body("errors[0].field", equalTo("dong"));
    }
}
