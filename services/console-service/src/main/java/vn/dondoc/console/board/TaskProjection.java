package vn.dondoc.console.board;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.dondoc.console.eventlog.LoggedEvent;
import vn.dondoc.console.eventlog.Projection;

/**
 * What the board knows of each task, kept from the log's input as facts and folded into one state per task when the
 * board is read.
 *
 * <p>Storage: {@value #FACTS} holds one document per day of event time ({@code _id}: epoch day), {@code f: {<entry>:
 * <fact>}}, and {@code days} listing them ({@code d: {<day>: true}}), a fact being
 * the board's part of one event (task, type, time, and the title, units, deadline, unit or completion it carries),
 * {@code <entry>} the record's {@code topic/partition/offset} with dots as colons. Storing sets fields, so a
 * redelivered or overlapping batch changes nothing. Why not one document per task, updated in place: on the local
 * stack's store each document write costs about half a millisecond (its {@code _id} index serialises keys for each
 * comparison; the oplog copies the write), and a backlog's batch of 5,000 events touches about a thousand tasks but
 * only one or two days. The board reads every task anyway, so reading facts instead of states costs it little.
 *
 * <p>Folding, per task in (time, entry) order: the description (title, units, deadline) is replaced only by an event
 * at least as recent as the one it came from ({@code describedAt}), so a late old event changes nothing;
 * acknowledgements and reports are sets; completion, cancellation and reopening move the task's life
 * ({@code lifecycleAt}) under the same rule, so a replayed completion does not close a task that was reopened since.
 * Documents of {@value #COLLECTION} (one per task, the layout before facts) are the states the facts start from.
 */
@Component
class TaskProjection implements Projection {

    /** One state per task: the layout before facts, still read as the starting point. */
    static final String COLLECTION = "tasks";
    static final String FACTS = "taskFacts";
    private static final long DAY = 86_400_000;
    /** The document listing the days that have facts. */
    private static final String DAYS = "days";
    private static final int DAYS_PER_READ = 4;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final Set<String> TYPES = Set.of("task.assigned", "task.updated", "task.deadline-extended",
            "task.acknowledged", "task.reported", "report.rejected", "task.completed", "task.cancelled", "task.reopened");

    private final MongoCollection<Document> states;
    private final MongoCollection<Document> facts;

    TaskProjection(MongoTemplate mongo) {
        this.states = mongo.getCollection(COLLECTION);
        this.facts = mongo.getCollection(FACTS);
    }

