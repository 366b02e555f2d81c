package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.ReceivedEvent;

/**
 * Follows voting-service's ballots for the 총회. Ballots of other requesters are ignored. Every effect is
 * idempotent in business terms: a repeated BallotOpened or BallotClosed changes nothing, a repeated box chunk
 * is stored once, and results are computed once, when every electorate's ballot is closed and all their chunks are stored.
 */
@ApplicationScoped
public class BallotEventHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(BallotEventHandler.class);

    @Inject
    EntityManager em;

    @Inject
    Event<AssemblyBallotChanged> changed;

    @Override
    public String topic() {
        return "voting.ballots";
    }

    @Override
    public boolean concerns(ReceivedEvent event) {
        String correlationId = text(event.data(), "correlationId");
        return correlationId != null && correlationId.startsWith(AssemblyBallot.CORRELATION_PREFIX);
    }

    @Override
    public void handle(ReceivedEvent event) {
        JsonNode data = event.data();
        Optional<AssemblyBallot> found = AssemblyBallot.byCorrelation(text(data, "correlationId"))
                .or(() -> AssemblyBallot.byBallotId(text(data, "ballotId")));
        if (found.isEmpty()) {
            return;
        }
        AssemblyBallot ballot = found.get();
        switch (event.type()) {
            case "BallotOpened" -> opened(ballot, data);
            case "BallotRejected" -> rejected(ballot, data);
            case "BallotBoxChunk" -> chunk(ballot, data);
            case "BallotClosed" -> closed(ballot, data);
            default -> {
                return;
            }
        }
        changed.fire(new AssemblyBallotChanged(ballot.cycle.id));
    }

    private void opened(AssemblyBallot ballot, JsonNode data) {
        String ballotId = required(data, "ballotId");
        if (ballot.ballotId == null) {
            ballot.ballotId = ballotId;
        } else if (!ballot.ballotId.equals(ballotId)) {
            LOG.warnf("Ballot %s was already opened as %s; ignoring second ballot %s", ballot.correlationId, ballot.ballotId, ballotId);
        }
    }

    /**
     * A refused request: its reason is kept, and shown on the cycle while this is the electorate's current round. A
     * repeated rejection, one for a ballot voting-service did open, or one for a round already re-requested changes
     * nothing on the cycle.
     */
    private void rejected(AssemblyBallot ballot, JsonNode data) {
        if (ballot.rejectedReason != null || ballot.ballotId != null) {
            return;
        }
        String reason = text(data, "reason");
        ballot.rejectedReason = reason == null || reason.isBlank() ? "voting-service gave no reason" : reason;
        if (AssemblyBallot.current(ballot.cycle).get(ballot.electorate) != ballot) {
            return;
        }
        String line = ballot.electorate + " (" + ballot.correlationId + "): " + ballot.rejectedReason;
        String shown = ballot.cycle.assemblyRejection == null ? line : ballot.cycle.assemblyRejection + " / " + line;
        ballot.cycle.assemblyRejection = shown.length() > 4000 ? shown.substring(0, 4000) : shown;
    }

    private void chunk(AssemblyBallot ballot, JsonNode data) {
        String ballotId = required(data, "ballotId");
        if (ballot.ballotId == null) {
            ballot.ballotId = ballotId;
        }
        JsonNode entries = data.get("entries");
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException("BallotBoxChunk without entries");
        }
        for (JsonNode entry : entries) {
            if (!entry.isArray()) {
                throw new IllegalArgumentException("BallotBoxChunk entry is not an array of keys");
            }
        }
        em.createNativeQuery("insert into ballot_box_chunk (ballot_id, chunk, chunks, entries) values (?1, ?2, ?3, cast(?4 as jsonb)) "
                        + "on conflict do nothing")
                .setParameter(1, ballotId)
                .setParameter(2, data.path("chunk").asInt())
                .setParameter(3, data.path("chunks").asInt())
                .setParameter(4, entries.toString())
                .executeUpdate();
    }

    private void closed(AssemblyBallot ballot, JsonNode data) {
        if (ballot.closedAt != null) {
            return;
        }
        if (ballot.ballotId == null) {
            ballot.ballotId = required(data, "ballotId");
        }
        String closedAt = text(data, "closedAt");
        ballot.closedAt = closedAt == null ? OffsetDateTime.now() : OffsetDateTime.parse(closedAt);
        ballot.voters = data.path("voters").asInt();
        ballot.boxChunks = data.path("boxChunks").asInt();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value;
    }
}
