package vn.dondoc.console.eventlog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.RecordBatch;
import org.bson.Document;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import vn.dondoc.events.CloudEventHeaders;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.Topics;

/**
 * One record of one topic as the log keeps it. Built from the raw bytes, so that records nobody can read are
 * logged too: their data is then the raw text (and {@link #raw()} the exact bytes).
 *
 * @param key      {@code topic/partition/offset}: the record's place in Kafka, unique, so redelivery stores nothing new
 * @param type     the {@code ce_type}; {@value #DEAD_LETTER} for everything on {@link Topics#DEAD_LETTERS}
 * @param time     {@code ce_time}, else the record timestamp; milliseconds, the precision MongoDB keeps
 * @param taskId   the {@code ce_subject} of task-keyed topics (for a dead letter: of its original topic)
 * @param unit     the unit the event is about, or the lead units joined by commas
 * @param units    every unit of {@link #unit()}, for filtering
 * @param headers  every header as text, in order
 * @param data     the JSON data as maps, lists and plain values; the raw text when it is not JSON
 * @param raw       the exact bytes when the data is not JSON, and always for a dead letter (so it can be replayed
 *                  byte for byte); else null
 * @param loggedAt  when the console read it
 * @param recordKey the Kafka record key, or null
 */
public record LoggedEvent(String key, String ceId, String type, Instant time, String taskId, String unit,
                          List<String> units, String topic, int partition, long offset, String traceId,
                          List<Header> headers, Object data, byte[] raw, Instant loggedAt, String recordKey) {

    public static final String DEAD_LETTER = "dead-letter";
    /** The topic a dead letter came from, as Kafka Streams' dead-letter queue names it (KIP-1034). */
    public static final String STREAMS_ORIGINAL_TOPIC = "__streams.errors.topic";

    /** Topics whose {@code ce_subject} is a task id. */
    private static final Set<String> TASK_KEYED = Set.of(Topics.TASKS, Topics.REMINDERS, Topics.NOTIFICATIONS);
    /** Dead-letter headers that Spring Kafka writes as big-endian numbers, not text. */
    private static final Set<String> NUMERIC_HEADERS = Set.of(KafkaHeaders.DLT_ORIGINAL_PARTITION,
            KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
    private static final ObjectReader JSON = EventJson.MAPPER.readerFor(Object.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A header as text; bytes that are not UTF-8 as {@code base64:…}. */
    public record Header(String name, String value) {

        static final String BASE64 = "base64:";

        /** The header's bytes as they were on the record (numbers of Spring's dead-letter headers excepted). */
        public byte[] bytes() {
            if (value == null) {
                return null;
            }
            return value.startsWith(BASE64) ? Base64.getDecoder().decode(value.substring(BASE64.length()))
                    : value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The text of the last header with this name, or null. */
    public String header(String name) {
        String found = null;
        for (Header header : headers) {
            if (header.name().equals(name)) {
                found = header.value();
            }
        }
        return found;
    }

    /** The topic the record was first published to: its own, or for a dead letter the one it failed on. */
    public String originalTopic() {
        if (!Topics.DEAD_LETTERS.equals(topic)) {
            return topic;
        }
        String original = header(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return original != null ? original : header(STREAMS_ORIGINAL_TOPIC);
    }

    public boolean deadLetter() {
        return Topics.DEAD_LETTERS.equals(topic);
    }

    public LoggedEvent {
        units = units == null ? List.of() : List.copyOf(units);
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    static String keyOf(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    static LoggedEvent of(ConsumerRecord<String, byte[]> record, Instant loggedAt) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(header -> headers.add(new Header(header.key(), text(header.key(), header.value()))));
        String ceId = CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID);
        boolean deadLetter = Topics.DEAD_LETTERS.equals(record.topic());
        String type = deadLetter ? DEAD_LETTER : CloudEventHeaders.text(record.headers(), CloudEventHeaders.TYPE);
        // a dead letter is about whatever its original record was about
        String aboutTopic = record.topic();
        if (deadLetter) {
            aboutTopic = CloudEventHeaders.text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC);
            if (aboutTopic == null) {
                aboutTopic = CloudEventHeaders.text(record.headers(), STREAMS_ORIGINAL_TOPIC);
            }
        }

        Object data = null;
        byte[] raw = null;
        if (record.value() != null) {
            try {
                data = record.value().length == 0 ? "" : toBson(JSON.readValue(record.value()));
            } catch (JacksonException notJson) {
                data = new String(record.value(), StandardCharsets.UTF_8);
                raw = record.value();
            }
            if (deadLetter) {
                raw = record.value();
            }
        }

        String taskId = null;
        if (aboutTopic != null && TASK_KEYED.contains(aboutTopic)) {
            taskId = CloudEventHeaders.text(record.headers(), CloudEventHeaders.SUBJECT);
        }
        if (taskId == null && data instanceof Map<?, ?> map && map.get("taskId") instanceof String id) {
            taskId = id;
        }
        List<String> units = unitsOf(data, aboutTopic, record);
        return new LoggedEvent(keyOf(record.topic(), record.partition(), record.offset()), ceId, type,
                timeOf(record, loggedAt), taskId, units.isEmpty() ? null : String.join(",", units), units,
                record.topic(), record.partition(), record.offset(),
                traceIdOf(CloudEventHeaders.text(record.headers(), CloudEventHeaders.TRACEPARENT)), headers, data, raw,
                loggedAt, record.key());
    }

    private static List<String> unitsOf(Object data, String aboutTopic, ConsumerRecord<String, byte[]> record) {
        boolean directory = Topics.UNITS.equals(aboutTopic);
        if (data instanceof Map<?, ?> map) {
            if (map.get("unit") instanceof String unit) {
                return List.of(unit);
            }
            if (directory && map.get("code") instanceof String code) {
                return List.of(code);
            }
            if (map.get("leadUnits") instanceof List<?> leads) {
                return leads.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            }
        }
        if (directory && data == null && record.key() != null) {
            return List.of(record.key()); // a tombstone: the unit left the directory
        }
        return List.of();
    }

    private static Instant timeOf(ConsumerRecord<String, byte[]> record, Instant loggedAt) {
        String ceTime = CloudEventHeaders.text(record.headers(), CloudEventHeaders.TIME);
        Instant time = null;
        if (ceTime != null) {
            try {
                time = OffsetDateTime.parse(ceTime).toInstant();
            } catch (DateTimeParseException unreadable) {
                // fall back to the broker's timestamp
            }
        }
        if (time == null) {
            time = record.timestamp() == RecordBatch.NO_TIMESTAMP ? loggedAt : Instant.ofEpochMilli(record.timestamp());
        }
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The trace id of a W3C traceparent ({@code version-traceid-spanid-flags}). */
    private static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.trim().split("-");
        return parts.length == 4 ? parts[1] : null;
    }

    private static String text(String name, byte[] value) {
        if (value == null) {
            return null;
        }
        if (NUMERIC_HEADERS.contains(name) && (value.length == Integer.BYTES || value.length == Long.BYTES)) {
            var buffer = ByteBuffer.wrap(value);
            return String.valueOf(value.length == Integer.BYTES ? buffer.getInt() : buffer.getLong());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException binary) {
            return Header.BASE64 + Base64.getEncoder().encodeToString(value);
        }
    }

    /** JSON as values MongoDB stores without surprises: documents, lists, strings, numbers, booleans. */
    private static Object toBson(Object json) {
        return switch (json) {
            case Map<?, ?> map -> {
                var document = new Document();
                map.forEach((name, value) -> document.put(String.valueOf(name), toBson(value)));
                yield document;
            }
            case List<?> list -> {
                var values = new ArrayList<>(list.size());
                list.forEach(value -> values.add(toBson(value)));
                yield values;
            }
            case BigInteger big -> big.bitLength() < Long.SIZE ? (Object) big.longValue() : big.toString();
            case BigDecimal decimal -> decimal.doubleValue();
            case null -> null;
            default -> json;
        };
    }
}
