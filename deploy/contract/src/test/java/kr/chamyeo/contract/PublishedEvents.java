package kr.chamyeo.contract;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Every event on the broker's topics, read as a partner's consumer reads them — with the official CloudEvents Java
 * SDK's Kafka deserializer — and checked against the AsyncAPI document the gateway serves: its topic is a channel of
 * the document, its type a message of that channel, and the event (envelope and {@code data}) valid against that
 * message's payload schema.
 */
final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://chamyeo.local/asyncapi.json";

    /** What was read: events per type, and every way an event broke the document. */
    record Report(Map<String, Integer> types, int events, List<String> violations) {
    }

    private final JsonNode document;
    private final JsonSchemaFactory schemas;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> payloads = new HashMap<>();

    PublishedEvents(String asyncApiYaml) throws Exception {
        document = new YAMLMapper().readTree(asyncApiYaml);
        String json = JSON.writeValueAsString(document);
        // AsyncAPI's default schema format is a superset of JSON Schema draft 7.
        schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, json))));
    }

    /** Reads every record of the services' topics so far (from the beginning) and checks each. */
    Report check(Map<String, Object> adminClient) {
        Map<String, List<String>> channels = new HashMap<>(); // topic -> message names
        document.path("channels").forEach(channel -> {
            List<String> messages = new ArrayList<>();
            channel.path("messages").forEach(m -> messages.add(m.path("$ref").asText().replaceFirst(".*/", "")));
            channels.put(channel.path("address").asText(), messages);
        });
        Properties properties = new Properties();
        properties.putAll(adminClient);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-events");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        EventFormat structured = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        Map<String, Integer> types = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        int events = 0;
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new CloudEventDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(30)).entrySet()) {
                if (topic.getKey().startsWith("__")) {
                    continue; // the broker's own
                }
                topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    events++;
                    CloudEvent event = record.value();
                    String where = record.topic() + "@" + record.offset() + " " + event.getType();
                    types.merge(event.getType(), 1, Integer::sum);
                    List<String> messages = channels.get(record.topic());
                    if (messages == null) {
                        violations.add(where + ": topic " + record.topic() + " is no channel of the document");
                    } else if (!messages.contains(event.getType())) {
                        violations.add(where + ": " + event.getType() + " is not a message of channel " + record.topic());
                    } else {
                        JsonNode payload = JSON.readTree(new String(structured.serialize(event), StandardCharsets.UTF_8));
                        for (ValidationMessage error : payload(event.getType()).validate(payload)) {
                            violations.add(where + ": " + error.getMessage());
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new Report(types, events, violations);
    }

    private JsonSchema payload(String message) {
        return payloads.computeIfAbsent(message, m -> schemas.getSchema(
                SchemaLocation.of(BASE + "#/components/messages/" + m + "/payload"), config));
    }
}
