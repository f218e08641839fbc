package vn.dondoc.console.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dondoc.console.ConsoleTest;
import vn.dondoc.events.Channel;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.TaskAcknowledged;

@ConsoleTest
class EventLogQueryTests {

    private static final int PAGE = 2;

    @Autowired
    EventLog log;
    @Autowired
    EventLogRetention retention;

    @Test
    void pagesNewestFirstWithoutLosingEntriesOfTheSameMillisecond() {
        String taskId = "T-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<LoggedEvent> stored = log.append(List.of(
                entry(acknowledged(taskId, "NVY"), t0),
                entry(acknowledged(taskId, "NVD"), t0.plusSeconds(1)),
                entry(acknowledged(taskId, "KHTH"), t0.plusSeconds(1)), // same millisecond as the one before
                entry(acknowledged(taskId, "TCCB"), t0.plusSeconds(1)),
                entry(sent(taskId, "NVY"), t0.plusSeconds(2))));
        assertThat(stored).hasSize(5);

        List<String> seen = new ArrayList<>();
        EventLog.Cursor cursor = null;
        int pages = 0;
        do {
            EventLog.Page page = log.page(new EventQuery(taskId, null, null, null, PAGE), cursor);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(PAGE);
            page.entries().forEach(entry -> seen.add(entry.unit() + "@" + entry.time()));
            cursor = page.next();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().hasSize(5);
        assertThat(seen.getFirst()).isEqualTo("NVY@" + t0.plusSeconds(2));
        assertThat(seen.getLast()).isEqualTo("NVY@" + t0);
        assertThat(seen.subList(1, 4)).containsExactlyInAnyOrder("NVD@" + t0.plusSeconds(1), "KHTH@" + t0.plusSeconds(1),
                "TCCB@" + t0.plusSeconds(1));
    }

    @Test
    void filtersByTaskUnitTypeAndTimeRange() {
        String taskId = "T-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log.append(List.of(
                entry(acknowledged(taskId, "NVY"), t0),
                entry(sent(taskId, "NVY"), t0.plusSeconds(60)),
                entry(sent(taskId, "NVD"), t0.plusSeconds(120)),
                entry(sent("T-" + UUID.randomUUID(), "NVY"), t0.plusSeconds(60))));

        assertThat(units(new EventQuery(taskId, null, null, null, 10))).containsExactly("NVD", "NVY", "NVY");
        assertThat(units(new EventQuery(taskId, null, "NVY", null, 10))).containsExactly("NVY", "NVY");
        assertThat(units(new EventQuery(taskId, "notification.sent", null, null, 10))).containsExactly("NVD", "NVY");
        assertThat(units(new EventQuery(taskId, "notification.sent", "NVY", null, 10))).containsExactly("NVY");
        assertThat(units(new EventQuery(taskId, null, null, t0, t0.plusSeconds(120), 10)))
                .as("after and before are both exclusive").containsExactly("NVY");
        assertThat(log.page(new EventQuery(taskId, null, null, null, t0.plusSeconds(61), 10), null).entries())
                .extracting(LoggedEvent::type).containsExactly("notification.sent", "task.acknowledged");
        assertThat(units(new EventQuery(taskId, "task.completed", null, null, 10))).isEmpty();
    }

    @Test
    void purgesEntriesOlderThanTheRetention() {
        String taskId = "T-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log.append(List.of(
                entry(acknowledged(taskId, "NVY"), now.minus(Duration.ofDays(181))),
                entry(acknowledged(taskId, "NVD"), now.minus(Duration.ofDays(179)))));

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(units(new EventQuery(taskId, null, null, null, 10))).containsExactly("NVD");
    }

    private List<String> units(EventQuery query) {
        return log.page(query, null).entries().stream().map(LoggedEvent::unit).toList();
    }

    private static TaskAcknowledged acknowledged(String taskId, String unit) {
        return new TaskAcknowledged(taskId, unit, Instant.now(), "link", "203.113.1.2", "Mozilla/5.0");
    }

    private static NotificationSent sent(String taskId, String unit) {
        return new NotificationSent(taskId + "/" + unit, taskId, unit, Channel.EMAIL, unit.toLowerCase() + "@soyte.local",
                "smtp", 1, Instant.now(), false);
    }

    /** An entry as the listener would build it, at a place in Kafka no real record reaches. */
    static LoggedEvent entry(Event event, Instant time) {
        var envelope = new Envelope<>(UUID.randomUUID().toString(), "/dondoc/task-service", time, null, event);
        var headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(envelope.topic(), headers, envelope);
        long offset = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        var record = new ConsumerRecord<>(envelope.topic(), 0, offset, time.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, value.length, envelope.subject(), value, headers, Optional.empty());
        return LoggedEvent.of(record, Instant.now());
    }
}
