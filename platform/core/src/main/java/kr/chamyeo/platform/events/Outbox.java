package kr.chamyeo.platform.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        UUID id = UUID.randomUUID();
        CloudEvent event;
        try {
            event = CloudEventBuilder.v1()
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
        em.createNativeQuery("insert into outbox_event (event_id, topic, event_key, event_type, payload) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as json))")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, CloudEvents.toJson(event))
                .executeUpdate();
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
        return id;
    }
}
