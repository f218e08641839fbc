package vn.dondoc.task.outbox;

import java.time.Clock;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Envelope;

/**
 * Stores an aggregate together with the events it recorded, in one single-document write: the state and an
 * {@code outbox} array of envelopes. MongoDB guarantees that write is atomic without transactions, so an event is
 * stored if and only if its change is. Kafka is never called here; the {@link OutboxRelay} is only woken.
 */
@Component
public class Outbox {

    static final String FIELD = "outbox";
    static final String VERSION = "version";
    /** CloudEvents {@code ce_source} of everything this service publishes. */
    public static final String SOURCE = "/dondoc/task-service";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    Outbox(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Inserts a new aggregate or updates a loaded one. An update sets the state fields and appends to the outbox
     * (never replaces it, so entries the relay already removed do not come back), and applies only if nobody else
     * changed the document since it was read.
     *
     * @throws org.springframework.dao.DuplicateKeyException on inserting an id that exists
     * @throws OptimisticLockingFailureException when the document changed since it was read
     */
    public void save(Aggregate aggregate) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        List<Document> entries = aggregate.recordedEvents().stream()
                .map(event -> OutboxEntry.of(Envelope.of(SOURCE, event, clock)).toDocument())
                .toList();
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Long version = aggregate.version();
        long next = version == null ? 0 : version + 1;
        state.put(VERSION, next);
        if (version == null) {
            state.put(FIELD, entries);
            mongo.insert(state, collection);
        } else {
            Object id = state.remove("_id");
            state.remove(FIELD);
            var update = new Document("$set", state);
            // the converter leaves null fields out: unset them, or a value set back to null would stay stored
            var cleared = new Document();
            mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass())
                    .doWithProperties((org.springframework.data.mapping.PropertyHandler<
                            org.springframework.data.mongodb.core.mapping.MongoPersistentProperty>) property -> {
                        if (!property.isIdProperty() && property.isWritable() && !state.containsKey(property.getFieldName())
                                && !property.getFieldName().equals(VERSION) && !property.getFieldName().equals(FIELD)) {
                            cleared.append(property.getFieldName(), "");
                        }
                    });
            if (!cleared.isEmpty()) {
                update.append("$unset", cleared);
            }
            if (!entries.isEmpty()) {
                update.append("$push", new Document(FIELD, new Document("$each", entries)));
            }
            var matched = mongo.getCollection(collection)
                    .updateOne(new Document("_id", id).append(VERSION, version), update)
                    .getMatchedCount();
            if (matched == 0) {
                throw new OptimisticLockingFailureException(
                        "%s %s changed since it was read (version %d)".formatted(collection, id, version));
            }
        }
        aggregate.saved(next);
        if (!entries.isEmpty()) {
            relay.wake(collection, aggregate.id());
        }
    }
}
