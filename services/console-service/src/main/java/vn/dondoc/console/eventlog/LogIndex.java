package vn.dondoc.console.eventlog;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The log's order and its timelines, kept at ingest in documents that are only ever read by {@code _id}.
 *
 * <p>Why: the local stack's store (mongo-java-server) uses an index only for equality ({@code $eq}, {@code $in}) on
 * a unique key; every other filter or sort reads, matches and sorts the whole collection, so with a million entries
 * "the newest 50" or "everything of task T" cost seconds. These documents turn both into a handful of
 * {@code _id} lookups:
 * <ul>
 * <li>{@value #COLLECTION} {@code m:<minute>} (epoch minute of the entry's time): {@code e: {<entry>: <epoch ms>}};</li>
 * <li>{@value #COLLECTION} {@code d:<day>} (epoch day): the minutes that have entries, {@code m: {<minute>: true}};</li>
 * <li>{@value #COLLECTION} {@value #DAYS}: the days that have entries, {@code d: {<day>: true}};</li>
 * <li>{@value #TIMELINES} {@code <taskId>}: {@code e: {<entry>: <epoch ms>}}.</li>
 * </ul>
 * {@code <entry>} is the entry's key ({@code topic/partition/offset}) with the topic's dots as colons (a field
 * name cannot hold a dot; a Kafka topic name cannot hold a colon). Every write sets fields, so storing a batch again
 * changes nothing; it happens before the entries themselves are stored, so an entry is never stored without being
 * indexed, and readers skip what the index names but the log does not hold (yet).
 */
final class LogIndex {

    static final String COLLECTION = "eventIndex";
    static final String TIMELINES = "timelines";
    static final String DAYS = "days";
    /** Present once the index covers every stored entry (it is built from the log when missing). */
    static final String COMPLETE = "complete";

    static final long MINUTE = 60_000;
    static final long MINUTES_PER_DAY = 1_440;
    /** Minute documents read per round trip. */
    private static final int MINUTES_PER_READ = 16;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> index;
    private final MongoCollection<Document> timelines;

    LogIndex(MongoCollection<Document> index, MongoCollection<Document> timelines) {
        this.index = index;
        this.timelines = timelines;
    }

    /** An entry as the index knows it; its order in the log is (time, key), in the API (time, topic, partition, offset). */
    record Ref(String key, long millis, String topic, int partition, long offset) {

        static final Comparator<Ref> BY_KEY = Comparator.comparingLong(Ref::millis).thenComparing(Ref::key);
        static final Comparator<Ref> BY_POSITION = Comparator.comparingLong(Ref::millis).thenComparing(Ref::topic)
                .thenComparingInt(Ref::partition).thenComparingLong(Ref::offset);

        static Ref of(String key, long millis) {
            int first = key.indexOf('/');
            int last = key.lastIndexOf('/');
            int partition = 0;
            long offset = 0;
            if (first > 0 && last > first) {
                try {
                    partition = Integer.parseInt(key.substring(first + 1, last));
                    offset = Long.parseLong(key.substring(last + 1));
                } catch (NumberFormatException notAPosition) {
                    // a key of another shape still sorts by its text
                }
            }
            return new Ref(key, millis, first > 0 ? key.substring(0, first) : key, partition, offset);
        }

        static Ref fromField(String field, Object millis) {
            return of(field.replace(':', '.'), ((Number) millis).longValue());
        }

        String field() {
            return key.replace('.', ':');
        }
    }

    /** What the index needs of an entry. */
    record Indexed(String key, long millis, String taskId) {
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    void add(Collection<Indexed> entries) {
        Map<Long, Map<String, Object>> minutes = new TreeMap<>();
        Map<Long, Map<String, Object>> days = new TreeMap<>();
        Map<String, Object> allDays = new TreeMap<>();
        Map<String, Map<String, Object>> tasks = new LinkedHashMap<>();
        for (Indexed entry : entries) {
            String field = "e." + Ref.of(entry.key(), entry.millis()).field();
            long minute = Math.floorDiv(entry.millis(), MINUTE);
            long day = Math.floorDiv(minute, MINUTES_PER_DAY);
            minutes.computeIfAbsent(minute, m -> new LinkedHashMap<>()).put(field, entry.millis());
            days.computeIfAbsent(day, d -> new TreeMap<>()).put("m." + minute, true);
            allDays.put("d." + day, true);
            if (entry.taskId() != null) {
                tasks.computeIfAbsent(entry.taskId(), t -> new LinkedHashMap<>()).put(field, entry.millis());
            }
        }
        if (!tasks.isEmpty()) {
            upsert(timelines, tasks.entrySet().stream().map(task -> setAll(task.getKey(), task.getValue())).toList());
        }
        if (minutes.isEmpty()) {
            return;
        }
        // minutes before their day, days before the list of days: a reader never finds a day without its minutes
        List<WriteModel<Document>> writes = new ArrayList<>();
        minutes.forEach((minute, fields) -> writes.add(setAll(minuteId(minute), fields)));
        days.forEach((day, fields) -> writes.add(setAll(dayId(day), fields)));
        writes.add(setAll(DAYS, allDays));
        upsert(index, writes);
    }

    private static WriteModel<Document> setAll(String id, Map<String, Object> fields) {
        return new UpdateOneModel<>(Filters.eq("_id", id), new Document("$set", new Document(fields)), UPSERT);
    }

    /** Two writers upserting the same new document: one of them gets a duplicate key; again, it is an update. */
    private static void upsert(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        try {
            collection.bulkWrite(writes);
        } catch (MongoBulkWriteException e) {
            collection.bulkWrite(writes);
        }
    }

    boolean complete() {
        return index.find(Filters.eq("_id", COMPLETE)).first() != null;
    }

    void markComplete() {
        index.updateOne(Filters.eq("_id", COMPLETE), Updates.set("complete", true), UPSERT);
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Every entry of a task, in no particular order. */
    List<Ref> ofTask(String taskId) {
        Document timeline = timelines.find(Filters.eq("_id", taskId)).first();
        if (timeline == null) {
            return List.of();
        }
        List<Ref> refs = new ArrayList<>();
        timeline.get("e", Document.class).forEach((field, millis) -> refs.add(Ref.fromField(field, millis)));
        return refs;
    }

    /**
     * The entries with {@code from ≤ time ≤ to} (epoch ms) that {@code accept} takes, in {@code order}, or reversed
     * when {@code newestFirst}; read a few minutes at a time, as far as the caller goes.
     */
    Iterator<Ref> walk(boolean newestFirst, long from, long to, Comparator<Ref> order, Predicate<Ref> accept) {
        return new Walk(newestFirst, from, to, newestFirst ? order.reversed() : order, accept);
    }

    private final class Walk implements Iterator<Ref> {

        private final boolean newestFirst;
        private final long from;
        private final long to;
        private final Comparator<Ref> order;
        private final Predicate<Ref> accept;
        private final Deque<Long> days;
        private final Deque<Long> minutes = new ArrayDeque<>();
        private final Deque<Ref> ready = new ArrayDeque<>();

        Walk(boolean newestFirst, long from, long to, Comparator<Ref> order, Predicate<Ref> accept) {
            this.newestFirst = newestFirst;
            this.from = from;
            this.to = to;
            this.order = order;
            this.accept = accept;
            Document all = index.find(Filters.eq("_id", DAYS)).first();
            long firstMinute = Math.floorDiv(from, MINUTE);
            long lastMinute = Math.floorDiv(to, MINUTE);
            this.days = inOrder(all, "d", Math.floorDiv(firstMinute, MINUTES_PER_DAY), Math.floorDiv(lastMinute, MINUTES_PER_DAY));
        }

        private Deque<Long> inOrder(Document document, String field, long first, long last) {
            var values = new ArrayList<Long>();
            if (document != null) {
                document.get(field, Document.class).keySet().forEach(name -> {
                    long value = Long.parseLong(name);
                    if (value >= first && value <= last) {
                        values.add(value);
                    }
                });
            }
            values.sort(newestFirst ? Comparator.reverseOrder() : Comparator.naturalOrder());
            return new ArrayDeque<>(values);
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty()) {
                if (minutes.isEmpty()) {
                    if (days.isEmpty()) {
                        return false;
                    }
                    long day = days.poll();
                    minutes.addAll(inOrder(index.find(Filters.eq("_id", dayId(day))).first(), "m",
                            Math.floorDiv(from, MINUTE), Math.floorDiv(to, MINUTE)));
                    continue;
                }
                List<Long> next = new ArrayList<>();
                while (!minutes.isEmpty() && next.size() < MINUTES_PER_READ) {
                    next.add(minutes.poll());
                }
                Map<String, Document> buckets = new HashMap<>();
                index.find(Filters.in("_id", next.stream().map(LogIndex::minuteId).toList()))
                        .forEach(bucket -> buckets.put(bucket.getString("_id"), bucket));
                for (long minute : next) {
                    Document bucket = buckets.get(minuteId(minute));
                    if (bucket == null) {
                        continue;
                    }
                    List<Ref> refs = new ArrayList<>();
                    bucket.get("e", Document.class).forEach((field, millis) -> {
                        Ref ref = Ref.fromField(field, millis);
                        if (ref.millis() >= from && ref.millis() <= to && accept.test(ref)) {
                            refs.add(ref);
                        }
                    });
                    refs.sort(order);
                    ready.addAll(refs);
                }
            }
            return true;
        }

        @Override
        public Ref next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }
    }

    // ---- forgetting ----------------------------------------------------------------------------------------------

    /** The entries older than {@code cutoff} (epoch ms), a day at a time, oldest first. */
    void purgeBefore(long cutoff, Purge purge) {
        long lastMinute = Math.floorDiv(cutoff, MINUTE);
        long lastDay = Math.floorDiv(lastMinute, MINUTES_PER_DAY);
        Document all = index.find(Filters.eq("_id", DAYS)).first();
        if (all == null) {
            return;
        }
        List<Long> days = all.get("d", Document.class).keySet().stream().map(Long::parseLong)
                .filter(day -> day <= lastDay).sorted().toList();
        for (long day : days) {
            Document minutesOfDay = index.find(Filters.eq("_id", dayId(day))).first();
            List<Long> minutes = minutesOfDay == null ? List.of() : minutesOfDay.get("m", Document.class).keySet().stream()
                    .map(Long::parseLong).filter(minute -> minute <= lastMinute).sorted().toList();
            List<WriteModel<Document>> bucketWrites = new ArrayList<>();
            List<Bson> emptied = new ArrayList<>();
            List<Ref> old = new ArrayList<>();
            for (int i = 0; i < minutes.size(); i += MINUTES_PER_READ) {
                var next = minutes.subList(i, Math.min(minutes.size(), i + MINUTES_PER_READ));
                for (Document bucket : index.find(Filters.in("_id", next.stream().map(LogIndex::minuteId).toList()))) {
                    List<Ref> refs = new ArrayList<>();
                    bucket.get("e", Document.class).forEach((field, millis) -> refs.add(Ref.fromField(field, millis)));
                    List<Ref> gone = refs.stream().filter(ref -> ref.millis() < cutoff).toList();
                    old.addAll(gone);
                    if (gone.size() == refs.size()) {
                        bucketWrites.add(new DeleteOneModel<>(Filters.eq("_id", bucket.getString("_id"))));
                        emptied.add(Updates.unset("m." + bucket.getString("_id").substring(2)));
                    } else if (!gone.isEmpty()) {
                        bucketWrites.add(new UpdateOneModel<>(Filters.eq("_id", bucket.getString("_id")),
                                Updates.combine(gone.stream().map(ref -> Updates.unset("e." + ref.field())).toList())));
                    }
                }
            }
            // the entries and their timelines first: an interrupted purge leaves index entries to skip and to purge again
            purge.entries(old);
            if (!bucketWrites.isEmpty()) {
                index.bulkWrite(bucketWrites, new BulkWriteOptions().ordered(false));
            }
            boolean dayGone = minutesOfDay == null || emptied.size() == minutesOfDay.get("m", Document.class).size();
            if (dayGone) {
                index.deleteOne(Filters.eq("_id", dayId(day)));
                index.updateOne(Filters.eq("_id", DAYS), Updates.unset("d." + day));
            } else if (!emptied.isEmpty()) {
                index.updateOne(Filters.eq("_id", dayId(day)), Updates.combine(emptied));
            }
        }
    }

    /** Forgets these entries of the tasks' timelines; the timelines left empty go. */
    void forgetInTimelines(Map<String, List<Ref>> byTask) {
        if (byTask.isEmpty()) {
            return;
        }
        timelines.bulkWrite(byTask.entrySet().stream().<WriteModel<Document>>map(task -> new UpdateOneModel<>(
                Filters.eq("_id", task.getKey()),
                Updates.combine(task.getValue().stream().map(ref -> Updates.unset("e." + ref.field())).toList())))
                .toList(), new BulkWriteOptions().ordered(false));
        timelines.deleteMany(Filters.and(Filters.in("_id", byTask.keySet()), Filters.eq("e", new Document())));
    }

    /** What the log does with the entries the index lets go of. */
    interface Purge {
        void entries(List<Ref> refs);
    }

    static String minuteId(long minute) {
        return "m:" + minute;
    }

    static String dayId(long day) {
        return "d:" + day;
    }
}
