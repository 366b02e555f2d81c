package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.budget.assembly.BallotEvents.BallotBoxChunk;
import kr.chamyeo.budget.assembly.BallotEvents.BallotClosed;
import kr.chamyeo.budget.assembly.BallotEvents.BallotOpened;
import kr.chamyeo.budget.assembly.BallotEvents.BallotRef;
import kr.chamyeo.budget.assembly.BallotEvents.BallotRejected;
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

    @Inject
    ObjectMapper mapper;

    @Override
    public String topic() {
        return "voting.ballots";
    }

    @Override
    public boolean concerns(ReceivedEvent event) {
        String correlationId = event.dataAs(BallotRef.class).correlationId();
        return correlationId != null && correlationId.startsWith(AssemblyBallot.CORRELATION_PREFIX);
    }

    @Override
    public void handle(ReceivedEvent event) {
        BallotRef ref = event.dataAs(BallotRef.class);
        Optional<AssemblyBallot> found = AssemblyBallot.byCorrelation(ref.correlationId())
                .or(() -> AssemblyBallot.byBallotId(ref.ballotId()));
        if (found.isEmpty()) {
            return;
        }
        AssemblyBallot ballot = found.get();
        switch (event.type()) {
            case "BallotOpened" -> opened(ballot, event.dataAs(BallotOpened.class));
            case "BallotRejected" -> rejected(ballot, event.dataAs(BallotRejected.class));
            case "BallotBoxChunk" -> chunk(ballot, event.dataAs(BallotBoxChunk.class));
            case "BallotClosed" -> closed(ballot, event.dataAs(BallotClosed.class));
            default -> {
                return;
            }
        }
        changed.fire(new AssemblyBallotChanged(ballot.cycle.id));
    }

    private void opened(AssemblyBallot ballot, BallotOpened data) {
        String ballotId = required(data.ballotId(), "ballotId");
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
    private void rejected(AssemblyBallot ballot, BallotRejected data) {
        if (ballot.rejectedReason != null || ballot.ballotId != null) {
            return;
        }
        String reason = data.reason();
        ballot.rejectedReason = reason == null || reason.isBlank() ? "voting-service gave no reason" : reason;
        if (AssemblyBallot.current(ballot.cycle).get(ballot.electorate) != ballot) {
            return;
        }
        String line = ballot.electorate + " (" + ballot.correlationId + "): " + ballot.rejectedReason;
        String shown = ballot.cycle.assemblyRejection == null ? line : ballot.cycle.assemblyRejection + " / " + line;
        ballot.cycle.assemblyRejection = shown.length() > 4000 ? shown.substring(0, 4000) : shown;
    }

    private void chunk(AssemblyBallot ballot, BallotBoxChunk data) {
        String ballotId = required(data.ballotId(), "ballotId");
        if (ballot.ballotId == null) {
            ballot.ballotId = ballotId;
        }
        if (data.entries() == null || data.entries().contains(null)) {
            throw new IllegalArgumentException("BallotBoxChunk without entries, or an entry that is not an array of keys");
        }
        em.createNativeQuery("insert into ballot_box_chunk (ballot_id, chunk, chunks, entries) values (?1, ?2, ?3, cast(?4 as jsonb)) "
                        + "on conflict do nothing")
                .setParameter(1, ballotId)
                .setParameter(2, data.chunk())
                .setParameter(3, data.chunks())
                .setParameter(4, json(data.entries()))
                .executeUpdate();
    }

    private void closed(AssemblyBallot ballot, BallotClosed data) {
        if (ballot.closedAt != null) {
            return;
        }
        if (ballot.ballotId == null) {
            ballot.ballotId = required(data.ballotId(), "ballotId");
        }
        ballot.closedAt = data.closedAt() == null ? OffsetDateTime.now() : data.closedAt().atOffset(ZoneOffset.UTC);
        ballot.voters = data.voters();
        ballot.boxChunks = data.boxChunks();
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
