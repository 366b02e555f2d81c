package kr.chamyeo.voting.ballot;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import kr.chamyeo.voting.ballot.BallotSpec.Eligibility;
import kr.chamyeo.voting.ballot.BallotSpec.Option;
import kr.chamyeo.voting.ballot.BallotSpec.Rule;

/** The shared event contracts of {@code voting.requests} and {@code voting.ballots} (see EVENTS.md). */
public final class BallotEvents {

    public static final String REQUESTS = "voting.requests";
    public static final String BALLOTS = "voting.ballots";

    private BallotEvents() {
    }

    /** A request's correlation id and requester, read on their own: the answer to a request that fails to read names them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestRef(String correlationId, String requester) {
    }

    /** Sent by budget-service, community-service and governance-service. */
    public record BallotRequested(String correlationId, String requester, String title, String description,
                                  String ownerDistrict, String ownerDong, Eligibility eligibility, Instant opensAt,
                                  Instant closesAt, List<Option> options, Rule rule, Boolean liveResults) {

        public BallotSpec spec() {
            return new BallotSpec(title, description, ownerDistrict, ownerDong, eligibility, opensAt, closesAt, options, rule,
                    liveResults);
        }
    }

    public record BallotOpened(String ballotId, String correlationId, String requester, String title, String ownerDistrict,
                               Instant opensAt, Instant closesAt, List<Option> options) {

        public static BallotOpened of(Ballot ballot) {
            return new BallotOpened(ballot.id().toString(), ballot.correlationId(), ballot.requester(), ballot.title(),
                    ballot.ownerDistrict(), ballot.opensAt(), ballot.closesAt(), ballot.options());
        }
    }

    public record BallotRejected(String correlationId, String requester, String reason) {
    }

    public record BallotBoxChunk(String ballotId, String correlationId, int chunk, int chunks, List<List<String>> entries) {
    }

    public record Tally(String key, long votes) {
    }

    /** The board's head after {@code size} entries, published while voting goes on (PROTOCOL.md §8.2). */
    public record BoardHeadPublished(String ballotId, String correlationId, long size, String head, Instant publishedAt) {
    }

    /** {@code voters} = ballots on the board = roll entries; {@code boardHead} is the board's final chain value. */
    public record BallotClosed(String ballotId, String correlationId, String requester, Instant closedAt, long voters, long invalid,
                               List<Tally> tallies, String boardHead, int boxChunks) {
    }
}
