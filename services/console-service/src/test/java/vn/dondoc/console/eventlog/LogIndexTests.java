package vn.dondoc.console.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dondoc.console.eventlog.EventLogQueryTests.entry;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.dondoc.console.ConsoleTest;
import vn.dondoc.events.Channel;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.testing.Infrastructure;

/**
 * The documents that make the log's first pages and the timelines lookups by {@code _id}: they must give exactly
 * what the queries over the whole log gave, also across their own boundaries (hours, days, weeks), with replays, and
 * after the purge.
 */
@ConsoleTest
class LogIndexTests {

    @Autowired
    EventLog log;
    @Autowired
    EventLogRetention retention;
    @Autowired
    MongoTemplate mongo;

    @Test
    void keepsEachEntryOnceInATimelineWhenBatchesAreStoredAgain() {
        String taskId = "T-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2026-11-24T09:59:59.999Z");
        List<LoggedEvent> first = List.of(entry(acknowledged(taskId, "NVY"), t0), entry(sent(taskId, "NVY"), t0.plusMillis(1)));
        List<LoggedEvent> second = List.of(entry(sent(taskId, "NVD"), t0.plusSeconds(90)),
                entry(acknowledged(taskId, "NVD"), t0.minusMillis(1)));

        assertThat(log.append(first)).hasSize(2);
        assertThat(log.append(List.of(first.get(1), second.get(0), second.get(1), first.get(0)))).hasSize(2);
        assertThat(log.append(second)).isEmpty();

