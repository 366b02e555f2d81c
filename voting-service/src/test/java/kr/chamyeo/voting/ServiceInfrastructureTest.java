package kr.chamyeo.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.OpenApiContract;
import kr.chamyeo.platform.testing.ServiceInfrastructureChecks;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ServiceInfrastructureTest extends ServiceInfrastructureChecks {

    @Override
    protected String openApiTitle() {
        return "Chamyeo Voting API (엠보팅)";
    }

    @Override
    protected String apiRoot() {
        return "/api/v1/voting";
    }

    /** The board's page has its own model name; it collided with the platform's Page and was published as "Page1". */
    @Test
    void boardPageIsNamedForWhatItIs() {
        assertEquals("#/components/schemas/BoardPage", OpenApiContract.served().path("paths")
                .path("/api/v1/voting/ballots/{id}/board").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema").path("$ref").asText());
    }
}
