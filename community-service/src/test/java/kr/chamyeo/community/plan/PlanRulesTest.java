package kr.chamyeo.community.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.platform.problem.ProblemException;

/** The bundled 2nd plan passes the structural rules, and a 현황표 whose parts do not add up does not. */
class PlanRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static String bundled() throws IOException {
        try (InputStream in = PlanRulesTest.class.getClassLoader().getResourceAsStream(BundledPlanLoader.SECOND_PLAN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBundledPlanIsWellFormed() throws IOException {
        PlanRules.check(JSON.readValue(bundled(), PlanDocument.class));
    }

    @Test
    void aSpacesTableThatDoesNotAddUpIsRefused() throws IOException {
        String broken = bundled().replace("\"total\": 367", "\"total\": 366");
        ProblemException e = assertThrows(ProblemException.class, () -> PlanRules.check(JSON.readValue(broken, PlanDocument.class)));
        assertEquals(422, e.status());
    }

    @Test
    void aKpiNamesAUnitProjectOfThePlan() throws IOException {
        String broken = bundled().replace("\"unitProject\": \"4-3-2\"", "\"unitProject\": \"4-3-9\"");
        assertThrows(ProblemException.class, () -> PlanRules.check(JSON.readValue(broken, PlanDocument.class)));
    }
}
