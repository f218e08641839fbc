package vn.dondoc.console.eventlog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.dondoc.events.EventJson;

/**
 * The stored log. Entries are kept in bucket documents of {@value #BUCKET} consecutive offsets of one partition:
 * {@code _id = topic/partition/<first offset>+}, {@code e: {<offset>: <entry>}}. Storing sets the entries' fields,
 * so a record stored twice (redelivery after a rebalance, a retried or overlapping batch) is the same field set
 * again: idempotent by construction, unique by topic/partition/offset.
 *
 * <p>Why buckets rather than one document per record: on the local stack's store (mongo-java-server, H2 file) each
 * stored document costs about half a millisecond whatever its size (the {@code _id} index serialises its keys for
 * every comparison of its B-tree search, and the oplog stores a copy of every write), which capped ingest at a few
 * hundred events/s. A batch of 5,000 records now costs about a hundred bucket writes. Everything is read by key
 * through the {@link LogIndex}: the first pages and time ranges follow its order, a task its timeline; filters on type
 * or unit (without a task) follow its order too, filtering as they go, until they have their page.
 */
@Repository
public class EventLog implements InitializingBean {

    static final String COLLECTION = "events";
    static final String TASK_ID = "taskId";
    static final String TYPE = "type";
    static final String UNITS = "units";
    static final String TIME = "time";
    /** Consecutive offsets of a partition per bucket document. */
    static final int BUCKET = 50;
    static final String ENTRIES = "e";

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    /** The API's order: time, then the record's place. */
    private static final Comparator<LoggedEvent> OLDEST_FIRST =
            Comparator.comparing(EventLog::position, LogIndex.Ref.BY_POSITION);
    /** The page's order: a total order that a (time, key) cursor can continue exactly. */
    private static final Comparator<LoggedEvent> PAGE_ORDER =
            Comparator.comparing(LoggedEvent::time).thenComparing(LoggedEvent::key).reversed();

    /** Buckets read per round trip. */
    private static final int READ_CHUNK = 64;
    /** The most entries asked for by key at once. */
    private static final int READ_KEYS = 1_000;

    private final MongoCollection<Document> events;
    private final LogIndex index;

    EventLog(MongoTemplate mongo) {
        this.events = mongo.getCollection(COLLECTION);
        this.index = new LogIndex(mongo.getCollection(LogIndex.COLLECTION), mongo.getCollection(LogIndex.TIMELINES));
    }

    @Override
    public void afterPropertiesSet() {
        if (!index.complete()) {
            indexStoredEntries();
        }
    }

