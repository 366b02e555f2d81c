package kr.chamyeo.budget.pabulib;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;

/** While other simulations hold the replica's share of heap, a new one is refused at once with 503 simulations-busy. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class SimulationsBusyTest {

    private static final String FILE = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
            + "p1;60\np2;50\nVOTES\nvoter_id;vote\nv1;p1\nv2;p1,p2\n";

    @Inject
    SimulationSlots slots;

    @Test
    void aSimulationBesideOthersHoldingTheShareIsRefusedAndRunsOnceTheyEnd() {
        SimulationSlots.Slot inFlight = slots.take(-1);
        try {
            given().contentType("text/plain").body(FILE).post("/api/v1/budget/simulations").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://chamyeo.seoul.kr/problems/simulations-busy"));
        } finally {
            inFlight.close();
        }
        given().contentType("text/plain").body(FILE).post("/api/v1/budget/simulations").then().statusCode(200)
                .body("selected.projectId", equalTo(java.util.List.of("p1")));
    }
}
