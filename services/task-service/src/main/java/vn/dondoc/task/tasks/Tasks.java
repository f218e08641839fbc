package vn.dondoc.task.tasks;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.dondoc.task.outbox.Outbox;

/** The stored tasks. Writes go through the {@link Outbox}, so that every change is published. */
@Repository
class Tasks {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    Tasks(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    Optional<Task> find(TaskId id) {
        return Optional.ofNullable(mongo.findById(id.value(), Task.class));
    }

    void save(Task task) {
        outbox.save(task);
    }
}
