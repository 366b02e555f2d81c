package kr.chamyeo.platform.events;

import java.nio.charset.StandardCharsets;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/** CloudEvents 1.0 structured-mode JSON, through the CloudEvents SDK. */
public final class CloudEvents {

    /** Kafka {@code content-type} header value for structured mode. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private CloudEvents() {
    }

    public static String toJson(CloudEvent event) {
        return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
    }

    public static CloudEvent fromJson(byte[] json) {
        return FORMAT.deserialize(json);
    }
}