    /**
     * A log stored before the index (or this layout of it) existed: index it once, before anything else is stored.
     * Entries stored one document each (the layout before buckets) are moved into buckets on the way.
     */
    private void indexStoredEntries() {
        long start = System.nanoTime();
        index.clear();
        List<LogIndex.Indexed> chunk = new ArrayList<>();
        List<LoggedEvent> single = new ArrayList<>();
        long indexed = 0;
        for (Document document : events.find().batchSize(READ_CHUNK)) {
            if (document.get(ENTRIES) instanceof Document entries) {
                entries.values().forEach(entry -> chunk.add(indexed((Document) entry)));
            } else {
                single.add(fromDocument(document));
            }
            if (chunk.size() >= 5_000) {
                index.add(chunk);
                indexed += chunk.size();
                chunk.clear();
            }
            if (single.size() == 1_000) {
                indexed += moveIntoBuckets(single);
            }
        }
        index.add(chunk);
        indexed += chunk.size() + moveIntoBuckets(single);
        index.markComplete();
        if (indexed > 0) {
            log.info("Indexed {} stored event log entries in {} ms", indexed, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private int moveIntoBuckets(List<LoggedEvent> single) {
        int moved = single.size();
        if (moved > 0) {
            append(single);
            events.deleteMany(Filters.in("_id", single.stream().map(LoggedEvent::key).toList()));
            single.clear();
        }
        return moved;
    }

    private static LogIndex.Indexed indexed(Document entry) {
        return new LogIndex.Indexed(entry.getString("_id"), entry.getDate(TIME).getTime(), entry.getString(TASK_ID));
    }

    /**
     * Stores what is not stored yet, one write per bucket the batch touches; returns exactly the newly stored entries,
     * in order (each bucket's write returns which of its fields were there before).
     */
    List<LoggedEvent> append(List<LoggedEvent> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        index.add(entries.stream()
                .map(entry -> new LogIndex.Indexed(entry.key(), entry.time().toEpochMilli(), entry.taskId())).toList());
        Map<String, Map<String, LoggedEvent>> buckets = new LinkedHashMap<>();
        for (LoggedEvent entry : entries) {
            buckets.computeIfAbsent(bucketId(entry.topic(), entry.partition(), entry.offset()), id -> new LinkedHashMap<>())
                    .putIfAbsent(String.valueOf(entry.offset()), entry);
        }
        Set<String> stored = new HashSet<>();
        buckets.forEach((id, bucket) -> {
            Set<String> before = store(id, bucket);
            bucket.forEach((offset, entry) -> {
                if (!before.contains(offset)) {
                    stored.add(entry.key());
                }
            });
        });
        List<LoggedEvent> fresh = new ArrayList<>(stored.size());
        for (LoggedEvent entry : entries) {
            if (stored.remove(entry.key())) {
                fresh.add(entry);
            }
        }
        return fresh;
    }

    /** Sets the entries into their bucket; returns the offsets among them the bucket held before. */
    private Set<String> store(String id, Map<String, LoggedEvent> bucket) {
        Bson set = Updates.combine(bucket.entrySet().stream()
                .map(entry -> Updates.set(ENTRIES + "." + entry.getKey(), toDocument(entry.getValue()))).toList());
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)
                .projection(Projections.include(bucket.keySet().stream().map(offset -> ENTRIES + "." + offset).toList()));
        Document before;
        try {
            before = events.findOneAndUpdate(Filters.eq("_id", id), set, options);
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another writer created the bucket meanwhile: now it is an update
            before = events.findOneAndUpdate(Filters.eq("_id", id), set, options);
        }
        return before == null || before.get(ENTRIES) == null ? Set.of() : before.get(ENTRIES, Document.class).keySet();
    }

    /** The bucket holding the record at {@code topic/partition/offset}. */
    static String bucketId(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + Math.floorDiv(offset, BUCKET) * BUCKET + "+";
    }

    /** The latest {@code limit} matching entries, or with {@code after} the first ones after it; oldest first. */
    List<LoggedEvent> find(EventQuery query) {
        if (query.taskId() != null) {
            List<LoggedEvent> all = ofTask(query, OLDEST_FIRST, event -> true);
            return query.after() != null ? head(all, query.limit())
                    : List.copyOf(all.subList(Math.max(0, all.size() - query.limit()), all.size()));
        }
        List<LoggedEvent> found = fetch(index.walk(query.after() == null, from(query), to(query),
                LogIndex.Ref.BY_POSITION, ref -> true), query.limit(), query::matches);
        if (query.after() == null) {
            Collections.reverse(found);
        }
        return found;
    }

    /**
     * One page of matching entries, newest first, continuing after {@code cursor} (null: from the newest). The cursor
     * is the (time, key) of the last entry shown, so entries of the same millisecond are neither lost nor repeated.
     */
    public Page page(EventQuery query, Cursor cursor) {
        List<LoggedEvent> found;
        if (query.taskId() != null) {
            found = head(ofTask(query, PAGE_ORDER,
                    event -> cursor == null || cursor.isAfter(event.time(), event.key())), query.limit() + 1);
        } else {
            long to = to(query);
            if (cursor != null) {
                to = Math.min(to, cursor.time().toEpochMilli());
            }
            found = fetch(index.walk(true, from(query), to, LogIndex.Ref.BY_KEY,
                    ref -> cursor == null || cursor.isAfter(Instant.ofEpochMilli(ref.millis()), ref.key())),
                    query.limit() + 1, query::matches);
        }
        if (found.size() <= query.limit()) {
            return new Page(found, null);
        }
        List<LoggedEvent> entries = found.subList(0, query.limit());
        LoggedEvent last = entries.getLast();
        return new Page(List.copyOf(entries), new Cursor(last.time(), last.key()));
    }

    /** Everything logged about one task, oldest first (at most {@code limit} entries, the earliest). */
    public List<LoggedEvent> ofTask(String taskId, int limit) {
        List<LogIndex.Ref> refs = new ArrayList<>(index.ofTask(taskId));
        refs.sort(LogIndex.Ref.BY_POSITION);
        return fetch(refs.iterator(), limit, entry -> true);
    }

    /** The task's entries that match the query and {@code also}, in {@code order}: its timeline, read by key. */
    private List<LoggedEvent> ofTask(EventQuery query, Comparator<LoggedEvent> order, Predicate<LoggedEvent> also) {
        List<LoggedEvent> all = new ArrayList<>(fetch(index.ofTask(query.taskId()).iterator(), Integer.MAX_VALUE, entry -> true));
        all.removeIf(event -> !query.matches(event) || !also.test(event));
        all.sort(order);
        return all;
    }

    /**
     * The first {@code limit} entries the refs name that are stored and that {@code matches} takes, in the refs' order.
     */
    private List<LoggedEvent> fetch(Iterator<LogIndex.Ref> refs, int limit, Predicate<LoggedEvent> matches) {
        List<LoggedEvent> found = new ArrayList<>();
        visit(refs, Math.min(limit, READ_KEYS), entry -> {
            if (matches.test(entry)) {
                found.add(entry);
            }
            return found.size() < limit;
        });
        return found;
    }

    /**
     * Reads the stored entries the refs name, in their order, a chunk of keys at a time (the first of {@code first}
     * keys, then twice as many up to {@value #READ_KEYS}), while {@code visitor} wants more (an entry the index names
     * may not be stored yet: the index is written first). Filters on type or unit follow the index this way too,
     * newest (or oldest) first, and stop as soon as they have their page; no read holds a cursor over the whole log:
     * on the local stack's H2 file a cursor iterated for long failed with {@code MVStoreException: Chunk … not found}
     * (with 1,000,000 events).
     */
    private void visit(Iterator<LogIndex.Ref> refs, int first, Predicate<LoggedEvent> visitor) {
        int chunk = Math.max(1, first);
        while (refs.hasNext()) {
            List<String> keys = new ArrayList<>();
            while (keys.size() < chunk && refs.hasNext()) {
                keys.add(refs.next().key());
            }
            Map<String, LoggedEvent> byKey = byKeys(keys);
            for (String key : keys) {
                LoggedEvent entry = byKey.get(key);
                if (entry != null && !visitor.test(entry)) {
                    return;
                }
            }
            chunk = Math.min(READ_KEYS, chunk * 2);
        }
    }

    /** The stored entries of these keys, read from their buckets (only the entries asked for travel). */
    private Map<String, LoggedEvent> byKeys(Collection<String> keys) {
        Map<String, List<String>> fields = new TreeMap<>();
        for (String key : keys) {
            LogIndex.Ref place = LogIndex.Ref.of(key, 0);
            fields.computeIfAbsent(bucketId(place.topic(), place.partition(), place.offset()), id -> new ArrayList<>())
                    .add(ENTRIES + "." + place.offset());
        }
        Set<String> wanted = new HashSet<>(keys);
        Map<String, LoggedEvent> byKey = new HashMap<>();
        List<String> ids = List.copyOf(fields.keySet());
        for (int i = 0; i < ids.size(); i += READ_CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + READ_CHUNK));
            events.find(Filters.in("_id", chunk))
                    .projection(Projections.include(chunk.stream().flatMap(id -> fields.get(id).stream()).distinct().toList()))
                    .forEach(bucket -> entries(bucket).forEach(entry -> {
                        if (wanted.contains(entry.key())) {
                            byKey.put(entry.key(), entry);
                        }
                    }));
        }
        return byKey;
    }

