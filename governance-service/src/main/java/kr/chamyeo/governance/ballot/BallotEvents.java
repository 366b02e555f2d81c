package kr.chamyeo.governance.ballot;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The records governance exchanges with voting-service on {@code voting.requests} and {@code voting.ballots}
 * (voting-service/EVENTS.md). The answers are read tolerantly: governance takes the fields it uses, so a field
 * voting-service adds later does not park its answers.
 */
public final class BallotEvents {

    public static final String REQUESTS = "voting.requests";
    public static final String BALLOTS = "voting.ballots";
    public static final String REQUESTER = "governance-service";

    private BallotEvents() {
    }

    public record BallotRequested(String correlationId, String requester, String title, String description, String ownerDistrict,
                                  String ownerDong, Eligibility eligibility, Instant opensAt, Instant closesAt, List<Option> options,
                                  Rule rule, Boolean liveResults) {
    }

    /** Empty {@code districts}: all of Seoul. */
    public record Eligibility(List<String> districts, List<String> dongs, Integer minAge, Integer maxAge, String requiredRole) {
    }

    public record Option(String key, String label, Long cost) {
    }

    public record Rule(String type, Integer minChoices, Integer maxChoices, Long budgetLimit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotOpened(String ballotId, String correlationId, String requester) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotRejected(String correlationId, String requester, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tally(String key, long votes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotClosed(String ballotId, String correlationId, String requester, Instant closedAt, long voters, long invalid,
                               List<Tally> tallies) {
    }
}
