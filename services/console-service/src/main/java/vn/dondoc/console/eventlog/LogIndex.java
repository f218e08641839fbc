package vn.dondoc.console.eventlog;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * <li>{@value #COLLECTION} {@code h:<hour>} (epoch hour of the entry's time): {@code e: {<entry>: <epoch ms>}};</li>
 * <li>{@value #COLLECTION} {@code d:<day>} (epoch day): the hours that have entries, {@code m: {<hour>: true}};</li>
 * <li>{@value #COLLECTION} {@value #DAYS}: the days that have entries, {@code d: {<day>: true}};</li>
 * <li>{@value #TIMELINES} {@code <h>:<week>} (h: the task id's hash modulo {@value #TIMELINE_SHARDS}; week: epoch
 * week of the entry's time): {@code t: {<task>: {<entry>: <epoch ms>}}}.</li>
 * </ul>
 * {@code <entry>} is the entry's key ({@code topic/partition/offset}) with the topic's dots as colons (a field
 * name cannot hold a dot; a Kafka topic name cannot hold a colon); {@code <task>} the task id with {@code % . $}
 * escaped. Every write sets fields, so storing a batch again changes nothing; it happens before the entries
 * themselves are stored, so an entry is never stored without being indexed, and readers skip what the index names
 * but the log does not hold (yet).
 *
 * <p>Why hours and shared timeline documents rather than minutes and one document per task: on the local stack's
 * store every write costs about half a millisecond whatever its size (its {@code _id} index serialises keys for each
 * comparison, and the oplog copies each write), so what a batch costs is the number of documents it touches. A
 * batch of a backlog (thousands of events over hours of event time and thousands of tasks) touched one document per
 * minute and one per task: about one write per event, a few hundred events/s. Now it touches a document per hour and
 * at most {@value #TIMELINE_SHARDS} timeline documents per week it covers. A timeline read costs one lookup of the
 * task's shard in every week of the log ({@code $in}, about 26 documents with a 180-day retention).
 */
final class LogIndex {

    static final String COLLECTION = "eventIndex";
    static final String TIMELINES = "timelines";
    static final String DAYS = "days";
    /**
     * Present once the index covers every stored entry in this layout (it is built from the log when missing: also
     * the upgrade from the per-minute and per-task layout, whose documents it drops first).
     */
    static final String COMPLETE = "complete-v2";

    /** The time index's slot: an hour. */
    static final long SLOT = 3_600_000;
    static final long SLOTS_PER_DAY = 24;
    static final long DAYS_PER_WEEK = 7;
    /** Timeline documents per week: a batch touches at most these, a timeline read one per week. */
    static final int TIMELINE_SHARDS = 64;
    /** Slot documents read per round trip. */
    private static final int SLOTS_PER_READ = 4;
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
        Map<Long, Map<String, Object>> hours = new TreeMap<>();
        Map<Long, Map<String, Object>> days = new TreeMap<>();
        Map<String, Object> allDays = new TreeMap<>();
        Map<String, Map<String, Object>> shards = new TreeMap<>();
        for (Indexed entry : entries) {
            String field = Ref.of(entry.key(), entry.millis()).field();
            long hour = Math.floorDiv(entry.millis(), SLOT);
            long day = Math.floorDiv(hour, SLOTS_PER_DAY);
            hours.computeIfAbsent(hour, m -> new LinkedHashMap<>()).put("e." + field, entry.millis());
            days.computeIfAbsent(day, d -> new TreeMap<>()).put("m." + hour, true);
            allDays.put("d." + day, true);
            if (entry.taskId() != null) {
                shards.computeIfAbsent(timelineId(entry.taskId(), entry.millis()), t -> new LinkedHashMap<>())
                        .put("t." + taskField(entry.taskId()) + "." + field, entry.millis());
            }
        }
        if (!shards.isEmpty()) {
            upsert(timelines, shards.entrySet().stream().map(shard -> setAll(shard.getKey(), shard.getValue())).toList());
        }
        if (hours.isEmpty()) {
            return;
        }
        // hours before their day, days before the list of days: a reader never finds a day without its hours
        List<WriteModel<Document>> writes = new ArrayList<>();
        hours.forEach((hour, fields) -> writes.add(setAll(hourId(hour), fields)));
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

    /** Forgets the whole index (before it is built again from the log). */
    void clear() {
        // (dropping a collection that does not exist is an error the store logs loudly)
        if (index.estimatedDocumentCount() > 0) {
            index.drop();
        }
        if (timelines.estimatedDocumentCount() > 0) {
            timelines.drop();
        }
    }

    /** The timeline document holding a task's entries of the week of {@code millis}. */
    static String timelineId(String taskId, long millis) {
        return Math.floorMod(taskId.hashCode(), TIMELINE_SHARDS) + ":" + week(millis);
    }

    private static long week(long millis) {
        return Math.floorDiv(Math.floorDiv(millis, SLOT * SLOTS_PER_DAY), DAYS_PER_WEEK);
    }

    /** A task id as a field name: no dots (paths), no leading {@code $} (operators). */
    static String taskField(String taskId) {
        return taskId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** Every entry of a task, in no particular order. */
    List<Ref> ofTask(String taskId) {
        Document all = index.find(Filters.eq("_id", DAYS)).first();
        if (all == null) {
            return List.of();
        }
        Set<String> ids = new TreeSet<>();
        all.get("d", Document.class).keySet()
                .forEach(day -> ids.add(timelineId(taskId, Long.parseLong(day) * SLOT * SLOTS_PER_DAY)));
        String task = taskField(taskId);
        List<Ref> refs = new ArrayList<>();
        timelines.find(Filters.in("_id", List.copyOf(ids))).projection(Projections.include("t." + task)).forEach(shard -> {
            Document entries = shard.get("t", Document.class) == null ? null : shard.get("t", Document.class).get(task, Document.class);
            if (entries != null) {
                entries.forEach((field, millis) -> refs.add(Ref.fromField(field, millis)));
            }
        });
        return refs;
    }

    /**
     * The entries with {@code from ≤ time ≤ to} (epoch ms) that {@code accept} takes, in {@code order}, or reversed
     * when {@code newestFirst}; read a few hours at a time, as far as the caller goes.
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
        private final Deque<Long> hours = new ArrayDeque<>();
        private final Deque<Ref> ready = new ArrayDeque<>();

        Walk(boolean newestFirst, long from, long to, Comparator<Ref> order, Predicate<Ref> accept) {
            this.newestFirst = newestFirst;
            this.from = from;
            this.to = to;
            this.order = order;
            this.accept = accept;
            Document all = index.find(Filters.eq("_id", DAYS)).first();
            long firstHour = Math.floorDiv(from, SLOT);
            long lastHour = Math.floorDiv(to, SLOT);
            this.days = inOrder(all, "d", Math.floorDiv(firstHour, SLOTS_PER_DAY), Math.floorDiv(lastHour, SLOTS_PER_DAY));
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
                if (hours.isEmpty()) {
                    if (days.isEmpty()) {
                        return false;
                    }
                    long day = days.poll();
                    hours.addAll(inOrder(index.find(Filters.eq("_id", dayId(day))).first(), "m",
                            Math.floorDiv(from, SLOT), Math.floorDiv(to, SLOT)));
                    continue;
                }
                List<Long> next = new ArrayList<>();
                while (!hours.isEmpty() && next.size() < SLOTS_PER_READ) {
                    next.add(hours.poll());
                }
                Map<String, Document> buckets = new HashMap<>();
                index.find(Filters.in("_id", next.stream().map(LogIndex::hourId).toList()))
                        .forEach(bucket -> buckets.put(bucket.getString("_id"), bucket));
                for (long hour : next) {
                    Document bucket = buckets.get(hourId(hour));
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
        long lastHour = Math.floorDiv(cutoff, SLOT);
        long lastDay = Math.floorDiv(lastHour, SLOTS_PER_DAY);
        Document all = index.find(Filters.eq("_id", DAYS)).first();
        if (all == null) {
            return;
        }
        List<Long> days = all.get("d", Document.class).keySet().stream().map(Long::parseLong)
                .filter(day -> day <= lastDay).sorted().toList();
        for (long day : days) {
            Document hoursOfDay = index.find(Filters.eq("_id", dayId(day))).first();
            List<Long> hours = hoursOfDay == null ? List.of() : hoursOfDay.get("m", Document.class).keySet().stream()
                    .map(Long::parseLong).filter(hour -> hour <= lastHour).sorted().toList();
            List<WriteModel<Document>> bucketWrites = new ArrayList<>();
            List<Bson> emptied = new ArrayList<>();
            List<Ref> old = new ArrayList<>();
            for (int i = 0; i < hours.size(); i += SLOTS_PER_READ) {
                var next = hours.subList(i, Math.min(hours.size(), i + SLOTS_PER_READ));
                for (Document bucket : index.find(Filters.in("_id", next.stream().map(LogIndex::hourId).toList()))) {
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
            boolean dayGone = hoursOfDay == null || emptied.size() == hoursOfDay.get("m", Document.class).size();
            if (dayGone) {
                index.deleteOne(Filters.eq("_id", dayId(day)));
                index.updateOne(Filters.eq("_id", DAYS), Updates.unset("d." + day));
            } else if (!emptied.isEmpty()) {
                index.updateOne(Filters.eq("_id", dayId(day)), Updates.combine(emptied));
            }
        }
    }

    /** Forgets these entries of the tasks' timelines; tasks and timeline documents left empty go. */
    void forgetInTimelines(Map<String, List<Ref>> byTask) {
        Map<String, List<String>> gone = new TreeMap<>();
        byTask.forEach((taskId, refs) -> refs.forEach(ref -> gone.computeIfAbsent(timelineId(taskId, ref.millis()),
                id -> new ArrayList<>()).add(taskField(taskId) + "." + ref.field())));
        if (gone.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document shard : timelines.find(Filters.in("_id", List.copyOf(gone.keySet())))) {
            String id = shard.getString("_id");
            Set<String> leaving = new HashSet<>(gone.get(id));
            Document tasks = shard.get("t", Document.class);
            List<Bson> unsets = new ArrayList<>();
            boolean emptied = true;
            for (var task : tasks.entrySet()) {
                Set<String> fields = ((Document) task.getValue()).keySet();
                long staying = fields.stream().filter(field -> !leaving.contains(task.getKey() + "." + field)).count();
                if (staying == 0) {
                    unsets.add(Updates.unset("t." + task.getKey()));
                } else {
                    emptied = false;
                    fields.stream().filter(field -> leaving.contains(task.getKey() + "." + field))
                            .forEach(field -> unsets.add(Updates.unset("t." + task.getKey() + "." + field)));
                }
            }
            if (emptied) {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", id)));
            } else if (!unsets.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(unsets)));
            }
        }
        if (!writes.isEmpty()) {
            timelines.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** What the log does with the entries the index lets go of. */
    interface Purge {
        void entries(List<Ref> refs);
    }

    static String hourId(long hour) {
        return "h:" + hour;
    }

    static String dayId(long day) {
        return "d:" + day;
    }
}
