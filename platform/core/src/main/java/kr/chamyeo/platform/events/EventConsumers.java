package kr.chamyeo.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import kr.chamyeo.platform.problem.DatabaseFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Feeds Kafka records to the service's {@link EventHandler}s, idempotently: the event id is inserted into
 * {@code processed_event} in the same transaction as the handler's effect, so a redelivered or duplicated
 * event finds its id there and changes nothing. Offsets are committed only after the transaction, so a
 * crash re-delivers rather than loses. An event that cannot be applied — unreadable, from a source that does not
 * publish its topic ({@link EventHandler#producers}), or failing {@value #ATTEMPTS} times — is parked whole in
 * {@code dead_letter_event} with the reason before its offset is committed, instead of blocking the partition, and
 * can be replayed ({@link #replay}); a database outage is waited out.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final int ATTEMPTS = 3;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "quarkus.application.name")
    String group;

    @ConfigProperty(name = "chamyeo.events.consume", defaultValue = "true")
    boolean enabled;

    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        Map<String, List<EventHandler>> byTopic = handlers.stream().collect(Collectors.groupingBy(EventHandler::topic));
        if (!enabled || byTopic.isEmpty()) {
            return;
        }
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(new ArrayList<>(byTopic.keySet()));
        running = true;
        worker = new Thread(() -> loop(byTopic), group + "-event-consumer");
        worker.setDaemon(true);
        worker.start();
        LOG.infof("Consuming %s as group %s", byTopic.keySet(), group);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop(Map<String, List<EventHandler>> byTopic) {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!deliver(record, byTopic.getOrDefault(record.topic(), List.of()))) {
                        // Shutting down with this event neither applied nor parked: its offset must not be committed.
                        return;
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "Event consumer of %s stopped", group);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Applies or parks one record; false only when shutdown came first. */
    private boolean deliver(ConsumerRecord<String, byte[]> record, List<EventHandler> topicHandlers) {
        ReceivedEvent event;
        try {
            event = read(record.topic(), record.value());
        } catch (Exception e) {
            LOG.warnf("Unreadable event at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return park(record, null, "unreadable: " + e.getMessage());
        }
        String refused = refusal(event, topicHandlers);
        if (refused != null) {
            LOG.warnf("Event %s (%s) refused: %s", event.id(), event.type(), refused);
            return park(record, event, refused);
        }
        List<EventHandler> concerned = topicHandlers.stream().filter(handler -> handler.concerns(event)).toList();
        if (concerned.isEmpty()) {
            registry.counter("chamyeo.events.consumed", "topic", event.topic(), "outcome", "not-concerned").increment();
            return true;
        }
        int failures = 0;
        while (running) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> apply(event, concerned));
                registry.counter("chamyeo.events.consumed", "topic", event.topic(), "outcome", applied ? "applied" : "duplicate")
                        .increment();
                return true;
            } catch (RuntimeException e) {
                if (DatabaseFailures.isUnreachable(e)) {
                    pause(1000);
                    continue;
                }
                if (++failures >= ATTEMPTS) {
                    LOG.warnf(e, "Event %s (%s) parked after %d attempts", event.id(), event.type(), failures);
                    return park(record, event, rootMessage(e));
                }
                pause(200L * failures);
            }
        }
        return false;
    }

    private ReceivedEvent read(String topic, byte[] payload) throws java.io.IOException {
        CloudEvent cloudEvent = CloudEvents.fromJson(payload);
        JsonNode data = cloudEvent.getData() == null ? mapper.nullNode() : mapper.readTree(cloudEvent.getData().toBytes());
        return new ReceivedEvent(topic, cloudEvent.getId(), String.valueOf(cloudEvent.getSource()),
                cloudEvent.getType(), cloudEvent.getSubject(), cloudEvent.getTime(), data, mapper);
    }

    /** Why an event is not to be applied at all: a source that does not publish the topic; null if it may be. */
    private static String refusal(ReceivedEvent event, List<EventHandler> topicHandlers) {
        for (EventHandler handler : topicHandlers) {
            if (!handler.producers().contains(event.source())) {
                return "source " + event.source() + " does not publish " + event.topic() + " (its producers: "
                        + handler.producers() + ")";
            }
        }
        return null;
    }

    private boolean apply(ReceivedEvent event, List<EventHandler> topicHandlers) {
        int fresh = em.createNativeQuery("insert into processed_event (consumer, event_id, event_type, source, outcome) "
                        + "values (?1, ?2, ?3, ?4, 'APPLIED') on conflict do nothing")
                .setParameter(1, group)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.source())
                .executeUpdate();
        if (fresh == 0) {
            return false;
        }
        for (EventHandler handler : topicHandlers) {
            handler.handle(event);
        }
        return true;
    }

    /**
     * Keeps the whole record in {@code dead_letter_event} with the reason, so it can be examined and replayed; tried
     * until it is stored (a database outage is waited out), since committing past an event that is stored nowhere
     * would lose it. False only when shutdown came first.
     */
    private boolean park(ConsumerRecord<String, byte[]> record, ReceivedEvent event, String reason) {
        while (running) {
            try {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into dead_letter_event (consumer, topic, "
                                + "kafka_partition, kafka_offset, event_id, event_type, source, reason, payload) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                        .setParameter(1, group)
                        .setParameter(2, record.topic())
                        .setParameter(3, record.partition())
                        .setParameter(4, record.offset())
                        .setParameter(5, event == null ? null : event.id())
                        .setParameter(6, event == null ? null : event.type())
                        .setParameter(7, event == null ? null : event.source())
                        .setParameter(8, reason == null ? "" : reason.substring(0, Math.min(reason.length(), 2000)))
                        .setParameter(9, record.value() == null ? new byte[0] : record.value())
                        .executeUpdate());
                registry.counter("chamyeo.events.consumed", "topic", record.topic(), "outcome", "parked").increment();
                return true;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not park event at %s-%d@%d; retrying", record.topic(), record.partition(), record.offset());
                pause(1000);
            }
        }
        return false;
    }

    /**
     * Applies a parked event again, with the same checks and the same idempotency as on first delivery, and marks it
     * replayed. Throws {@link IllegalStateException} with the reason when it still cannot be applied; it stays parked.
     */
    public void replay(long id) {
        // One transaction from the lookup to the mark: a replay that is refused (no such event, still unreadable, still
        // failing) commits nothing, so the audit trail, which rides on a request's committed transaction, records
        // only replays that happened.
        String topic = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select topic, payload from dead_letter_event "
                    + "where id = ?1 and consumer = ?2 and replayed_at is null for update").setParameter(1, id).setParameter(2, group)
                    .getResultList();
            if (rows.isEmpty()) {
                throw new java.util.NoSuchElementException("No parked event " + id + " waits for " + group);
            }
            String found = (String) rows.get(0)[0];
            List<EventHandler> topicHandlers = handlers.stream().filter(handler -> handler.topic().equals(found)).toList();
            ReceivedEvent event;
            try {
                event = read(found, (byte[]) rows.get(0)[1]);
            } catch (Exception e) {
                throw new IllegalStateException("still unreadable: " + e.getMessage(), e);
            }
            String refused = refusal(event, topicHandlers);
            if (refused != null) {
                throw new IllegalStateException(refused);
            }
            List<EventHandler> concerned = topicHandlers.stream().filter(handler -> handler.concerns(event)).toList();
            try {
                if (!concerned.isEmpty()) {
                    apply(event, concerned);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(rootMessage(e), e);
            }
            em.createNativeQuery("update dead_letter_event set replayed_at = now() where id = ?1").setParameter(1, id).executeUpdate();
            return found;
        });
        registry.counter("chamyeo.events.consumed", "topic", topic, "outcome", "replayed").increment();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
