package vn.dondoc.task.extractions;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The stored drafts. Confirming is guarded by single-document updates (MongoDB here has no transactions): one
 * request claims the draft, each assigned task is recorded on its item as soon as it exists, and the draft is
 * then marked confirmed, or handed back as a draft when an assignment failed, so a retry assigns only the rest.
 */
@Repository
class Extractions {

    private final MongoTemplate mongo;

    Extractions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Extraction insert(Extraction extraction) {
        return mongo.insert(extraction);
    }

    Optional<Extraction> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Extraction.class));
    }

    /** Saves an edit; fails with an optimistic-locking error when the draft changed since it was read. */
    Extraction save(Extraction extraction) {
        return mongo.save(extraction);
    }

    /** Takes the draft for confirming; false when it is no longer a draft (confirmed, or being confirmed). */
    boolean claim(String id) {
        var claimed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").is(Extraction.Status.DRAFT)),
                new Update().set("status", Extraction.Status.CONFIRMING).inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Extraction.class);
        return claimed != null;
    }

    void recordTask(String id, String ref, String taskId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("items.ref").is(ref)),
                new Update().set("items.$.taskId", taskId).inc("version", 1), Extraction.class);
    }

    void finish(String id, Instant confirmedAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", Extraction.Status.CONFIRMED).set("confirmedAt", confirmedAt)
                        .inc("version", 1), Extraction.class);
    }

    void release(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Extraction.Status.CONFIRMING)),
                new Update().set("status", Extraction.Status.DRAFT).inc("version", 1), Extraction.class);
    }
}
