package kr.chamyeo.community.council;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Event data exchanged with governance-service and voting-service, exactly as in the shared contracts. */
public final class CouncilEvents {

    public static final String COUNCILS = "community.councils";
    public static final String SORTITIONS = "governance.sortitions";
    public static final String VOTING_REQUESTS = "voting.requests";
    public static final String BALLOTS = "voting.ballots";
    public static final String REQUESTER = "community-service";
    /** Correlation ids of general-meeting ballots: {@code community:selfgov:<planId>}. */
    public static final String MEETING_PREFIX = "community:selfgov:";

    private CouncilEvents() {
    }

    public record PoolEntry(String id, Map<String, String> features, String household) {
    }

    public record CouncilLotteryRequested(String correlationId, String councilId, String district, String dong, int seats,
                                          int reserves, List<PoolEntry> pool, List<LotteryQuotas.Quota> quotas, String seedCommitment) {
    }

    /** The ceremony: the committed seed and the public value drawn there; governance draws on both. */
    public record CouncilLotteryDrawRequested(String correlationId, String councilId, String seed, String publicValue) {
    }

    public record BallotRequested(String correlationId, String requester, String title, String description,
                                  String ownerDistrict, String ownerDong, Eligibility eligibility, Instant opensAt, Instant closesAt,
                                  List<Option> options, Rule rule, boolean liveResults) {
    }

    public record Eligibility(List<String> districts, List<String> dongs, Integer minAge, Integer maxAge, String requiredRole) {
    }

    public record Option(String key, String label, Long cost) {
    }

    public record Rule(String type, int minChoices, int maxChoices, Long budgetLimit) {
    }

    // Answers read here; fields this service does not use are ignored.

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CouncilMembersDrawn(String correlationId, List<String> selected, List<String> reserves, String sortitionId,
                                      String seed, String publicValue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CouncilLotteryFailed(String correlationId, String reason, List<String> conflictingQuotas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotOpened(String correlationId, String ballotId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotRejected(String correlationId, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotClosed(String correlationId, String ballotId, Integer voters, List<Tally> tallies) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tally(String key, int votes) {
    }
}
