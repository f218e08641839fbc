package vn.dondoc.console;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The event log's entries as stored: fields {@code e.<offset>} of the bucket documents in {@code events}. */
public final class StoredEntries {

    private StoredEntries() {
    }

    /** Every stored entry of a task, in no particular order. */
    public static List<Document> ofTask(MongoTemplate mongo, String taskId) {
        List<Document> found = new ArrayList<>();
        for (Document bucket : mongo.getCollection("events").find()) {
            Document entries = bucket.get("e", Document.class);
            if (entries != null) {
                entries.values().stream().map(Document.class::cast).filter(entry -> taskId.equals(entry.getString("taskId")))
                        .forEach(found::add);
            }
        }
        return found;
    }
}
