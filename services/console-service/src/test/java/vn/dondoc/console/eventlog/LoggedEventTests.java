package vn.dondoc.console.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitRegistered;

class LoggedEventTests {

    private static final Instant NOW = Instant.parse("2026-11-24T03:05:00Z");

    @Test
    void readsTheCloudEventsAttributes() {
        var envelope = new Envelope<>("e-1", "/dondoc/task-service", Instant.parse("2026-11-24T03:04:59.123456Z"),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", new TaskCompleted("T-1", NOW, true));
        var headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(Topics.TASKS, headers, envelope);

        var event = LoggedEvent.of(record(Topics.TASKS, "T-1", value, headers), NOW);

        assertThat(event.key()).isEqualTo("tasks.events/2/7");
        assertThat(event.ceId()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("task.completed");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-24T03:04:59.123Z"));
        assertThat(event.taskId()).isEqualTo("T-1");
        assertThat(event.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(event.data()).asInstanceOf(InstanceOfAssertFactories.MAP).containsExactlyInAnyOrderEntriesOf(Map.of("taskId", "T-1", "completedAt", "2026-11-24T03:05:00Z", "onTime", true));
        assertThat(event.headers()).extracting(LoggedEvent.Header::name).contains("ce_id", "ce_type", "ce_source", "traceparent");
        assertThat(event.raw()).isNull();
    }

    @Test
    void namesTheUnitOfADirectoryEntryByItsCode() {
        var envelope = new Envelope<>("e-2", "/dondoc/task-service", NOW, null,
                new UnitRegistered("NVY", "Phòng Nghiệp vụ Y", List.of(), null, "BGD", List.of(), List.of(), true));
        var headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(Topics.UNITS, headers, envelope);

        var event = LoggedEvent.of(record(Topics.UNITS, "NVY", value, headers), NOW);

        assertThat(event.unit()).isEqualTo("NVY");
        assertThat(event.taskId()).as("units are not tasks").isNull();
    }

    @Test
    void keepsUnreadableDataAsTextAndFallsBackToTheRecordTime() {
        byte[] value = "{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8);

        var event = LoggedEvent.of(record(Topics.TASKS, null, value, new RecordHeaders()), NOW);

        assertThat(event.data()).isEqualTo("{\"a\":1} trailing");
        assertThat(event.raw()).isEqualTo(value);
        assertThat(event.type()).isNull();
        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(1_000));
    }

    @Test
    void keepsLargeNumbersReadable() {
        byte[] value = "{\"big\":123456789012345678901234567890,\"small\":7,\"ratio\":0.5}".getBytes(StandardCharsets.UTF_8);

        var event = LoggedEvent.of(record(Topics.NOTIFICATIONS, "T-2", value, new RecordHeaders()), NOW);

        assertThat(event.data()).asInstanceOf(InstanceOfAssertFactories.MAP).containsExactlyInAnyOrderEntriesOf(Map.of("big", "123456789012345678901234567890", "small", 7, "ratio", 0.5));
    }

    @Test
    void readsTheOriginOfAKafkaStreamsDeadLetterAndKeepsItsBytes() {
        var envelope = new Envelope<>("e-3", "/dondoc/task-service", NOW, null, new TaskCompleted("T-3", NOW, false));
        var headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(Topics.TASKS, headers, envelope);
        headers.add("__streams.errors.topic", Topics.TASKS.getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.message", "boom".getBytes(StandardCharsets.UTF_8));

        var event = LoggedEvent.of(record(Topics.DEAD_LETTERS, "T-3", value, headers), NOW);

        assertThat(event.deadLetter()).isTrue();
        assertThat(event.originalTopic()).isEqualTo(Topics.TASKS);
        assertThat(event.taskId()).isEqualTo("T-3");
        assertThat(event.recordKey()).isEqualTo("T-3");
        assertThat(event.raw()).as("kept byte for byte, for replay").isEqualTo(value);
        assertThat(Wording.summary(event)).isEqualTo("Không xử lý được bản ghi của tasks.events: boom");
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, byte[] value, Headers headers) {
        return new ConsumerRecord<>(topic, 2, 7, 1_000, TimestampType.CREATE_TIME, -1, value.length, key, value, headers,
                Optional.empty());
    }
}
