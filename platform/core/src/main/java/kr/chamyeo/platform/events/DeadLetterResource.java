package kr.chamyeo.platform.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.problem.Problem;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Roles;

/** Events this service parked instead of applying ({@link EventConsumers}): for city administrators to examine and replay. */
@Path("/events/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events (이벤트)")
public class DeadLetterResource {

    @Schema(name = "DeadLetter", description = "An event parked unapplied, with the reason")
    public record DeadLetter(long id, String topic, int partition, long offset,
                             @Schema(description = "CloudEvents id; null when unreadable") String eventId,
                             String eventType, String source,
                             @Schema(example = "source /chamyeo/test does not publish voting.ballots (its producers: [/chamyeo/voting-service])") String reason,
                             OffsetDateTime parkedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    EventConsumers consumers;

    @GET
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(summary = "Parked events waiting for replay (미처리 이벤트)", description = "Oldest first, at most 500.")
    @APIResponse(responseCode = "200", description = "Parked events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetter.class,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<DeadLetter> waiting() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, topic, kafka_partition, kafka_offset, event_id, event_type, source, "
                + "reason, parked_at from dead_letter_event where replayed_at is null order by id").setMaxResults(500).getResultList();
        return rows.stream().map(r -> new DeadLetter(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).longValue(), (String) r[4], (String) r[5], (String) r[6], (String) r[7], parkedAt(r[8]))).toList();
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Replay a parked event (이벤트 재처리)",
            description = "Applies the event again with the same checks (its source must publish the topic) and the same "
                    + "idempotency as on first delivery; an event already applied changes nothing. It stays parked if it "
                    + "still cannot be applied.")
    @APIResponse(responseCode = "204", description = "Applied (or found already applied) and no longer waiting")
    @APIResponse(responseCode = "404", description = "No such parked event waits", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still cannot be applied; the detail says why", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void replay(@PathParam("id") long id) {
        try {
            consumers.replay(id);
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound("Parked event", id);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("event-not-applied", "Parked event " + id + " still cannot be applied: " + e.getMessage());
        }
    }

    private static OffsetDateTime parkedAt(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
