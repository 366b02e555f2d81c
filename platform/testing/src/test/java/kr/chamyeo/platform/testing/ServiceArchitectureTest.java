package kr.chamyeo.platform.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** Each rule of ServiceArchitecture finds exactly the planted classes that break it (kr.chamyeo.sample, test sources). */
class ServiceArchitectureTest {

    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("kr.chamyeo.sample");

    @Test
    void ruleClassesWithServerTypesAreFound() {
        assertEquals(Set.of("ServerRules"), offenders(ServiceArchitecture.rulesNeedNoServer(simpleNameEndingWith("Rules"))));
    }

    @Test
    void ruleClassesThatQueryAreFound() {
        assertEquals(Set.of("QueryingRules"), offenders(ServiceArchitecture.rulesDoNotQuery(simpleNameEndingWith("Rules"))));
    }

    @Test
    void resourcesWithTransactionsQueriesOrEntityWritesAreFound() {
        assertEquals(Set.of("TransactionalResource", "QuarkusTransactionResource", "EntityManagerResource", "PanacheResource",
                        "ViewResource", "EntityBuildingResource", "EntityWritingResource"),
                offenders(ServiceArchitecture.resourcesAreThin(ServiceArchitecture.resources())));
    }

    @Test
    void aCircleBetweenFeaturesIsFoundOnlyAmongThoseFeatures() {
        String report = String.join("\n", ServiceArchitecture.featuresFreeOfCycles("kr.chamyeo.sample.circle").evaluate(PLANTED)
                .getFailureReport().getDetails());
        assertTrue(report.contains("<kr.chamyeo.sample.circle.a.A.partner()>") && report.contains("<kr.chamyeo.sample.circle.b.B.partner()>"),
                report);
        assertFalse(ServiceArchitecture.featuresFreeOfCycles("kr.chamyeo.sample").evaluate(PLANTED).hasViolation());
    }

    @Test
    void anotherServicesCodeIsFoundUnlessShared() {
        assertEquals(Set.of("Borrower"), offenders(ServiceArchitecture.noOtherService("kr.chamyeo.sample")));
        assertEquals(Set.of(), offenders(ServiceArchitecture.noOtherService("kr.chamyeo.sample", "kr.chamyeo.elsewhere")));
    }

    /** The simple names of the sample classes a rule's violations start from (the first class each violation names). */
    private static Set<String> offenders(ArchRule rule) {
        List<String> details = rule.allowEmptyShould(true).evaluate(PLANTED).getFailureReport().getDetails();
        Set<String> names = new TreeSet<>();
        Pattern origin = Pattern.compile("(?:^|\\s|<)kr\\.chamyeo\\.sample\\.[a-z.]*\\.?([A-Z]\\w*)");
        for (String detail : details) {
            Matcher m = origin.matcher(detail);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
