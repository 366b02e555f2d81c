package kr.chamyeo.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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
        return "Chamyeo Budget API (주민참여예산)";
    }

    @Override
    protected String apiRoot() {
        return "/api/v1/budget";
    }

    /** Pages of cycles and proposals name their item type (PageCycleView, PageProposalView), not a list of anything. */
    @Test
    void pagesAreTyped() {
        assertEquals(List.of(), OpenApiContract.untypedArrays(OpenApiContract.served()));
    }
}
