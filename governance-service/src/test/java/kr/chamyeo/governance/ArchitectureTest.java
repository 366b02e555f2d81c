package kr.chamyeo.governance;

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
 * The layering a newcomer can rely on (issue 25; rules in platform-testing's ServiceArchitecture): a feature's rules
 * are plain classes and entities that run without a server, resources are thin — transactions, queries and entity
 * writes in their services — and features depend on each other without a circle.
 */
@AnalyzeClasses(packages = "kr.chamyeo.governance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The plain rule classes: *Rules and the named calculators of the seeds' rules. */
    private static final DescribedPredicate<JavaClass> RULE_CLASSES = describe("rule classes",
            c -> c.getSimpleName().endsWith("Rules") || Set.of("BudgetLines", "OutreachCalendar", "SeatLimits", "YouthShare",
                    "LeximinSolver", "ForumStatistics", "JuryRules", "Lottery").contains(c.getSimpleName()));

    @ArchTest
    static final ArchRule servicePattern = ServiceArchitecture.servicePattern("kr.chamyeo.governance", RULE_CLASSES);
}
