package kr.chamyeo.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.AuthorizationMatrix;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;

/** Every operation of the OpenAPI document × {no token, expired, bad signature, wrong issuer, each role}. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class AuthorizationMatrixTest {

    /** Operations anyone may call without a token; any other operation must state its roles. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/community/councils",
            "GET /api/v1/community/councils/rollout",
            "GET /api/v1/community/councils/{id}",
            "GET /api/v1/community/councils/{id}/lotteries",
            "GET /api/v1/community/councils/{id}/plans/{planId}",
            "GET /api/v1/community/groups",
            "GET /api/v1/community/plans",
            "GET /api/v1/community/plans/{id}",
            "GET /api/v1/community/plans/{id}/progress",
            "GET /api/v1/community/programmes",
            "GET /api/v1/community/programmes/{id}",
            "GET /api/v1/community/resident-tax/allocations",
            "GET /api/v1/community/resident-tax/collections",
            "GET /api/v1/community/spaces",
            "GET /api/v1/community/spaces/{id}",
            "POST /api/v1/community/programmes/{id}/valuations");

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        List<AuthorizationMatrix.Mismatch> mismatches = AuthorizationMatrix.check(PUBLIC);
        assertEquals(List.of(), mismatches, () -> String.join("\n", mismatches.stream().map(Object::toString).toList()));
    }
}
