package kr.chamyeo.verifier;

import java.util.List;

/** The checks of one record, in the order they ran. */
public record Report(List<Check> checks) {

    public Report {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The failure names ({@link Check#failureName()}) in order; empty when everything passed. */
    public List<String> failures() {
        return checks.stream().filter(check -> !check.passed()).map(Check::failureName).toList();
    }
}
