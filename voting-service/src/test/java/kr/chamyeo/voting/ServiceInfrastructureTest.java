package kr.chamyeo.voting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
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
}
