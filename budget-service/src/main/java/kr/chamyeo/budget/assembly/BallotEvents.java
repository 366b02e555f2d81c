package kr.chamyeo.budget.assembly;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * voting-service's events on {@code voting.ballots} as the 총회 reads them (the contract: gateway's asyncapi.yaml,
 * held by EventContractTest). Fields this service does not use are ignored.
 */
public final class BallotEvents {

    private BallotEvents() {
    }

    /** What every ballot event carries: which ballot, and which request it answers (null for ballots opened over REST). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotRef(String correlationId, String ballotId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotOpened(String correlationId, String ballotId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotRejected(String correlationId, String reason) {
    }

    /** One chunk of the decrypted ballots: each entry one ballot's chosen option keys, in shuffled order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotBoxChunk(String correlationId, String ballotId, int chunk, int chunks, List<List<String>> entries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BallotClosed(String correlationId, String ballotId, Instant closedAt, int voters, int boxChunks) {
    }
}
