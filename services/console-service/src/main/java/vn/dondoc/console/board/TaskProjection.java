package vn.dondoc.console.board;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.dondoc.console.eventlog.LoggedEvent;
import vn.dondoc.console.eventlog.Projection;

/**
 * Keeps one document per task in {@value #COLLECTION}, so the board never reads the whole log. Every update is an
 * idempotent single-document upsert: the task's description (title, units, deadline) is replaced only by an event
 * at least as recent as the one it came from ({@code describedAt}), so a redelivered or late old event changes
 * nothing; acknowledgements and reports are sets; completion, cancellation and reopening move the task's life
 * ({@code lifecycleAt}) under the same rule, so a replayed completion does not close a task that was reopened since.
 */
@Component
class TaskProjection implements Projection {

    static final String COLLECTION = "tasks";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> tasks;

    TaskProjection(MongoTemplate mongo) {
        this.tasks = mongo.getCollection(COLLECTION);
    }

    @Override
    public void apply(List<LoggedEvent> batch) {
        List<LoggedEvent> relevant = batch.stream()
                .filter(event -> event.taskId() != null && event.type() != null && event.data() instanceof Map<?, ?>)
                .toList();
        if (relevant.isEmpty()) {
            return;
        }
        Map<String, Guard> guards = guards(relevant);
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (LoggedEvent event : relevant) {
            WriteModel<Document> update = updateFor(event, (Map<?, ?>) event.data(), guards.get(event.taskId()));
            if (update != null) {
                updates.add(update);
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        try {
            tasks.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                // another consumer inserted the task meanwhile (a rebalance): the retried batch updates it
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /**
     * When each task of the batch was last described and changed its life, read by {@code _id} in one round trip.
     * The "only if not newer" checks happen here rather than in the update's filter: the local stack's store uses
     * its {@code _id} index only for a filter on {@code _id} alone, and read the whole collection for each guarded
     * update (quadratic ingest). The decision is safe because all of a task's events that move these times are on
     * one partition of {@code tasks.events}, read by one consumer at a time, in order.
     */
    private Map<String, Guard> guards(List<LoggedEvent> events) {
        Map<String, Guard> guards = new HashMap<>();
        events.forEach(event -> guards.put(event.taskId(), new Guard()));
        List<String> ids = List.copyOf(guards.keySet());
        for (int i = 0; i < ids.size(); i += 1_000) {
            tasks.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + 1_000))))
                    .projection(Projections.include("describedAt", "lifecycleAt"))
                    .forEach(task -> {
                        Guard guard = guards.get(task.getString("_id"));
                        guard.describedAt = task.getDate("describedAt");
                        guard.lifecycleAt = task.getDate("lifecycleAt");
                    });
        }
        return guards;
    }

    /** The latest description and life change of a task, as stored plus what this batch applies. */
    private static final class Guard {
        Date describedAt;
        Date lifecycleAt;

        boolean describe(Date time) {
            if (describedAt != null && describedAt.after(time)) {
                return false;
            }
            describedAt = time;
            return true;
        }

        boolean live(Date time) {
            if (lifecycleAt != null && lifecycleAt.after(time)) {
                return false;
            }
            lifecycleAt = time;
            return true;
        }
    }

    private static WriteModel<Document> updateFor(LoggedEvent event, Map<?, ?> data, Guard guard) {
        Bson task = Filters.eq("_id", event.taskId());
        Date time = Date.from(event.time());
        return switch (event.type()) {
            case "task.assigned", "task.updated" -> {
                List<Bson> sets = new ArrayList<>(List.of(
                        Updates.set("title", data.get("title")),
                        Updates.set("leadUnits", data.get("leadUnits")),
                        Updates.set("coordinatingUnits", data.get("coordinatingUnits")),
                        Updates.set("deadline", data.get("deadline")),
                        Updates.set("describedAt", time)));
                if (event.type().equals("task.assigned")) {
                    sets.add(Updates.set("assignedAt", time));
                }
                yield guard.describe(time) ? upsert(task, sets) : null;
            }
            case "task.deadline-extended" -> guard.describe(time)
                    ? upsert(task, List.of(Updates.set("deadline", data.get("deadline")), Updates.set("describedAt", time)))
                    : null;
            case "task.acknowledged" -> new UpdateOneModel<>(task, Updates.addToSet("acknowledged", data.get("unit")), UPSERT);
            case "task.reported" -> new UpdateOneModel<>(task, Updates.addToSet("reported", data.get("unit")), UPSERT);
            case "report.rejected" -> new UpdateOneModel<>(task, Updates.pull("reported", data.get("unit")), UPSERT);
            case "task.completed" -> lifecycle(task, time, guard, List.of(
                    Updates.set("completedAt", data.get("completedAt")),
                    Updates.set("onTime", Boolean.TRUE.equals(data.get("onTime"))),
                    Updates.unset("cancelledAt")));
            case "task.cancelled" -> lifecycle(task, time, guard, List.of(Updates.set("cancelledAt", time)));
            case "task.reopened" -> lifecycle(task, time, guard, List.of(Updates.unset("completedAt"), Updates.unset("onTime"),
                    Updates.unset("cancelledAt"), Updates.set("reported", List.of())));
            default -> null;
        };
    }

    private static WriteModel<Document> lifecycle(Bson task, Date time, Guard guard, List<Bson> changes) {
        if (!guard.live(time)) {
            return null;
        }
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.set("lifecycleAt", time));
        return upsert(task, all);
    }

    private static WriteModel<Document> upsert(Bson task, List<Bson> sets) {
        return new UpdateOneModel<>(task, Updates.combine(sets), UPSERT);
    }
}
