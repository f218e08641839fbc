package vn.dondoc.task.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.EventType;

/**
 * One event waiting in a document's {@code outbox} array: the envelope as it will be published. The data is
 * kept as the JSON that goes on the wire, so what is stored is exactly what is sent, whatever the event's type.
 */
record OutboxEntry(String id, String type, String source, Instant time, String traceparent, String topic, String key,
                   String data) {

    static final String ID = "id";

    static OutboxEntry of(Envelope<?> envelope) {
        return new OutboxEntry(envelope.id(), envelope.type().logicalName(), envelope.source(), envelope.time(),
                envelope.traceparent(), envelope.topic(), envelope.subject(),
                EventJson.MAPPER.writeValueAsString(envelope.data()));
    }

    static OutboxEntry from(Document document) {
        return new OutboxEntry(document.getString(ID), document.getString("type"), document.getString("source"),
                document.getDate("time").toInstant(), document.getString("traceparent"), document.getString("topic"),
                document.getString("key"), document.getString("data"));
    }

    Document toDocument() {
        return new Document(ID, id).append("type", type).append("source", source).append("time", Date.from(time))
                .append("traceparent", traceparent).append("topic", topic).append("key", key).append("data", data);
    }

    Envelope<?> toEnvelope() {
        Class<? extends Event> javaType = EventType.named(type)
                .orElseThrow(() -> new IllegalStateException("Unknown event type in outbox: " + type))
                .javaType();
        return new Envelope<>(id, source, time, traceparent, EventJson.MAPPER.readValue(data, javaType));
    }
}
