package kr.chamyeo.budget;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.ServiceInfrastructureChecks;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ServiceInfrastructureTest extends ServiceInfrastructureChecks {

    @Override
    protected String openApiTitle() {
        return "Chamyeo Budget API (주민참여예산)";
    }

    @Override
    protected String apiRoot() {
        return "/api/v1/budget";
    }
}
