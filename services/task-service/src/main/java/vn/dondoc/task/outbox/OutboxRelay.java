package vn.dondoc.task.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Envelope;

/**
 * Moves events from the documents' {@code outbox} arrays to Kafka. One background thread, woken right after each
 * write and polling as a fallback, publishes a document's entries in order, waits for each acknowledgement, then
 * removes exactly the published entries with an atomic {@code $pull} by id.
 * <p>
 * Delivery is at least once: if the process dies between the acknowledgement and the pull, the next pass
 * publishes the same envelope again with the same {@code ce_id}, and consumers drop it as a duplicate.
 * A single thread per instance keeps per-document order; with several instances an entry may be published twice
 * (same id), never lost.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, Envelope<?>> kafka;
    private final OutboxProperties properties;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, Envelope<?>> kafka, OutboxProperties properties) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Asks for a pass now instead of at the next poll. Cheap; never blocks the writer. */
    void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        collections().forEach(collection -> mongo.getCollection(collection)
                .createIndex(Indexes.ascending(Outbox.FIELD + "." + OutboxEntry.ID), new IndexOptions().sparse(true)));
        // assigned before it starts: run() loops only while it is the current worker
        worker = Thread.ofPlatform().name("outbox-relay").daemon().unstarted(this::run);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(properties.publishTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            try {
                while (relayOnce() > 0 && worker == Thread.currentThread()) {
                    // keep going while there is work; a full batch means there may be more
                }
                wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed; retrying at the next poll: {}", e.toString());
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * One pass over every aggregate collection.
     *
     * @return how many entries were published
     */
    int relayOnce() throws InterruptedException {
        int published = 0;
        for (String collection : collections()) {
            var pending = mongo.getCollection(collection)
                    .find(Filters.elemMatch(Outbox.FIELD, Filters.exists(OutboxEntry.ID)))
                    .projection(Projections.include(Outbox.FIELD))
                    .limit(properties.batchSize());
            for (Document document : pending) {
                published += relay(collection, document);
            }
        }
        return published;
    }

    private int relay(String collection, Document document) throws InterruptedException {
        List<String> published = new ArrayList<>();
        try {
            for (Document stored : document.getList(Outbox.FIELD, Document.class)) {
                var entry = OutboxEntry.from(stored);
                try {
                    kafka.send(entry.toEnvelope().toRecord())
                            .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    // later entries of this document wait, so that its events are never published out of order
                    log.warn("Could not publish {} {} of {} {}; will retry: {}", entry.type(), entry.id(), collection,
                            document.get("_id"), e.toString());
                    break;
                }
                published.add(entry.id());
            }
        } finally {
            if (!published.isEmpty()) {
                mongo.getCollection(collection).updateOne(Filters.eq("_id", document.get("_id")),
                        new Document("$pull", new Document(Outbox.FIELD,
                                new Document(OutboxEntry.ID, new Document("$in", published)))));
            }
        }
        return published.size();
    }

    /** The collections of every {@link Aggregate} Spring Data knows (Boot scans {@code @Document} classes). */
    private List<String> collections() {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> Aggregate.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .toList();
    }
}
