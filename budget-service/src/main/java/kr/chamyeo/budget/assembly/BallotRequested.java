package kr.chamyeo.budget.assembly;

import java.time.Instant;
import java.util.List;

/** {@code BallotRequested} data on {@code voting.requests}, exactly as voting-service reads it. */
public record BallotRequested(String correlationId, String requester, String title, String description,
                              String ownerDistrict, String ownerDong, Eligibility eligibility, Instant opensAt,
                              Instant closesAt, List<Option> options, Rule rule, boolean liveResults) {

    public record Eligibility(List<String> districts, List<String> dongs, Integer minAge, Integer maxAge, String requiredRole) {
    }

    public record Option(String key, String label, long cost) {
    }

    public record Rule(String type, int minChoices, int maxChoices, Long budgetLimit) {
    }
}
