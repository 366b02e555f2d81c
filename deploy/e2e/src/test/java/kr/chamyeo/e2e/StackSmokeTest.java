package kr.chamyeo.e2e;

import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import kr.chamyeo.e2e.support.Api;
import kr.chamyeo.e2e.support.OpenApi;
import kr.chamyeo.e2e.support.Stack;
import kr.chamyeo.e2e.support.StackExtension;

/** The launcher brought up five ready processes and the gateway fronts all four services. */
@ExtendWith(StackExtension.class)
class StackSmokeTest {

    @Test
    void everyProcessIsReadyAndTheGatewayServesTheCombinedDocument(Stack stack, Api api) {
        assertTrue(stack.allReady(), stack::logTails);
        List<String> combined = new ArrayList<>();
        OpenApi.fetch(stack).path("paths").fieldNames().forEachRemaining(combined::add);
        for (String service : new String[] {"budget", "voting", "community", "governance"}) {
            List<String> own = new ArrayList<>();
            OpenApi.fetch(stack.direct(service)).path("paths").fieldNames().forEachRemaining(own::add);
            assertTrue(combined.containsAll(own), "the combined document lacks paths of " + service + ": " + own);
        }
    }

    @Test
    void aTokenlessWriteIsRefusedAsProblemJsonThroughTheGateway(Api api) {
        api.anonymous().body("{}").post("/api/v1/voting/ballots").then()
                .statusCode(is(401)).contentType("application/problem+json");
        api.anonymous().get("/api/v1/nowhere").then().statusCode(404)
                .contentType("application/problem+json").body("$", hasKey("status"));
    }
}
