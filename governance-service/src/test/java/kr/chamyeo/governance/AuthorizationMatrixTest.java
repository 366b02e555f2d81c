package kr.chamyeo.governance;

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
            "GET /api/v1/governance/agendas",
            "GET /api/v1/governance/agendas/summary",
            "GET /api/v1/governance/districts",
            "GET /api/v1/governance/districts/{code}",
            "GET /api/v1/governance/forums",
            "GET /api/v1/governance/forums/statistics",
            "GET /api/v1/governance/outreach/districts",
            "GET /api/v1/governance/schedule",
            "GET /api/v1/governance/tf/districts/{district}/participation-bodies",
            "GET /api/v1/governance/tf/experts",
            "GET /api/v1/governance/tf/officers",
            "GET /api/v1/governance/youth-budget/execution");

    @Test
    void everyOperationAnswersEachCallerAsItsRuleSays() {
        List<AuthorizationMatrix.Mismatch> mismatches = AuthorizationMatrix.check(PUBLIC);
        assertEquals(List.of(), mismatches, () -> String.join("\n", mismatches.stream().map(Object::toString).toList()));
    }
}
