package vn.dondoc.console.board;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Date;
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
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (LoggedEvent event : batch) {
            if (event.taskId() != null && event.type() != null && event.data() instanceof Map<?, ?> data) {
                WriteModel<Document> update = updateFor(event, data);
                if (update != null) {
                    updates.add(update);
                }
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        try {
            tasks.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                // a guarded upsert that found a newer description tried to insert the task again: stale, skip it
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private static WriteModel<Document> updateFor(LoggedEvent event, Map<?, ?> data) {
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
                yield described(task, time, sets);
            }
            case "task.deadline-extended" -> described(task, time,
                    List.of(Updates.set("deadline", data.get("deadline")), Updates.set("describedAt", time)));
            case "task.acknowledged" -> new UpdateOneModel<>(task, Updates.addToSet("acknowledged", data.get("unit")), UPSERT);
            case "task.reported" -> new UpdateOneModel<>(task, Updates.addToSet("reported", data.get("unit")), UPSERT);
            case "report.rejected" -> new UpdateOneModel<>(task, Updates.pull("reported", data.get("unit")), UPSERT);
            case "task.completed" -> lifecycle(task, time, List.of(
                    Updates.set("completedAt", data.get("completedAt")),
                    Updates.set("onTime", Boolean.TRUE.equals(data.get("onTime"))),
                    Updates.unset("cancelledAt")));
            case "task.cancelled" -> lifecycle(task, time, List.of(Updates.set("cancelledAt", time)));
            case "task.reopened" -> lifecycle(task, time, List.of(Updates.unset("completedAt"), Updates.unset("onTime"),
                    Updates.unset("cancelledAt"), Updates.set("reported", List.of())));
            default -> null;
        };
    }

    private static WriteModel<Document> lifecycle(Bson task, Date time, List<Bson> changes) {
        Bson notNewer = Filters.or(Filters.exists("lifecycleAt", false), Filters.lte("lifecycleAt", time));
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.set("lifecycleAt", time));
        return new UpdateOneModel<>(Filters.and(task, notNewer), Updates.combine(all), UPSERT);
    }

    private static WriteModel<Document> described(Bson task, Date time, List<Bson> sets) {
        Bson notNewer = Filters.or(Filters.exists("describedAt", false), Filters.lte("describedAt", time));
        return new UpdateOneModel<>(Filters.and(task, notNewer), Updates.combine(sets), UPSERT);
    }
}