    private static List<LoggedEvent> entries(Document bucket) {
        Document entries = bucket.get(ENTRIES, Document.class);
        if (entries == null) {
            return List.of();
        }
        List<LoggedEvent> found = new ArrayList<>(entries.size());
        entries.values().forEach(entry -> found.add(fromDocument((Document) entry)));
        return found;
    }

    private static long from(EventQuery query) {
        return query.after() == null ? Long.MIN_VALUE : query.after().toEpochMilli() + 1;
    }

    private static long to(EventQuery query) {
        return query.before() == null ? Long.MAX_VALUE : query.before().toEpochMilli() - 1;
    }

    private static LogIndex.Ref position(LoggedEvent event) {
        return new LogIndex.Ref(event.key(), event.time().toEpochMilli(), event.topic(), event.partition(), event.offset());
    }

    private static <T> List<T> head(List<T> list, int limit) {
        return list.size() <= limit ? list : List.copyOf(list.subList(0, limit));
    }

    /** The latest entries of these types, newest first. */
    public List<LoggedEvent> latestOfTypes(Collection<String> types, int limit) {
        return fetch(index.walk(true, Long.MIN_VALUE, Long.MAX_VALUE, LogIndex.Ref.BY_POSITION, ref -> true), limit,
                entry -> types.contains(entry.type()));
    }

