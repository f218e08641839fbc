package vn.dondoc.task.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Envelope;

/**
 * Moves events from the documents' {@code outbox} arrays to Kafka. One background thread publishes, in order, the
 * entries of the documents it is told about ({@link #wake(String, Object)} right after each write), reading them
 * by {@code _id}; it sends a whole batch of documents before waiting for the broker once, then removes exactly the
 * acknowledged entries with one {@code $pull} over the batch's documents.
 * <p>
 * A sweep looks for leftovers — entries written before a crash, or by another instance that died — when the relay
 * starts and every {@code sweep-interval} after. It is the only query that cannot use an index on every MongoDB
 * (mongo-java-server ignores the sparse one on {@code outbox.id}), which is why it is not on the hot path.
 * <p>
 * Delivery is at least once: if the process dies between the acknowledgement and the pull, the sweep publishes
 * the same envelope again with the same {@code ce_id}, and consumers drop it as a duplicate. A document's entries
 * share a key, hence a partition, and the producer is idempotent, so they arrive in the order they were recorded;
 * after a failed send the document's later entries stay in its outbox and are published again after it.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** A document that may have entries to publish. */
    private record Pending(String collection, Object id) {
    }

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, Envelope<?>> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private volatile Thread worker;

    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, Envelope<?>> kafka, OutboxProperties properties,
                Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    /** Tells the relay that a document has new entries. Cheap; never blocks the writer. */
    void wake(String collection, Object id) {
        pending.add(new Pending(collection, id));
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        for (String collection : collections()) {
            var documents = mongo.getCollection(collection);
            documents.createIndex(Indexes.ascending(Outbox.FIELD + "." + OutboxEntry.ID), new IndexOptions().sparse(true));
            // Outbox.save updates by (_id, version). MongoDB answers that from the _id index anyway; mongo-java-server
            // uses an index only when the query names exactly its keys, and would otherwise scan the collection on
            // every change (measured: 160-700 ms per update with 100,000 tasks; 1-7 ms with this index)
            documents.createIndex(Indexes.ascending("_id", Outbox.VERSION), new IndexOptions().unique(true));
        }
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
        Instant nextSweep = Instant.MIN;
        while (worker == Thread.currentThread()) {
            try {
                if (!clock.instant().isBefore(nextSweep)) {
                    sweep();
                    nextSweep = clock.instant().plus(properties.sweepInterval());
                }
                List<Pending> batch = nextBatch();
                List<Pending> unfinished = relay(batch);
                if (!unfinished.isEmpty()) {
                    pending.addAll(unfinished);
                    Thread.sleep(properties.pollInterval().toMillis()); // the broker is struggling: back off
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed; sweeping again at the next poll: {}", e.toString());
                nextSweep = Instant.MIN;
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Waits up to a poll interval for the first document, then takes whatever else is already waiting. */
    private List<Pending> nextBatch() throws InterruptedException {
        Pending first = pending.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Pending> batch = new ArrayList<>(List.of(first));
        pending.drainTo(batch, properties.batchSize() - 1);
        return batch;
    }

    /** Queues every document that still has entries, whoever wrote them. */
    void sweep() {
        for (String collection : collections()) {
            mongo.getCollection(collection)
                    .find(Filters.elemMatch(Outbox.FIELD, Filters.exists(OutboxEntry.ID)))
                    .projection(Projections.include("_id"))
                    .forEach(document -> wake(collection, document.get("_id")));
        }
    }

    /**
     * Publishes the entries of the given documents.
     *
     * @return the documents whose entries could not all be published
     */
    private List<Pending> relay(List<Pending> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, Set<Object>> idsByCollection = batch.stream().collect(Collectors.groupingBy(Pending::collection,
                Collectors.mapping(Pending::id, Collectors.toCollection(LinkedHashSet::new))));
        List<Sending> sendings = new ArrayList<>();
        idsByCollection.forEach((collection, ids) -> mongo.getCollection(collection)
                .find(Filters.in("_id", ids))
                .projection(Projections.include(Outbox.FIELD))
                .forEach(document -> sendings.add(send(collection, document))));
        long deadline = System.nanoTime() + properties.publishTimeout().toNanos();
        List<Pending> unfinished = new ArrayList<>();
        Map<String, Set<Object>> pulledFrom = new HashMap<>();
        Map<String, List<String>> pulled = new HashMap<>();
        for (Sending sending : sendings) {
            List<String> published = sending.awaitPublished(deadline);
            if (!published.isEmpty()) {
                pulledFrom.computeIfAbsent(sending.collection(), c -> new LinkedHashSet<>()).add(sending.id());
                pulled.computeIfAbsent(sending.collection(), c -> new ArrayList<>()).addAll(published);
            }
            if (published.size() < sending.entries().size()) {
                unfinished.add(new Pending(sending.collection(), sending.id()));
            }
        }
        // one update for the whole batch: entry ids are unique, so each document loses exactly its published ones
        pulledFrom.forEach((collection, ids) -> mongo.getCollection(collection).updateMany(Filters.in("_id", ids),
                new Document("$pull", new Document(Outbox.FIELD,
                        new Document(OutboxEntry.ID, new Document("$in", pulled.get(collection)))))));
        return unfinished;
    }

    private Sending send(String collection, Document document) {
        List<OutboxEntry> entries = document.getList(Outbox.FIELD, Document.class, List.of()).stream()
                .map(OutboxEntry::from)
                .toList();
        List<CompletableFuture<SendResult<String, Envelope<?>>>> acknowledgements = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            try {
                acknowledgements.add(kafka.send(entry.toEnvelope().toRecord()));
            } catch (RuntimeException e) {
                acknowledgements.add(CompletableFuture.failedFuture(e)); // e.g. metadata not available in time
                break;
            }
        }
        return new Sending(collection, document.get("_id"), entries, acknowledgements);
    }

    /** The entries of one document on their way to the broker, in their order. */
    private record Sending(String collection, Object id, List<OutboxEntry> entries,
                           List<CompletableFuture<SendResult<String, Envelope<?>>>> acknowledgements) {

        /** The ids of the entries acknowledged before the first that failed: those may leave the outbox. */
        List<String> awaitPublished(long deadline) throws InterruptedException {
            List<String> published = new ArrayList<>();
            for (int i = 0; i < acknowledgements.size(); i++) {
                OutboxEntry entry = entries.get(i);
                try {
                    acknowledgements.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    log.warn("Could not publish {} {} of {} {}; will retry: {}", entry.type(), entry.id(), collection,
                            id, e.getCause() == null ? e.toString() : e.getCause().toString());
                    break;
                }
                published.add(entry.id());
            }
            return published;
        }
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