    @Override
    public void apply(List<LoggedEvent> batch) {
        Map<Long, Document> days = new TreeMap<>();
        for (LoggedEvent event : batch) {
            if (event.taskId() != null && TYPES.contains(event.type()) && event.data() instanceof Map<?, ?> data) {
                days.computeIfAbsent(Math.floorDiv(event.time().toEpochMilli(), DAY), day -> new Document())
                        .append("f." + event.key().replace('.', ':'), fact(event, data));
            }
        }
        if (days.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        Document listed = new Document();
        days.forEach((day, fields) -> {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", day), new Document("$set", fields), UPSERT));
            listed.append("d." + day, true);
        });
        // the days after their facts: a reader never finds a day listed without its facts
        writes.add(new UpdateOneModel<>(Filters.eq("_id", DAYS), new Document("$set", listed), UPSERT));
        try {
            facts.bulkWrite(writes);
        } catch (MongoBulkWriteException e) {
            // another consumer created a day meanwhile (a rebalance): again, now as updates
            facts.bulkWrite(writes);
        }
    }

    private static Document fact(LoggedEvent event, Map<?, ?> data) {
        var fact = new Document("task", event.taskId()).append("type", event.type()).append("time", Date.from(event.time()))
                .append("key", event.key());
        for (String field : List.of("title", "leadUnits", "coordinatingUnits", "deadline", "unit", "completedAt", "onTime")) {
            if (data.containsKey(field)) {
                fact.append(field, data.get(field));
            }
        }
        return fact;
    }

    /** Every task's state as of the facts stored, keyed by task id. */
    Map<String, Document> tasks() {
        Map<String, Document> tasks = new LinkedHashMap<>();
        states.find().forEach(state -> tasks.put(state.getString("_id"), state));
        List<Document> all = new ArrayList<>();
        // the days listed, read by _id a few at a time: a day holds thousands of facts (a reply is at most 48 MB),
        // and no cursor stays open over the collection (on the local stack's H2 file a long one can fail)
        Document listed = facts.find(Filters.eq("_id", DAYS)).first();
        List<Long> days = listed == null ? List.of()
                : listed.get("d", Document.class).keySet().stream().map(Long::valueOf).sorted().toList();
        for (int i = 0; i < days.size(); i += DAYS_PER_READ) {
            facts.find(Filters.in("_id", days.subList(i, Math.min(days.size(), i + DAYS_PER_READ))))
                    .forEach(day -> day.get("f", Document.class).values().forEach(fact -> all.add((Document) fact)));
        }
        all.sort(Comparator.comparing((Document fact) -> fact.getDate("time")).thenComparing(fact -> fact.getString("key")));
        for (Document fact : all) {
            String taskId = fact.getString("task");
            apply(tasks.computeIfAbsent(taskId, id -> new Document("_id", id)), fact);
        }
        return tasks;
    }

    private static void apply(Document task, Document fact) {
        Date time = fact.getDate("time");
        switch (fact.getString("type")) {
            case "task.assigned", "task.updated" -> {
                if (describe(task, time)) {
                    task.put("title", fact.get("title"));
                    task.put("leadUnits", fact.get("leadUnits"));
                    task.put("coordinatingUnits", fact.get("coordinatingUnits"));
                    task.put("deadline", fact.get("deadline"));
                    if (fact.getString("type").equals("task.assigned")) {
                        task.put("assignedAt", time);
                    }
                }
            }
            case "task.deadline-extended" -> {
                if (describe(task, time)) {
                    task.put("deadline", fact.get("deadline"));
                }
            }
            case "task.acknowledged" -> addUnit(task, "acknowledged", fact.getString("unit"));
            case "task.reported" -> addUnit(task, "reported", fact.getString("unit"));
            case "report.rejected" -> removeUnit(task, "reported", fact.getString("unit"));
            case "task.completed" -> {
                if (live(task, time)) {
                    task.put("completedAt", fact.get("completedAt"));
                    task.put("onTime", Boolean.TRUE.equals(fact.get("onTime")));
                    task.remove("cancelledAt");
                }
            }
            case "task.cancelled" -> {
                if (live(task, time)) {
                    task.put("cancelledAt", time);
                }
            }
            case "task.reopened" -> {
                if (live(task, time)) {
                    task.remove("completedAt");
                    task.remove("onTime");
                    task.remove("cancelledAt");
                    task.put("reported", new ArrayList<String>());
                }
            }
            default -> {
            }
        }
    }

    /** Whether an event of this time may replace the description; if so it is now the latest. */
    private static boolean describe(Document task, Date time) {
        Date describedAt = task.getDate("describedAt");
        if (describedAt != null && describedAt.after(time)) {
            return false;
        }
        task.put("describedAt", time);
        return true;
    }

    private static boolean live(Document task, Date time) {
        Date lifecycleAt = task.getDate("lifecycleAt");
        if (lifecycleAt != null && lifecycleAt.after(time)) {
            return false;
        }
        task.put("lifecycleAt", time);
        return true;
    }

    private static void addUnit(Document task, String field, String unit) {
        List<String> units = new ArrayList<>(task.getList(field, String.class, List.of()));
        if (!units.contains(unit)) {
            units.add(unit);
        }
        task.put(field, units);
    }

    private static void removeUnit(Document task, String field, String unit) {
        List<String> units = new ArrayList<>(task.getList(field, String.class, List.of()));
        units.remove(unit);
        task.put(field, units);
    }
}
