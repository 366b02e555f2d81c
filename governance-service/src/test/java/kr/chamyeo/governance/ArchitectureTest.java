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
 * are plain classes that run without a server, and resources are thin — transactions and queries in their services —
 * except the older ones named in {@code NOT_YET_THIN}, which README.md ("Layout") lists too.
 */
@AnalyzeClasses(packages = "kr.chamyeo.governance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The plain rule classes: *Rules and the named calculators of the seeds' rules. */
    private static final DescribedPredicate<JavaClass> RULE_CLASSES = describe("rule classes",
            c -> c.getSimpleName().endsWith("Rules") || Set.of("BudgetLines", "OutreachCalendar", "SeatLimits", "YouthShare",
                    "LeximinSolver", "ForumStatistics").contains(c.getSimpleName()));

    /** The older resources that still open transactions and query (README.md, "Layout"); every other one is held to the rule. */
    private static final Set<String> NOT_YET_THIN = Set.of("YouthCouncilResource", "BodyMemberResource",
            "SortitionResource");

    private static final DescribedPredicate<JavaClass> PATTERN_RESOURCES = ServiceArchitecture.resources().and(describe(
            "written to the pattern", c -> !NOT_YET_THIN.contains(c.getEnclosingClass().orElse(c).getSimpleName())));

    @ArchTest
    static final ArchRule rulesNeedNoServer = ServiceArchitecture.rulesNeedNoServer(RULE_CLASSES);

    @ArchTest
    static final ArchRule rulesDoNotQuery = ServiceArchitecture.rulesDoNotQuery(RULE_CLASSES);

    @ArchTest
    static final ArchRule patternResourcesAreThin = ServiceArchitecture.resourcesAreThin(PATTERN_RESOURCES);

    @ArchTest
    static final ArchRule featuresFreeOfCycles = ServiceArchitecture.featuresFreeOfCycles("kr.chamyeo.governance");

    @ArchTest
    static final ArchRule noOtherService = ServiceArchitecture.noOtherService("kr.chamyeo.governance");
}
