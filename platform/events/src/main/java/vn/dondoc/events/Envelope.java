package vn.dondoc.events;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An event with its CloudEvents 1.0 attributes. The id is chosen once, when the fact is recorded, so that a
 * re-publication (outbox relay retry, replay) carries the same id and consumers can drop it.
 *
 * @param id          {@code ce_id}: unique per fact, stable across re-publication
 * @param source      {@code ce_source}: the service that recorded the fact, e.g. {@code /dondoc/task-service}
 * @param time        {@code ce_time}
 * @param traceparent W3C trace context, carried from cause to effect
 * @param data        the event itself
 */
public record Envelope<E extends Event>(String id, String source, Instant time, String traceparent, E data) {

    public static final String SPEC_VERSION = "1.0";
    private static final HexFormat HEX = HexFormat.of();

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (traceparent == null || traceparent.isBlank()) {
            traceparent = newTraceparent();
        }
    }

    /** A new fact with a random id and a fresh trace. */
    public static <E extends Event> Envelope<E> of(String source, E data, Clock clock) {
        return new Envelope<>(UUID.randomUUID().toString(), source, clock.instant(), null, data);
    }

    /** A fact caused by {@code cause}: same trace, so the console can follow it end to end. */
    public static <E extends Event> Envelope<E> causedBy(Envelope<?> cause, String id, String source, E data, Clock clock) {
        return new Envelope<>(id, source, clock.instant(), childOf(cause.traceparent()), data);
    }

    /** The record to publish: on the event's topic, keyed by its subject so one task's events stay in order. */
    public org.apache.kafka.clients.producer.ProducerRecord<String, Envelope<?>> toRecord() {
        return new org.apache.kafka.clients.producer.ProducerRecord<>(topic(), subject(), this);
    }

    public EventType type() {
        return EventType.of(data);
    }

    public String subject() {
        return data.subject();
    }

    public String topic() {
        return type().topic();
    }

    /** The trace id part of the traceparent (32 hex digits). */
    public String traceId() {
        return isW3c(traceparent) ? traceparent.substring(3, 35) : traceparent.split("-")[1];
    }

    // HexFormat, not String.format: every event gets one, on the hot paths of every service
    private static String newTraceparent() {
        var random = ThreadLocalRandom.current();
        return "00-" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong()) + "-"
                + HEX.toHexDigits(random.nextLong()) + "-01";
    }

    /** {@code 00-<trace id>-<span id>-<flags>} by length and dashes (the parts' digits are not checked here). */
    private static boolean isW3c(String traceparent) {
        return traceparent.length() == 55 && traceparent.charAt(2) == '-' && traceparent.charAt(35) == '-'
                && traceparent.charAt(52) == '-';
    }

    /**
     * Same trace and flags, new span id. The usual shape ({@code 00-<32 hex>-<16 hex>-<2 hex>}, what every service here
     * writes) is cut by position: the scheduler derives one per reminder sent, and {@code split} showed in its bursts.
     */
    private static String childOf(String parent) {
        if (isW3c(parent)) {
            return parent.substring(0, 36) + HEX.toHexDigits(ThreadLocalRandom.current().nextLong()) + parent.substring(52);
        }
        var parts = parent.split("-");
        if (parts.length != 4) {
            return newTraceparent();
        }
        return parts[0] + "-" + parts[1] + "-" + HEX.toHexDigits(ThreadLocalRandom.current().nextLong()) + "-" + parts[3];
    }
}
