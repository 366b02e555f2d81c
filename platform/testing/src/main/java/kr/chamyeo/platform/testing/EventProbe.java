package kr.chamyeo.platform.testing;

import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import kr.chamyeo.platform.kafka.KafkaBroker;

/**
 * Reads and writes raw records on the test broker, so tests can check exactly what a service published and
 * play the part of another service with its exact messages.
 */
public final class EventProbe {

    private EventProbe() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * Client settings that authenticate to the test broker as {@code principal}: a service's name (then the broker
     * lets it write only that service's topics) or {@link KafkaBroker#ADMIN}, which may write anything — the probe
     * itself, playing any service, and the part of a client that got past the broker's ACLs.
     */
    public static Map<String, Object> clientSettings(String principal) {
        return KafkaBroker.clientProperties(bootstrap(), principal,
                KafkaBroker.ADMIN.equals(principal) ? KafkaBroker.adminPassword() : KafkaBroker.servicePassword());
    }

    /** All record values on {@code topic} (from the beginning) that match, waiting until {@code expected} are seen or the timeout passes. */
    public static List<String> read(String topic, Predicate<String> filter, int expected, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientSettings(KafkaBroker.ADMIN));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && found.size() < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record.value())) {
                        found.add(record.value());
                    }
                }
            }
            // Keep reading briefly so that a duplicate published right after would be seen too.
            Instant settle = Instant.now().plusMillis(500);
            while (Instant.now().isBefore(settle)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (filter.test(record.value())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        Properties props = new Properties();
        props.putAll(clientSettings(KafkaBroker.ADMIN));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send test event to " + topic, e);
        }
    }

    /** A CloudEvents 1.0 structured JSON envelope around {@code dataJson}, as another service would send it. */
    public static String cloudEvent(String id, String source, String type, String subject, String dataJson) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
                + "\",\"subject\":\"" + subject + "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":"
                + dataJson + "}";
    }
}
