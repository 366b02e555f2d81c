package kr.chamyeo.platform.events;

import java.time.Duration;
import java.time.OffsetDateTime;
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
 * crash re-delivers rather than loses. An event whose handler keeps rejecting it is recorded as REJECTED
 * (with the reason) instead of blocking the partition; a database outage is waited out.
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
                    deliver(record, byTopic.getOrDefault(record.topic(), List.of()));
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

    private void deliver(ConsumerRecord<String, byte[]> record, List<EventHandler> topicHandlers) {
        ReceivedEvent event;
        try {
            CloudEvent cloudEvent = CloudEvents.fromJson(record.value());
            JsonNode data = cloudEvent.getData() == null ? mapper.nullNode() : mapper.readTree(cloudEvent.getData().toBytes());
            event = new ReceivedEvent(record.topic(), cloudEvent.getId(), String.valueOf(cloudEvent.getSource()),
                    cloudEvent.getType(), cloudEvent.getSubject(), cloudEvent.getTime(), data, mapper);
        } catch (Exception e) {
            String id = record.topic() + "-" + record.partition() + "-" + record.offset();
            LOG.warnf("Unreadable event %s: %s", id, e.getMessage());
            recordRejected(id, "unreadable", "?", e.getMessage());
            return;
        }
        List<EventHandler> concerned = topicHandlers.stream().filter(handler -> handler.concerns(event)).toList();
        if (concerned.isEmpty()) {
            registry.counter("chamyeo.events.consumed", "topic", event.topic(), "outcome", "not-concerned").increment();
            return;
        }
        int failures = 0;
        while (running) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> apply(event, concerned));
                registry.counter("chamyeo.events.consumed", "topic", event.topic(), "outcome", applied ? "applied" : "duplicate")
                        .increment();
                return;
            } catch (RuntimeException e) {
                if (DatabaseFailures.isUnreachable(e)) {
                    pause(1000);
                    continue;
                }
                if (++failures >= ATTEMPTS) {
                    LOG.warnf(e, "Event %s (%s) rejected after %d attempts", event.id(), event.type(), failures);
                    recordRejected(event.id(), event.type(), event.source(), rootMessage(e));
                    registry.counter("chamyeo.events.consumed", "topic", event.topic(), "outcome", "rejected").increment();
                    return;
                }
                pause(200L * failures);
            }
        }
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

    private void recordRejected(String id, String type, String source, String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "insert into processed_event (consumer, event_id, event_type, source, outcome, detail, processed_at) "
                                    + "values (?1, ?2, ?3, ?4, 'REJECTED', ?5, ?6) on conflict do nothing")
                    .setParameter(1, group)
                    .setParameter(2, id)
                    .setParameter(3, type)
                    .setParameter(4, source)
                    .setParameter(5, reason == null ? "" : reason.substring(0, Math.min(reason.length(), 2000)))
                    .setParameter(6, OffsetDateTime.now())
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record rejected event %s", id);
        }
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
