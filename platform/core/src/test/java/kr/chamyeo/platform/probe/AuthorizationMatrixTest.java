package kr.chamyeo.platform.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.AuthorizationMatrix;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AuthorizationMatrixTest {

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        List<AuthorizationMatrix.Mismatch> mismatches = AuthorizationMatrix.check(
                Set.of("POST /probe", "GET /probe/count/{name}", "GET /probe/items/{id}"));
        assertEquals(List.of(), mismatches);
    }

    @Test
    void anOperationWithoutARuleIsReported() {
        List<AuthorizationMatrix.Mismatch> mismatches = AuthorizationMatrix.check(Set.of("GET /probe/count/{name}"));
        assertEquals(1, mismatches.stream().filter(m -> m.operation().equals("POST /probe")).count(), mismatches.toString());
    }
}
