package vn.dondoc.console.eventlog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * The stored log, one MongoDB document per Kafka record with {@code _id = topic/partition/offset}: storing a
 * record twice (redelivery after a rebalance, a retried batch) is a duplicate key, i.e. "already stored". The
 * first pages, time ranges and everything of a task are read by key through the {@link LogIndex}; only filters on
 * type or unit (without a task) read the whole log.
 */
@Repository
public class EventLog implements InitializingBean {

    static final String COLLECTION = "events";
    static final String TASK_ID = "taskId";
    static final String TYPE = "type";
    static final String UNITS = "units";
    static final String TIME = "time";

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    private static final Bson OLDEST_FIRST = Sorts.ascending(TIME, "topic", "partition", "offset");
    private static final Bson NEWEST_FIRST = Sorts.descending(TIME, "topic", "partition", "offset");
    /** The page's order: a total order that a (time, key) cursor can continue exactly. */
    private static final Bson NEWEST_FIRST_BY_KEY = Sorts.descending(TIME, "_id");
    /** The same orders in memory, for entries read by key. */
    private static final Comparator<LoggedEvent> OLDEST_FIRST_BY_POSITION =
            Comparator.comparing(EventLog::position, LogIndex.Ref.BY_POSITION);
    private static final Comparator<LoggedEvent> PAGE_ORDER =
            Comparator.comparing(LoggedEvent::time).thenComparing(LoggedEvent::key).reversed();

    /** Entries read by {@code _id} per round trip. */
    private static final int READ_CHUNK = 500;

    private final MongoCollection<Document> events;
    private final LogIndex index;

    EventLog(MongoTemplate mongo) {
        this.events = mongo.getCollection(COLLECTION);
        this.index = new LogIndex(mongo.getCollection(LogIndex.COLLECTION), mongo.getCollection(LogIndex.TIMELINES));
    }

    @Override
    public void afterPropertiesSet() {
        events.createIndex(Indexes.ascending(TASK_ID, TIME), new IndexOptions().name("task_time"));
        events.createIndex(Indexes.ascending(TYPE, TIME), new IndexOptions().name("type_time"));
        events.createIndex(Indexes.ascending(UNITS, TIME), new IndexOptions().name("unit_time"));
        events.createIndex(Indexes.ascending(TIME), new IndexOptions().name("time"));
        if (!index.complete()) {
            indexStoredEntries();
        }
    }

