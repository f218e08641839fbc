package vn.dondoc.events;

import static vn.dondoc.events.CloudEventHeaders.text;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;

/**
 * Reads a record back into an {@link Envelope} by its logical {@code ce_type}. Anything it cannot read (no or
 * unknown type, broken JSON) throws {@link SerializationException}; wrapped in Spring's
 * {@code ErrorHandlingDeserializer} that becomes a dead letter instead of a crash loop.
 */
public class CloudEventDeserializer implements Deserializer<Envelope<?>> {

    /**
     * Larger than any event we publish by far (a task's title and output are at most 4,000 characters each, its
     * units at most 150); a bigger record is refused unread, so one oversized record costs no consumer its memory.
     */
    public static final int MAX_EVENT_BYTES = 512 * 1024;

    @Override
    public Envelope<?> deserialize(String topic, byte[] data) {
        throw new SerializationException("CloudEvents attributes travel in headers: use deserialize(topic, headers, data)");
    }

    @Override
    public Envelope<?> deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null; // tombstone on a compacted topic
        }
        String typeName = text(headers, CloudEventHeaders.TYPE);
        if (data.length > MAX_EVENT_BYTES) {
            throw new SerializationException("Oversized " + typeName + " on " + topic + ": " + data.length
                    + " bytes, at most " + MAX_EVENT_BYTES);
        }
        EventType type = EventType.named(typeName)
                .orElseThrow(() -> new SerializationException("Unknown ce_type '" + typeName + "' on " + topic));
        try {
            Event event = EventJson.MAPPER.readValue(data, type.javaType());
            if (event == null) {
                throw new SerializationException("Empty " + typeName + " on " + topic);
            }
            requireComplete(event, typeName, topic);
            return new Envelope<>(required(headers, CloudEventHeaders.ID), required(headers, CloudEventHeaders.SOURCE),
                    Instant.parse(required(headers, CloudEventHeaders.TIME)), text(headers, CloudEventHeaders.TRACEPARENT),
                    event);
        } catch (JacksonException | DateTimeParseException e) {
            throw new SerializationException("Cannot read " + typeName + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every event names its subject and, except the directory's, when its fact happened: JSON of another type (a
     * record whose {@code ce_type} lies) has neither, and is refused here rather than handled as a hollow event.
     * Other missing fields stay allowed, since events only ever gain fields.
     */
    private static void requireComplete(Event event, String typeName, String topic) {
        if (event.subject() == null || event.subject().isBlank()) {
            throw new SerializationException("No subject in " + typeName + " on " + topic);
        }
        for (RecordComponent component : INSTANTS.get(event.getClass())) {
            try {
                if (component.getAccessor().invoke(event) == null) {
                    throw new SerializationException("No " + component.getName() + " in " + typeName + " on " + topic);
                }
            } catch (ReflectiveOperationException e) {
                throw new SerializationException("Cannot check " + typeName, e);
            }
        }
    }

    /** The {@link Instant} components of each event type: when its fact happened. */
    private static final ClassValue<List<RecordComponent>> INSTANTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).filter(c -> c.getType() == Instant.class).toList();
        }
    };

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new SerializationException("Missing CloudEvents header " + name);
        }
        return value;
    }
}
