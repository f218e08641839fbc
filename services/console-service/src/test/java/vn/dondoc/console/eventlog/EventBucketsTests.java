package vn.dondoc.console.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.dondoc.console.ConsoleTest;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.Topics;
import vn.dondoc.testing.Infrastructure;

/**
 * The log's bucket documents ({@value EventLog#BUCKET} consecutive offsets of a partition each): every record is
 * stored exactly once whatever batches bring it, across bucket boundaries, and exactly the new ones are reported.
 */
@ConsoleTest
class EventBucketsTests {

    @Autowired
    EventLog log;
    @Autowired
    MongoTemplate mongo;

    @Test
    void storesOverlappingAndReplayedBatchesOnceAcrossBucketBoundaries() {
        String taskId = "T-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50) / EventLog.BUCKET * EventLog.BUCKET;
        Instant t0 = Instant.now().minusSeconds(3_600);
        List<LoggedEvent> records = new ArrayList<>();
        for (long offset = base + 45; offset <= base + 105; offset++) {
            records.add(record(taskId, base, offset, t0.plusMillis(offset - base)));
        }
        List<LoggedEvent> first = records.subList(0, 36);   // offsets 45..80: two buckets
        List<LoggedEvent> second = records.subList(15, 61); // offsets 60..105: overlaps, reaches a third bucket

        assertThat(log.append(first)).containsExactlyElementsOf(first);
        assertThat(log.append(second)).as("only what the first batch did not store")
                .containsExactlyElementsOf(records.subList(36, 61));
        assertThat(log.append(records.reversed())).as("a replay of everything, backwards").isEmpty();
        List<LoggedEvent> twice = List.of(records.get(3), records.get(3));
        assertThat(log.append(twice)).isEmpty();

        assertThat(log.ofTask(taskId, 1_000)).extracting(LoggedEvent::key)
                .containsExactlyElementsOf(records.stream().map(LoggedEvent::key).toList());
        var buckets = mongo.getCollection(EventLog.COLLECTION);
        for (long start : List.of(base, base + 50, base + 100)) {
            Document bucket = buckets.find(Filters.eq("_id", EventLog.bucketId(Topics.TASKS, 2, start))).first();
            long from = Math.max(start, base + 45);
            long to = Math.min(start + EventLog.BUCKET - 1, base + 105);
            assertThat(bucket.get(EventLog.ENTRIES, Document.class)).as("bucket from " + start).hasSize((int) (to - from + 1));
        }
        assertThat(log.byKey(LoggedEvent.keyOf(Topics.TASKS, 2, base + 50))).hasValueSatisfying(entry ->
                assertThat(entry.offset()).isEqualTo(base + 50));
        assertThat(log.byKey(LoggedEvent.keyOf(Topics.TASKS, 2, base + 44))).isEmpty();
    }

    @Test
    void reportsAFirstRecordOfANewBatchAsNewEvenWhenItsBucketExists() {
        String taskId = "T-" + UUID.randomUUID();
        long base = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50) / EventLog.BUCKET * EventLog.BUCKET;
        Instant t0 = Instant.now().minusSeconds(60);
        LoggedEvent later = record(taskId, base, base + 7, t0.plusMillis(7));
        LoggedEvent earlier = record(taskId, base, base + 3, t0.plusMillis(3));

        assertThat(log.append(List.of(later))).containsExactly(later);
        assertThat(log.append(List.of(earlier, later))).as("an older offset stored after a newer one").containsExactly(earlier);
    }

    @Test
    void keepsDataWithFieldNamesMongoDbRefusesAsText() {
        String taskId = "T-" + UUID.randomUUID();
        long offset = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        LoggedEvent odd = raw(taskId, offset, Instant.now(), "{\"a.b\": 1, \"$c\": {\"d\": 2}}");

        assertThat(log.append(List.of(odd))).hasSize(1);

        assertThat(log.byKey(odd.key())).hasValueSatisfying(entry -> assertThat(entry.data()).isInstanceOf(String.class)
                .asString().contains("a.b", "$c"));
    }

    @Test
    void movesEntriesStoredOneDocumentEachIntoBuckets() {
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            var database = new MongoTemplate(client, "test-console-buckets-" + UUID.randomUUID().toString().substring(0, 8));
            String taskId = "T-" + UUID.randomUUID();
            Instant t0 = Instant.now().minusSeconds(600);
            List<LoggedEvent> stored = List.of(record(taskId, 0, 49, t0), record(taskId, 0, 50, t0.plusSeconds(1)),
                    record(taskId, 0, 51, t0.plusSeconds(2)));
            // the layout before buckets: one document per record, no index
            stored.forEach(entry -> database.getCollection(EventLog.COLLECTION).insertOne(EventLog.toDocument(entry)));

            var upgraded = new EventLog(database);
            upgraded.afterPropertiesSet();

            assertThat(upgraded.ofTask(taskId, 100)).extracting(LoggedEvent::key)
                    .containsExactlyElementsOf(stored.stream().map(LoggedEvent::key).toList());
            assertThat(upgraded.page(new EventQuery(null, null, null, null, 10), null).entries()).hasSize(3);
            assertThat(database.getCollection(EventLog.COLLECTION).find().map(document -> document.getString("_id")))
                    .containsExactlyInAnyOrder(EventLog.bucketId(Topics.TASKS, 2, 0), EventLog.bucketId(Topics.TASKS, 2, 50));
            assertThat(upgraded.append(stored)).as("already stored").isEmpty();
        }
    }

    private static LoggedEvent record(String taskId, long base, long offset, Instant time) {
        var event = new TaskAcknowledged(taskId, "U" + (offset - base), time, "link", "203.113.1.2", "Mozilla/5.0");
        var envelope = new Envelope<>(UUID.randomUUID().toString(), "/dondoc/task-service", time, null, event);
        var headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(Topics.TASKS, headers, envelope);
        return LoggedEvent.of(new ConsumerRecord<>(Topics.TASKS, 2, offset, time.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, value.length, taskId, value, headers, Optional.empty()), Instant.now());
    }

    private static LoggedEvent raw(String taskId, long offset, Instant time, String json) {
        var headers = new RecordHeaders();
        headers.add("ce_type", "task.acknowledged".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", taskId.getBytes(StandardCharsets.UTF_8));
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        return LoggedEvent.of(new ConsumerRecord<>(Topics.TASKS, 1, offset, time.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, value.length, taskId, value, headers, Optional.empty()), Instant.now());
    }
}
