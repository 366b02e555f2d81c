package kr.chamyeo.voting;

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
 * The service pattern (README.md, "Layout"; rules in platform-testing's ServiceArchitecture). The protocol's
 * cryptography is in the election module (kr.chamyeo.election), which the service may use; the service's own rules
 * — a ballot's eligibility and choices, the board's chain, the ceremony's and the counting's order, turnout
 * suppression — are plain classes.
 */
@AnalyzeClasses(packages = "kr.chamyeo.voting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> RULE_CLASSES = describe("rule classes",
            c -> Set.of("Ballot", "BallotSpec", "BoardChain", "Voter", "CommitWindow", "Counting", "Ceremony", "ElectionSpec",
                    "Trustees", "Turnout", "EarlyClosing").contains(c.getSimpleName()));

    @ArchTest
    static final ArchRule servicePattern = ServiceArchitecture.servicePattern("kr.chamyeo.voting", RULE_CLASSES, "kr.chamyeo.election");
}
