package kr.chamyeo.budget;

import static com.tngtech.archunit.base.DescribedPredicate.describe;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import kr.chamyeo.platform.testing.ServiceArchitecture;

/**
 * The service pattern (README.md, "Layout"; rules in platform-testing's ServiceArchitecture): the selection methods
 * and the named rule classes run without a server; the entities carry their own transitions (Proposal, Cycle).
 */
@AnalyzeClasses(packages = "kr.chamyeo.budget", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> RULE_CLASSES = describe("rule classes",
            c -> c.getPackageName().endsWith(".selection") || c.getSimpleName().endsWith("Rule")
                    || Set.of("Electorates", "CityCycle", "CouncilProposals", "PabulibReader", "PabulibWriter").contains(c.getSimpleName()));

    @ArchTest
    static final ArchRule servicePattern = ServiceArchitecture.servicePattern("kr.chamyeo.budget", RULE_CLASSES);
}
