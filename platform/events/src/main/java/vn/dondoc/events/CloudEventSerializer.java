package vn.dondoc.events;

import static vn.dondoc.events.CloudEventHeaders.put;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/** Writes an {@link Envelope} as CloudEvents headers plus the event as JSON. */
public class CloudEventSerializer implements Serializer<Envelope<?>> {

    @Override
    public byte[] serialize(String topic, Envelope<?> envelope) {
        throw new UnsupportedOperationException("CloudEvents attributes travel in headers: use serialize(topic, headers, envelope)");
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Envelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        put(headers, CloudEventHeaders.ID, envelope.id());
        put(headers, CloudEventHeaders.TYPE, envelope.type().logicalName());
        put(headers, CloudEventHeaders.SOURCE, envelope.source());
        put(headers, CloudEventHeaders.TIME, envelope.time().toString());
        put(headers, CloudEventHeaders.SUBJECT, envelope.subject());
        put(headers, CloudEventHeaders.SPEC_VERSION, Envelope.SPEC_VERSION);
        put(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        put(headers, CloudEventHeaders.TRACEPARENT, envelope.traceparent());
        try {
            return EventJson.MAPPER.writeValueAsBytes(envelope.data());
        } catch (JacksonException e) {
            throw new SerializationException("Cannot write " + envelope.type().logicalName() + " as JSON", e);
        }
    }
}
