package vn.dondoc.events;

import static vn.dondoc.events.CloudEventHeaders.text;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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
        EventType type = EventType.named(typeName)
                .orElseThrow(() -> new SerializationException("Unknown ce_type '" + typeName + "' on " + topic));
        try {
            Event event = EventJson.MAPPER.readValue(data, type.javaType());
            if (event == null) {
                throw new SerializationException("Empty " + typeName + " on " + topic);
            }
            return new Envelope<>(required(headers, CloudEventHeaders.ID), required(headers, CloudEventHeaders.SOURCE),
                    Instant.parse(required(headers, CloudEventHeaders.TIME)), text(headers, CloudEventHeaders.TRACEPARENT),
                    event);
        } catch (JacksonException | DateTimeParseException e) {
            throw new SerializationException("Cannot read " + typeName + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new SerializationException("Missing CloudEvents header " + name);
        }
        return value;
    }
}
