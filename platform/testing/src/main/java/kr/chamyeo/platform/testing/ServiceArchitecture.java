package kr.chamyeo.platform.testing;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;

/**
 * The suite's service pattern as ArchUnit rules, one definition for the four services (issue 25; the root README's
 * "Layout"): a feature's rules are plain classes that run without a server and query nothing; a {@code *Resource}
 * parses, authorizes, calls its feature's service and maps the answer — transactions and queries live in the
 * services and stores; features (the packages under the service's own) do not depend on each other in a circle; and
 * a service uses no other service's code, only the platform's. A service's {@code ArchitectureTest} names its rule
 * classes and holds these rules as {@code @ArchTest} fields.
 */
public final class ServiceArchitecture {

    /** Panache's active-record queries and writes; an entity's own named finders (e.g. {@code Cycle.require}) are its store. */
    private static final String PANACHE_QUERIES = "find.*|list.*|count|stream.*|persist.*|delete.*|update";

    private ServiceArchitecture() {
    }

    /**
     * All of the rules below for a service whose every resource is thin and whose features have no circle; a service
     * with an exception holds the rules one by one instead.
     */
    public static ArchRule servicePattern(String servicePackage, DescribedPredicate<? super JavaClass> ruleClasses, String... shared) {
        return CompositeArchRule.of(rulesNeedNoServer(ruleClasses)).and(rulesDoNotQuery(ruleClasses))
                .and(resourcesAreThin(resources())).and(featuresFreeOfCycles(servicePackage)).and(noOtherService(servicePackage, shared));
    }

    /** Every {@code *Resource} of the service, the REST layer, with the classes nested in one (its views' factories). */
    public static DescribedPredicate<JavaClass> resources() {
        return DescribedPredicate.describe("resources", c -> isResource(c)
                || c.getEnclosingClass().map(ServiceArchitecture::isResource).orElse(false));
    }

    private static boolean isResource(JavaClass c) {
        return c.getSimpleName().endsWith("Resource");
    }

    /** A rule class depends on no REST, transaction, CDI, persistence or Quarkus type, nor on the platform's events or caller. */
    public static ArchRule rulesNeedNoServer(DescribedPredicate<? super JavaClass> ruleClasses) {
        return noClasses().that(ruleClasses).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "jakarta.transaction..", "jakarta.enterprise..", "jakarta.inject..",
                        "jakarta.persistence..", "io.quarkus..", "org.hibernate..", "kr.chamyeo.platform.events..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("kr.chamyeo.platform.security.Caller")
                .because("a rule is unit-tested without a server; the service around it opens transactions and reads the database");
    }

    /** A rule class calls no Panache query or write: it decides on what it is given. */
    public static ArchRule rulesDoNotQuery(DescribedPredicate<? super JavaClass> ruleClasses) {
        return noClasses().that(ruleClasses).should().callMethodWhere(panacheQuery())
                .because("a rule decides on what it is given; its service reads and stores");
    }

    /**
     * A resource opens no transaction, touches no entity manager or Panache query, and neither creates an entity nor
     * writes its fields: building and changing an entity is its service's (in a transaction) or the entity's own.
     */
    public static ArchRule resourcesAreThin(DescribedPredicate<? super JavaClass> resources) {
        return noClasses().that(resources).should().beAnnotatedWith("jakarta.transaction.Transactional")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.narayana.jta.QuarkusTransaction")
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .orShould().callMethodWhere(panacheQuery())
                .orShould().callConstructorWhere(DescribedPredicate.describe("an entity's constructor",
                        (JavaConstructorCall call) -> isEntity(call.getTargetOwner())))
                .orShould().setFieldWhere(DescribedPredicate.describe("an entity's field",
                        (JavaFieldAccess access) -> isEntity(access.getTargetOwner())))
                .because("a resource parses, authorizes, calls its feature's service and maps the answer (README.md, Layout)");
    }

    private static boolean isEntity(JavaClass c) {
        return c.isAnnotatedWith("jakarta.persistence.Entity");
    }

    /** The features, the packages right under {@code servicePackage}, depend on each other without a circle. */
    public static SliceRule featuresFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").namingSlices("feature $1").should().beFreeOfCycles()
                .because("a feature is read and changed on its own; a circle makes two features one");
    }

    /** No class uses another service's (or the gateway's) code; the platform and {@code shared} packages are allowed. */
    public static ArchRule noOtherService(String servicePackage, String... shared) {
        List<String> allowed = new ArrayList<>(List.of(servicePackage + "..", "kr.chamyeo.platform.."));
        for (String s : shared) {
            allowed.add(s + "..");
        }
        return noClasses().should().dependOnClassesThat(resideInAPackage("kr.chamyeo..")
                        .and(DescribedPredicate.not(resideInAnyPackage(allowed.toArray(String[]::new)))))
                .because("services talk only through events");
    }

    private static DescribedPredicate<JavaCall<?>> panacheQuery() {
        return target(owner(assignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")))
                .and(target(nameMatching(PANACHE_QUERIES)));
    }
}
