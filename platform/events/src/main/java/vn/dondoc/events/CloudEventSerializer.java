package vn.dondoc.events;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * Writes an {@link Envelope} as CloudEvents headers plus the event as JSON.
 * <p>
 * Every service sends its events through here, the scheduler once per due reminder: so the attributes that never
 * change (each type's name, the spec version, the content type) are encoded once, a record's headers are only
 * searched for an earlier value when it has any, and a {@link ReminderDue} is written by {@link ReminderDueJson}
 * (the same bytes as Jackson's).
 */
public class CloudEventSerializer implements Serializer<Envelope<?>> {

    private static final byte[] SPEC_VERSION = utf8(Envelope.SPEC_VERSION);
    private static final byte[] CONTENT_TYPE = utf8("application/json");
    private static final Map<EventType, byte[]> TYPE_NAMES = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            TYPE_NAMES.put(type, utf8(type.logicalName()));
        }
    }

    @Override
    public byte[] serialize(String topic, Envelope<?> envelope) {
        throw new UnsupportedOperationException("CloudEvents attributes travel in headers: use serialize(topic, headers, envelope)");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Envelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        EventType type = envelope.type();
        // a header given twice would be read by its last value anyway; replaced so that it is there once
        boolean replace = headers.iterator().hasNext();
        put(headers, replace, CloudEventHeaders.ID, utf8(envelope.id()));
        put(headers, replace, CloudEventHeaders.TYPE, TYPE_NAMES.get(type));
        put(headers, replace, CloudEventHeaders.SOURCE, utf8(envelope.source()));
        put(headers, replace, CloudEventHeaders.TIME, utf8(envelope.time().toString()));
        put(headers, replace, CloudEventHeaders.SUBJECT, utf8(envelope.subject()));
        put(headers, replace, CloudEventHeaders.SPEC_VERSION, SPEC_VERSION);
        put(headers, replace, CloudEventHeaders.CONTENT_TYPE, CONTENT_TYPE);
        put(headers, replace, CloudEventHeaders.TRACEPARENT, utf8(envelope.traceparent()));
        if (envelope.data() instanceof ReminderDue due) {
            byte[] json = ReminderDueJson.write(due);
            if (json != null) {
                return json;
            }
        }
        try {
            return EventJson.MAPPER.writeValueAsBytes(envelope.data());
        } catch (JacksonException e) {
            throw new SerializationException("Cannot write " + type.logicalName() + " as JSON", e);
        }
    }

    /** The shared constant arrays are only ever read: by the producer, which copies them into the record batch. */
    private static void put(Headers headers, boolean replace, String name, byte[] value) {
        if (replace) {
            headers.remove(name);
        }
        headers.add(name, value);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