        assertThat(log.ofTask(taskId, 100)).extracting(LoggedEvent::key)
                .containsExactly(second.get(1).key(), first.get(0).key(), first.get(1).key(), second.get(0).key());
        assertThat(timelineFields(taskId, t0)).as("each entry once in the timeline").hasSize(4);
        assertThat(log.find(new EventQuery(taskId, null, null, null, 3))).extracting(LoggedEvent::unit)
                .as("the latest three, oldest first").containsExactly("NVY", "NVY", "NVD");
        assertThat(log.find(new EventQuery(taskId, "notification.sent", "NVY", null, 3))).extracting(LoggedEvent::unit)
                .containsExactly("NVY");
    }

    @Test
    void pagesTheWholeLogNewestFirstAcrossHoursAndDays() {
        // a range nobody else writes to (some 100 days ago: within the retention), so the pages hold only these entries
        Instant midnight = LocalDate.now(ZoneOffset.UTC).minusDays(90 + ThreadLocalRandom.current().nextInt(20))
                .atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Instant> times = List.of(midnight.minusMillis(1), midnight, midnight, midnight.plusMillis(1),
                midnight.minusSeconds(61), midnight.plusSeconds(59).plusMillis(999), midnight.plusSeconds(60),
                midnight.minus(Duration.ofDays(1)), midnight.plus(Duration.ofDays(2)), midnight.plusSeconds(60),
                midnight.plus(Duration.ofHours(1)).minusMillis(1), midnight.plus(Duration.ofHours(1)),
                midnight.minus(Duration.ofDays(8)));
        List<LoggedEvent> stored = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            stored.add(entry(i % 2 == 0 ? acknowledged("T-" + UUID.randomUUID(), "NVY") : sent("T-" + UUID.randomUUID(), "NVD"),
                    times.get(i)));
        }
        // stored in two batches out of time order, the second one twice
        log.append(stored.subList(5, 13));
        log.append(stored.subList(0, 5));
        log.append(stored.subList(0, 5));
        var range = new EventQuery(null, null, null, midnight.minus(Duration.ofDays(9)), midnight.plus(Duration.ofDays(3)), 3);

        List<String> paged = new ArrayList<>();
        EventLog.Cursor cursor = null;
        do {
            EventLog.Page page = log.page(range, cursor);
            page.entries().forEach(entry -> paged.add(entry.key()));
            cursor = page.next();
        } while (cursor != null);

        List<String> expected = sortedOldestFirst(stored).reversed();
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(log.find(new EventQuery(null, null, null, null, range.before(), 3))).extracting(LoggedEvent::time)
                .as("the latest three before a time, oldest first")
                .containsExactly(midnight.plus(Duration.ofHours(1)).minusMillis(1), midnight.plus(Duration.ofHours(1)),
                        midnight.plus(Duration.ofDays(2)));
        assertThat(log.find(new EventQuery(null, null, null, midnight.minusMillis(1), midnight.plus(Duration.ofDays(3)), 4)))
                .extracting(LoggedEvent::time).as("the first four after a time, oldest first")
                .containsExactly(midnight, midnight, midnight.plusMillis(1), midnight.plusSeconds(59).plusMillis(999));
        assertThat(log.page(new EventQuery(null, "notification.sent", null, range.after(), range.before(), 100), null).entries())
                .as("other filters read the whole log, with the same result")
                .extracting(LoggedEvent::key).containsExactlyElementsOf(expected.stream()
                        .filter(key -> stored.stream().anyMatch(e -> e.key().equals(key) && e.type().equals("notification.sent"))).toList());
    }

    @Test
    void purgesTheIndexAndTimelinesWithTheEntries() {
        String gone = "T-" + UUID.randomUUID();
        String kept = "T-" + UUID.randomUUID();
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(400));
        log.append(List.of(entry(acknowledged(gone, "NVY"), old), entry(sent(gone, "NVY"), old.plusSeconds(1)),
                entry(acknowledged(kept, "NVY"), now.minus(Duration.ofDays(181))), entry(sent(kept, "NVY"), now)));

        assertThat(retention.purge()).isGreaterThanOrEqualTo(3);

        assertThat(log.ofTask(gone, 100)).isEmpty();
        assertThat(log.ofTask(kept, 100)).extracting(LoggedEvent::time).containsExactly(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(timelineFields(gone, old)).isEmpty();
        assertThat(timelineFields(kept, now.minus(Duration.ofDays(181)))).isEmpty();
        assertThat(timelineFields(kept, now)).hasSize(1);
        long oldHour = Math.floorDiv(old.toEpochMilli(), LogIndex.SLOT);
        var index = mongo.getCollection(LogIndex.COLLECTION);
        assertThat(index.find(Filters.eq("_id", LogIndex.hourId(oldHour))).first()).isNull();
        assertThat(index.find(Filters.eq("_id", LogIndex.dayId(Math.floorDiv(oldHour, LogIndex.SLOTS_PER_DAY)))).first()).isNull();
        assertThat(index.find(Filters.eq("_id", LogIndex.DAYS)).first().get("d", Document.class))
                .doesNotContainKey(String.valueOf(Math.floorDiv(oldHour, LogIndex.SLOTS_PER_DAY)));
    }

    @Test
    void indexesALogStoredBeforeTheIndexExisted() {
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            indexesALogStoredBefore(new MongoTemplate(client, "test-console-index-" + UUID.randomUUID().toString().substring(0, 8)));
        }
    }

    private void indexesALogStoredBefore(MongoTemplate database) {
        var before = new EventLog(database);
        String taskId = "T-" + UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(600);
        List<LoggedEvent> stored = List.of(entry(acknowledged(taskId, "NVY"), t0), entry(sent(taskId, "NVY"), t0.plusSeconds(120)));
        before.append(stored);
        database.dropCollection(LogIndex.COLLECTION);
        database.dropCollection(LogIndex.TIMELINES);

        var after = new EventLog(database);
        after.afterPropertiesSet();

        assertThat(after.ofTask(taskId, 100)).extracting(LoggedEvent::key).containsExactlyElementsOf(sortedOldestFirst(stored));
        assertThat(after.page(new EventQuery(null, null, null, null, 10), null).entries()).extracting(LoggedEvent::key)
                .containsExactlyElementsOf(sortedOldestFirst(stored).reversed());
    }

    /** The entries a task's timeline document of the week of {@code time} holds (none when it is gone). */
    private Document timelineFields(String taskId, Instant time) {
        Document shard = mongo.getCollection(LogIndex.TIMELINES).find(Filters.eq("_id", LogIndex.timelineId(taskId, time.toEpochMilli()))).first();
        Document tasks = shard == null ? null : shard.get("t", Document.class);
        Document entries = tasks == null ? null : tasks.get(LogIndex.taskField(taskId), Document.class);
        return entries == null ? new Document() : entries;
    }

    /** The keys in the log's order: time, then key. */
    private static List<String> sortedOldestFirst(List<LoggedEvent> entries) {
        return entries.stream().sorted(Comparator.comparing(LoggedEvent::time).thenComparing(LoggedEvent::key))
                .map(LoggedEvent::key).toList();
    }

    private static TaskAcknowledged acknowledged(String taskId, String unit) {
        return new TaskAcknowledged(taskId, unit, Instant.now(), "link", "203.113.1.2", "Mozilla/5.0");
    }

    private static NotificationSent sent(String taskId, String unit) {
        return new NotificationSent(taskId + "/" + unit, taskId, unit, Channel.EMAIL, unit.toLowerCase() + "@soyte.local",
                "smtp", 1, Instant.now(), false);
    }
}
