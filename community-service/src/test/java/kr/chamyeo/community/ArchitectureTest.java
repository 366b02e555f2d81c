package kr.chamyeo.community;

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
 * The service pattern (README.md, "Layout"; rules in platform-testing's ServiceArchitecture): the *Rules classes and
 * the named calculators run without a server, resources leave transactions and queries to their feature's service.
 */
@AnalyzeClasses(packages = "kr.chamyeo.community", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> RULE_CLASSES = describe("rule classes",
            c -> c.getSimpleName().endsWith("Rules") || Set.of("ExecutionBudget", "LotteryQuotas", "ContributionValuation",
                    "GrantLimits", "PlanProgress", "SpaceStock", "TaxReturn").contains(c.getSimpleName()));

    @ArchTest
    static final ArchRule servicePattern = ServiceArchitecture.servicePattern("kr.chamyeo.community", RULE_CLASSES);
}
