package kr.chamyeo.governance;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The layering a newcomer can rely on (issue 25): a feature's rules are plain classes that run without a server, and the
 * features written to the suite's pattern keep their resources thin — transactions and queries in their services. The
 * older resources listed in README.md ("Layout") are not held to the second rule yet.
 */
@AnalyzeClasses(packages = "kr.chamyeo.governance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The plain rule classes: *Rules and the named calculators of the seeds' rules. */
    private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> RULE_CLASSES = describe("rule classes",
            c -> c.getSimpleName().endsWith("Rules") || java.util.Set.of("BudgetLines", "OutreachCalendar", "SeatLimits", "YouthShare",
                    "LeximinSolver", "ForumStatistics").contains(c.getSimpleName()));

    private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> PATTERN_RESOURCES = describe(
            "resources of the features written to the pattern", c -> c.getSimpleName().endsWith("Resource")
                    && (c.getPackageName().endsWith(".contest") || c.getPackageName().endsWith(".programme")
                    || c.getSimpleName().equals("YouthBudgetRoundResource")));

    @ArchTest
    static final ArchRule rulesNeedNoServer = noClasses().that(RULE_CLASSES).should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "jakarta.transaction..", "jakarta.enterprise..", "jakarta.inject..",
                    "jakarta.persistence..", "io.quarkus..", "kr.chamyeo.platform.events..", "kr.chamyeo.platform.security..")
            .because("a rule is unit-tested without a server; the service around it opens transactions and reads the database");

    @ArchTest
    static final ArchRule rulesDoNotQuery = noClasses().that(RULE_CLASSES).should()
            .callMethodWhere(target(owner(assignableTo(PanacheEntityBase.class)))
                    .and(target(nameMatching("find.*|list.*|count|stream.*|persist.*|delete.*|update"))))
            .because("a rule decides on what it is given; its service reads and stores");

    @ArchTest
    static final ArchRule patternResourcesAreThin = noClasses().that(PATTERN_RESOURCES).should()
            .beAnnotatedWith("jakarta.transaction.Transactional")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
            .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
            .orShould().callMethodWhere(target(owner(assignableTo(PanacheEntityBase.class)))
                    .and(target(nameMatching("find.*|list.*|count|stream.*|persist.*|delete.*|update"))))
            .because("a resource parses, authorizes, calls its service and maps the answer (README.md, Layout)");

    @ArchTest
    static final ArchRule noOtherService = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("kr.chamyeo.budget..", "kr.chamyeo.voting..", "kr.chamyeo.community..", "kr.chamyeo.gateway..")
            .because("services talk only through events");
}
