package vn.dondoc.console.failures;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** What admins did with failures: logged, and kept in {@value #COLLECTION} (never purged). */
@Component
class AuditTrail {

    static final String COLLECTION = "audit";
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoCollection<Document> audit;

    AuditTrail(MongoTemplate mongo) {
        this.audit = mongo.getCollection(COLLECTION);
    }

    /**
     * @param target  the log entry acted on ({@code topic/partition/offset})
     * @param outcome what came of it, e.g. where the replayed record went, or why it failed
     */
    record Action(Instant at, String user, String action, String target, boolean succeeded, String outcome) {
    }

    void record(Action action) {
        log.info("AUDIT user={} action={} target={} succeeded={} outcome={}", action.user(), action.action(),
                action.target(), action.succeeded(), action.outcome());
        audit.insertOne(new Document("at", Date.from(action.at())).append("user", action.user())
                .append("action", action.action()).append("target", action.target())
                .append("succeeded", action.succeeded()).append("outcome", action.outcome()));
    }

    List<Action> latest(int limit) {
        List<Action> actions = new ArrayList<>();
        for (Document document : audit.find().sort(Sorts.descending("at")).limit(limit)) {
            actions.add(new Action(document.getDate("at").toInstant(), document.getString("user"),
                    document.getString("action"), document.getString("target"), document.getBoolean("succeeded", false),
                    document.getString("outcome")));
        }
        return actions;
    }
}
