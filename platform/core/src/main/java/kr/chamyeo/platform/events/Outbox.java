package kr.chamyeo.platform.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

/**
 * Transactional outbox: an event is written in the same database transaction as the change it announces,
 * so it exists if and only if that transaction commits. {@link OutboxRelay} later moves committed rows to
 * Kafka. Callers must already be inside a transaction.
 */
@ApplicationScoped
public class Outbox {

    private static final Object RELAY_WOKEN = new Object();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Records an event for {@code topic}. {@code key} (usually the aggregate id) keeps one aggregate's events
     * in order on one partition; it is also the CloudEvents {@code subject}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String key, Object data) {
        return publishAll(topic, type, key, List.of(data)).get(0);
    }

    /**
     * Records several events of one type and key, in this order, with one statement: a ballot's closing
     * publishes its whole box, a thousand events per million votes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(String topic, String type, String key, List<?> data) {
        UUID[] ids = new UUID[data.size()];
        String[] payloads = new String[data.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID();
            payloads[i] = CloudEvents.toJson(event(ids[i], type, key, data.get(i)));
        }
        em.createNativeQuery("insert into outbox_event (event_id, topic, event_key, event_type, payload) "
                        + "select id, ?2, ?3, ?4, cast(payload as json) "
                        + "from unnest(cast(?1 as uuid[]), cast(?5 as text[])) with ordinality as e(id, payload, n) order by n")
                .setParameter(1, ids)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, payloads)
                .executeUpdate();
        wakeRelayOnCommit();
        return List.of(ids);
    }

    /** One wake-up per transaction, however many events it publishes. */
    private void wakeRelayOnCommit() {
        if (transactions.getResource(RELAY_WOKEN) != null) {
            return;
        }
        transactions.putResource(RELAY_WOKEN, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private CloudEvent event(UUID id, String type, String key, Object data) {
        try {
            return CloudEventBuilder.v1()
                    .withId(id.toString())
                    .withSource(URI.create("/chamyeo/" + application))
                    .withType(type)
                    .withSubject(key)
                    .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(mapper.writeValueAsBytes(data))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + type + " is not serialisable", e);
        }
    }
}