    /** The entry stored under {@code topic/partition/offset}. */
    public Optional<LoggedEvent> byKey(String key) {
        return Optional.ofNullable(byKeys(List.of(key)).get(key));
    }

    /** Every address an email was delivered to, as the notifier reported it. */
    public List<String> emailRecipients() {
        Set<String> addresses = new TreeSet<>();
        visit(index.walk(true, Long.MIN_VALUE, Long.MAX_VALUE, LogIndex.Ref.BY_KEY, ref -> true), READ_KEYS, entry -> {
            if ("notification.sent".equals(entry.type()) && entry.data() instanceof Map<?, ?> data
                    && "EMAIL".equals(data.get("channel")) && data.get("address") instanceof String address) {
                addresses.add(address);
            }
            return true;
        });
        return List.copyOf(addresses);
    }

    /**
     * Forgets entries older than {@code cutoff}, with their places in the index and timelines; returns how many. Led
     * by the index, so it reads only what goes (a filter on time would read the whole log).
     */
    long purgeBefore(Instant cutoff) {
        long[] purged = {0};
        index.purgeBefore(cutoff.toEpochMilli(), refs -> {
            Map<String, Set<String>> gone = new TreeMap<>();
            refs.forEach(ref -> gone.computeIfAbsent(bucketId(ref.topic(), ref.partition(), ref.offset()), id -> new HashSet<>())
                    .add(String.valueOf(ref.offset())));
            List<String> ids = List.copyOf(gone.keySet());
            for (int i = 0; i < ids.size(); i += READ_CHUNK) {
                Map<String, List<LogIndex.Ref>> byTask = new HashMap<>();
                List<WriteModel<Document>> writes = new ArrayList<>();
                for (Document bucket : events.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + READ_CHUNK))))) {
                    String id = bucket.getString("_id");
                    Document entries = bucket.get(ENTRIES, Document.class);
                    List<String> leaving = entries.keySet().stream().filter(gone.get(id)::contains).toList();
                    for (String offset : leaving) {
                        Document entry = entries.get(offset, Document.class);
                        if (entry.getString(TASK_ID) != null) {
                            byTask.computeIfAbsent(entry.getString(TASK_ID), task -> new ArrayList<>())
                                    .add(LogIndex.Ref.of(entry.getString("_id"), entry.getDate(TIME).getTime()));
                        }
                    }
                    if (leaving.size() == entries.size()) {
                        writes.add(new DeleteOneModel<>(Filters.eq("_id", id)));
                    } else if (!leaving.isEmpty()) {
                        writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                                Updates.combine(leaving.stream().map(offset -> Updates.unset(ENTRIES + "." + offset)).toList())));
                    }
                    purged[0] += leaving.size();
                }
                index.forgetInTimelines(byTask);
                if (!writes.isEmpty()) {
                    events.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                }
            }
        });
        return purged[0];
    }

    /** Where a newest-first page stopped. */
    public record Cursor(Instant time, String key) {

        /** Whether an entry comes after this cursor in a newest-first page, i.e. is older. */
        boolean isAfter(Instant entryTime, String entryKey) {
            int byTime = entryTime.compareTo(time);
            return byTime < 0 || byTime == 0 && entryKey.compareTo(key) < 0;
        }
    }

    /** Entries newest first, and the cursor of the next (older) page, or null when there is none. */
    public record Page(List<LoggedEvent> entries, Cursor next) {
    }

    static Document toDocument(LoggedEvent entry) {
        var document = new Document("_id", entry.key());
        putIfPresent(document, "ceId", entry.ceId());
        putIfPresent(document, TYPE, entry.type());
        document.put(TIME, Date.from(entry.time()));
        putIfPresent(document, TASK_ID, entry.taskId());
        putIfPresent(document, "unit", entry.unit());
        document.put(UNITS, entry.units());
        document.put("topic", entry.topic());
        document.put("partition", entry.partition());
        document.put("offset", entry.offset());
        putIfPresent(document, "traceId", entry.traceId());
        document.put("headers", entry.headers().stream()
                .map(header -> new Document("name", header.name()).append("value", header.value()))
                .toList());
        document.put("data", storable(entry));
        if (entry.raw() != null) {
            document.put("raw", new Binary(entry.raw()));
        }
        putIfPresent(document, "key", entry.recordKey());
        document.put("loggedAt", Date.from(entry.loggedAt()));
        return document;
    }

    /**
     * The data as MongoDB stores it: field names with a dot or a leading {@code $} are refused (and would fail the
     * whole bucket), so such data is kept as JSON text rather than lost.
     */
    private static Object storable(LoggedEvent entry) {
        if (!storable(entry.data())) {
            log.warn("Storing {} with its data as text: it has field names MongoDB does not store", entry.key());
            return EventJson.MAPPER.writeValueAsString(entry.data());
        }
        return entry.data();
    }

    private static boolean storable(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (var field : map.entrySet()) {
                String name = String.valueOf(field.getKey());
                if (name.contains(".") || name.startsWith("$") || !storable(field.getValue())) {
                    return false;
                }
            }
        } else if (value instanceof Collection<?> values) {
            for (Object item : values) {
                if (!storable(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static LoggedEvent fromDocument(Document document) {
        List<LoggedEvent.Header> headers = document.getList("headers", Document.class, List.of()).stream()
                .map(header -> new LoggedEvent.Header(header.getString("name"), header.getString("value")))
                .toList();
        Binary raw = document.get("raw", Binary.class);
        return new LoggedEvent(document.getString("_id"), document.getString("ceId"), document.getString(TYPE),
                document.getDate(TIME).toInstant(), document.getString(TASK_ID), document.getString("unit"),
                document.getList(UNITS, String.class, List.of()), document.getString("topic"),
                document.getInteger("partition"), document.get("offset", Number.class).longValue(),
                document.getString("traceId"), headers, document.get("data"), raw == null ? null : raw.getData(),
                document.getDate("loggedAt").toInstant(), document.getString("key"));
    }

    private static void putIfPresent(Document document, String name, Object value) {
        if (value != null) {
            document.put(name, value);
        }
    }
}