    /** A log stored before the index existed: index it once, before anything else is stored. */
    private void indexStoredEntries() {
        long start = System.nanoTime();
        List<LogIndex.Indexed> chunk = new ArrayList<>();
        long indexed = 0;
        for (Document entry : events.find().projection(Projections.include(TIME, TASK_ID)).batchSize(READ_CHUNK)) {
            chunk.add(new LogIndex.Indexed(entry.getString("_id"), entry.getDate(TIME).getTime(), entry.getString(TASK_ID)));
            if (chunk.size() == 5_000) {
                index.add(chunk);
                indexed += chunk.size();
                chunk.clear();
            }
        }
        index.add(chunk);
        indexed += chunk.size();
        index.markComplete();
        if (indexed > 0) {
            log.info("Indexed {} stored event log entries in {} ms", indexed, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Stores what is not stored yet, in one round trip; returns exactly the newly stored entries, in order. */
    List<LoggedEvent> append(List<LoggedEvent> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        index.add(entries.stream()
                .map(entry -> new LogIndex.Indexed(entry.key(), entry.time().toEpochMilli(), entry.taskId())).toList());
        Set<Integer> notNew = new HashSet<>();
        try {
            events.insertMany(entries.stream().map(EventLog::toDocument).toList(), new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    notNew.add(error.getIndex());
                } else if (!storeAsText(entries.get(error.getIndex()), error.getMessage())) {
                    notNew.add(error.getIndex());
                }
            }
        }
        if (notNew.isEmpty()) {
            return entries;
        }
        List<LoggedEvent> stored = new ArrayList<>(entries.size() - notNew.size());
        for (int i = 0; i < entries.size(); i++) {
            if (!notNew.contains(i)) {
                stored.add(entries.get(i));
            }
        }
        return stored;
    }

    /**
     * MongoDB refused the document itself (e.g. field names it does not allow): keep the data as JSON text rather
     * than lose the record. Returns false when it was stored meanwhile.
     */
    private boolean storeAsText(LoggedEvent entry, String reason) {
        log.warn("Storing {} with its data as text: {}", entry.key(), reason);
        Document document = toDocument(entry);
        document.put("data", EventJson.MAPPER.writeValueAsString(entry.data()));
        try {
            events.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The latest {@code limit} matching entries, or with {@code after} the first ones after it; oldest first. */
    List<LoggedEvent> find(EventQuery query) {
        if (query.taskId() != null) {
            List<LoggedEvent> all = ofTask(query, OLDEST_FIRST_BY_POSITION, event -> true);
            return query.after() != null ? head(all, query.limit())
                    : List.copyOf(all.subList(Math.max(0, all.size() - query.limit()), all.size()));
        }
        if (byTimeOnly(query)) {
            List<LoggedEvent> found = fetch(index.walk(query.after() == null, from(query), to(query),
                    LogIndex.Ref.BY_POSITION, ref -> true), query.limit());
            if (query.after() == null) {
                Collections.reverse(found);
            }
            return found;
        }
        if (query.after() != null) {
            return read(events.find(query.filter()).sort(OLDEST_FIRST).limit(query.limit()));
        }
        List<LoggedEvent> latest = read(events.find(query.filter()).sort(NEWEST_FIRST).limit(query.limit()));
        Collections.reverse(latest);
        return latest;
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
        } else if (byTimeOnly(query)) {
            long to = to(query);
            if (cursor != null) {
                to = Math.min(to, cursor.time().toEpochMilli());
            }
            found = fetch(index.walk(true, from(query), to, LogIndex.Ref.BY_KEY,
                    ref -> cursor == null || cursor.isAfter(Instant.ofEpochMilli(ref.millis()), ref.key())), query.limit() + 1);
        } else {
            Bson filter = query.filter();
            if (cursor != null) {
                Date time = Date.from(cursor.time());
                filter = Filters.and(filter, Filters.or(Filters.lt(TIME, time),
                        Filters.and(Filters.eq(TIME, time), Filters.lt("_id", cursor.key()))));
            }
            found = read(events.find(filter).sort(NEWEST_FIRST_BY_KEY).limit(query.limit() + 1));
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
        return fetch(refs.iterator(), limit);
    }

    /** The task's entries that match the query and {@code also}, in {@code order}: its timeline, read by key. */
    private List<LoggedEvent> ofTask(EventQuery query, Comparator<LoggedEvent> order, Predicate<LoggedEvent> also) {
        List<LoggedEvent> all = new ArrayList<>(fetch(index.ofTask(query.taskId()).iterator(), Integer.MAX_VALUE));
        all.removeIf(event -> !query.matches(event) || !also.test(event));
        all.sort(order);
        return all;
    }

    /**
     * The first {@code limit} entries the refs name that are stored, read by key a chunk at a time (an entry the index
     * names may not be stored yet: the index is written first).
     */
    private List<LoggedEvent> fetch(Iterator<LogIndex.Ref> refs, int limit) {
        List<LoggedEvent> found = new ArrayList<>();
        while (found.size() < limit && refs.hasNext()) {
            List<String> keys = new ArrayList<>();
            while (keys.size() < Math.min(READ_CHUNK, limit - found.size()) && refs.hasNext()) {
                keys.add(refs.next().key());
            }
            Map<String, LoggedEvent> byKey = new HashMap<>();
            events.find(Filters.in("_id", keys)).forEach(document -> byKey.put(document.getString("_id"), fromDocument(document)));
            keys.stream().map(byKey::get).filter(Objects::nonNull).forEach(found::add);
        }
        return found;
    }

    /** Queries the index answers: no filter but time. */
    private static boolean byTimeOnly(EventQuery query) {
        return query.type() == null && query.unit() == null;
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
        return read(events.find(Filters.in(TYPE, types)).sort(NEWEST_FIRST).limit(limit));
    }

    /** The entry stored under {@code topic/partition/offset}. */
    public Optional<LoggedEvent> byKey(String key) {
        return Optional.ofNullable(events.find(Filters.eq("_id", key)).first()).map(EventLog::fromDocument);
    }

    /** Every address an email was delivered to, as the notifier reported it. */
    public List<String> emailRecipients() {
        List<String> addresses = new ArrayList<>();
        events.distinct("data.address", Filters.and(Filters.eq(TYPE, "notification.sent"), Filters.eq("data.channel", "EMAIL")),
                String.class).into(addresses);
        Collections.sort(addresses);
        return addresses;
    }

    /**
     * Forgets entries older than {@code cutoff}, with their places in the index and timelines; returns how many. Led
     * by the index, so it reads only what goes (a filter on time would read the whole log).
     */
    long purgeBefore(Instant cutoff) {
        long[] purged = {0};
        index.purgeBefore(cutoff.toEpochMilli(), refs -> {
            for (int i = 0; i < refs.size(); i += READ_CHUNK) {
                List<String> keys = refs.subList(i, Math.min(refs.size(), i + READ_CHUNK)).stream().map(LogIndex.Ref::key).toList();
                Map<String, List<LogIndex.Ref>> byTask = new HashMap<>();
                events.find(Filters.in("_id", keys)).projection(Projections.include(TIME, TASK_ID)).forEach(entry -> {
                    if (entry.getString(TASK_ID) != null) {
                        byTask.computeIfAbsent(entry.getString(TASK_ID), task -> new ArrayList<>())
                                .add(LogIndex.Ref.of(entry.getString("_id"), entry.getDate(TIME).getTime()));
                    }
                });
                index.forgetInTimelines(byTask);
                purged[0] += events.deleteMany(Filters.in("_id", keys)).getDeletedCount();
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

    private static List<LoggedEvent> read(Iterable<Document> documents) {
        List<LoggedEvent> result = new ArrayList<>();
        documents.forEach(document -> result.add(fromDocument(document)));
        return result;
    }

    private static Document toDocument(LoggedEvent entry) {
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
        document.put("data", entry.data());
        if (entry.raw() != null) {
            document.put("raw", new Binary(entry.raw()));
        }
        putIfPresent(document, "key", entry.recordKey());
        document.put("loggedAt", Date.from(entry.loggedAt()));
        return document;
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
