package kr.chamyeo.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Moves committed outbox rows to Kafka in insertion order and marks them sent. A dedicated thread runs as
 * soon as a transaction with events commits (and every poll interval, to pick up anything left behind). A transaction-scoped
 * advisory lock lets only one replica relay at a time, so several instances neither reorder nor double-send;
 * a row is marked sent only after the broker acknowledged it (acks=all, idempotent producer). If Kafka is
 * down the batch rolls back and the rows wait for the next tick: nothing committed is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    /** Every {@code kafka.*} setting (bootstrap servers, SASL/TLS for managed Kafka …) as client properties. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "chamyeo.outbox.retention-days", defaultValue = "7")
    int retentionDays;

    @ConfigProperty(name = "chamyeo.outbox.poll-interval", defaultValue = "1s")
    Duration pollInterval;

    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private volatile KafkaProducer<String, byte[]> producer;

    void start(@Observes StartupEvent startup) {
        Gauge.builder("chamyeo.outbox.pending", this, OutboxRelay::countPending)
                .description("Committed events not yet acknowledged by Kafka (outbox lag)")
                .register(registry);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Called after a transaction that wrote outbox rows commits, so events leave at once instead of at the next poll. */
    void wake() {
        wakeups.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == BATCH && running);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Kafka or the database is unreachable; the rows stay unsent and the next round retries.
                LOG.debugf(e, "Outbox relay paused: %s", e.getMessage());
                closeProducer();
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes at most one batch; returns how many rows were sent. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('chamyeo-outbox-relay'))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select seq, topic, event_key, cast(payload as text) from outbox_event "
                                    + "where sent_at is null order by seq limit " + BATCH)
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            KafkaProducer<String, byte[]> kafka = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<Long> seqs = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row[1], (String) row[2],
                        ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", CloudEvents.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                acks.add(kafka.send(record));
                seqs.add(((Number) row[0]).longValue());
            }
            kafka.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            em.createNativeQuery("update outbox_event set sent_at = now() where seq = any(cast(?1 as bigint[]))")
                    .setParameter(1, seqs.toArray(new Long[0]))
                    .executeUpdate();
            return rows.size();
        });
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-cleanup")
    void purgeSent() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from outbox_event where sent_at < now() - make_interval(days => ?1)")
                .setParameter(1, retentionDays)
                .executeUpdate());
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.putAll(kafkaConfig);
                    props.remove("group.id");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                current = producer;
            }
        }
        return current;
    }

    /** Outbox lag read from the table, so every replica reports it, not only the one relaying. */
    double countPending() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from outbox_event where sent_at is null").getSingleResult()).doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }
}
