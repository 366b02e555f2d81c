package kr.chamyeo.e2e.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the stack's topics as the services' consumers would (from the beginning, every partition) and plays
 * another service's part by sending CloudEvents, so the end-to-end tests can count what was published.
 */
public final class Events {

    private final String bootstrap;

    public Events(Stack stack) {
        this.bootstrap = stack.kafkaBootstrap();
    }

    public record Event(String id, String type, String subject, JsonNode data, String key) {
    }

    /** Every CloudEvent on the topic so far (waits until {@code until} holds or the timeout passes). */
    public List<Event> read(String topic, Predicate<List<Event>> until, Duration timeout) {
        Properties p = new Properties();
        p.putAll(authenticated());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Event> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
                if (partitions.isEmpty()) {
                    sleep(500);
                }
            }
            if (partitions.isEmpty()) {
                return out;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        JsonNode e = OpenApi.JSON.readTree(r.value());
                        out.add(new Event(e.path("id").asText(), e.path("type").asText(), e.path("subject").asText(null),
                                e.path("data"), r.key()));
                    } catch (Exception ex) {
                        out.add(new Event(null, "unreadable", null, null, r.key()));
                    }
                }
                if (until.test(out)) {
                    break;
                }
            }
        }
        return out;
    }

    /** Sends a CloudEvent as another service would (structured mode, JSON). */
    public void send(String topic, String key, String id, String source, String type, JsonNode data) {
        Properties p = new Properties();
        p.putAll(authenticated());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        ObjectNode event = OpenApi.JSON.createObjectNode();
        event.put("specversion", "1.0").put("id", id).put("source", source).put("type", type).put("subject", key)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json").set("data", data);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, event.toString());
            record.headers().add("content-type", "application/cloudevents+json".getBytes());
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + type + " to " + topic, e);
        }
    }

    /**
     * The stack's broker takes only authenticated clients (issue 23); the tests read and play any service as its super
     * user (platform/kafka-broker KafkaBroker: SASL/PLAIN, CHAMYEO_KAFKA_ADMIN_PASSWORD or the local default).
     */
    private Properties authenticated() {
        String password = System.getenv().getOrDefault("CHAMYEO_KAFKA_ADMIN_PASSWORD", "chamyeo-admin");
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                + password + "\";");
        return p;
    }

    public static Map<String, Long> countBy(List<Event> events, java.util.function.Function<Event, String> key) {
        return events.stream().collect(java.util.stream.Collectors.groupingBy(key, java.util.stream.Collectors.counting()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
