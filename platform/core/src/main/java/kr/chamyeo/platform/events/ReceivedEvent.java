package kr.chamyeo.platform.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A CloudEvent taken from Kafka, with its JSON data. */
public record ReceivedEvent(String topic, String id, String source, String type, String subject,
                            OffsetDateTime time, JsonNode data, ObjectMapper mapper) {

    public <T> T dataAs(Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("Data of event " + id + " (" + this.type + ") is not a " + type.getSimpleName(), e);
        }
    }
}
