package kr.chamyeo.community;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.ServiceInfrastructureChecks;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ServiceInfrastructureTest extends ServiceInfrastructureChecks {

    @Override
    protected String openApiTitle() {
        return "Chamyeo Community API (마을공동체)";
    }

    @Override
    protected String apiRoot() {
        return "/api/v1/community";
    }
}
