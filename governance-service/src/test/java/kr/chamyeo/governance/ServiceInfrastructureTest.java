package kr.chamyeo.governance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.ServiceInfrastructureChecks;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ServiceInfrastructureTest extends ServiceInfrastructureChecks {

    @Override
    protected String openApiTitle() {
        return "Chamyeo Governance API (청년 거버넌스·민관협력)";
    }

    @Override
    protected String apiRoot() {
        return "/api/v1/governance";
    }
}
