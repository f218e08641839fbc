package vn.dondoc.notifier.reminders;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.dondoc.notifier.reminders.Delivery.State;

/**
 * The deliveries collection (no transactions). A batch of reminders costs three round trips: one insert of every
 * first claim (the unique index rejects the ones already claimed), one read of the claims' state before their
 * outcomes are published, one write of every answer together with whether its outcome is published; the hot path
 * only queries by id. The rarer changes of a delivery met again (taken over, given up) stay single-document
 * conditional updates that apply only if the document is still in the state the caller saw.
 *
 * <p>The hot path writes and reads plain documents, field for field what the mapping of {@link Delivery} writes
 * and reads (without its {@code _class} hint, which nothing needs): the mapping's reflection ran per document on
 * the consumer thread. MongoDB's cost is mostly per written document, so an answer and its "published" mark are
 * one write.
 */
@Component
class Deliveries {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    Deliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    sealed interface Claim {
        /** Ours to send now. */
        record Granted(Delivery delivery) implements Claim {
        }

        /** Already decided by an earlier attempt; nothing is to be sent. */
        record Settled(Delivery delivery) implements Claim {
        }
    }

    /**
     * Inserts first claims, all at once.
     *
     * @return the deliveries already there for the claims that collided with one, by key; every other claim is
     *         granted as given
     */
    Map<String, Delivery> claimAll(List<Delivery> claims) {
        if (claims.isEmpty()) {
            return Map.of();
        }
        var documents = claims.stream().map(Deliveries::document).toList();
        List<Delivery> collided = new ArrayList<>();
        try {
            collection().insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException rejected) {
            for (var error : rejected.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw rejected;
                }
                collided.add(claims.get(error.getIndex()));
            }
        }
        return existing(collided);
    }

    /**
     * What a delivery found already claimed allows. An interrupted attempt (left in {@code SENDING} by a crash) is
     * taken over once, marked as a possible duplicate: we cannot know whether the server received it before the
     * crash. A second interruption is given up as failed rather than risk a third copy.
     */
    Claim reclaim(Delivery existing, String position, Instant now) {
        if (existing.finished()) {
            return new Claim.Settled(existing);
        }
        if (existing.retryable()) {
            return new Claim.Granted(takeOver(existing, false, position, now));
        }
        if (existing.mayTakeOver()) {
            return new Claim.Granted(takeOver(existing, true, position, now));
        }
        return new Claim.Settled(transition(existing, new Update().set("state", State.FAILED)
                .set("reason", "Gửi bị gián đoạn " + existing.attempts() + " lần, không rõ kết quả")
                .set("permanent", true).set("finishedAt", now)));
    }

    /**
     * Which of these answers' claims someone else changed meanwhile (only possible around a rebalance, when two
     * consumers briefly hold the same record): their answers are neither published nor written, the claim is left
     * as the other consumer made it.
     *
     * @return the keys of those outcomes
     */
    Set<String> changedSinceClaimed(Collection<Delivery> outcomes) {
        if (outcomes.isEmpty()) {
            return Set.of();
        }
        // checked, then written by id: mongo-java-server answers a query on more than the id by scanning
        Map<Object, Document> current = new HashMap<>();
        collection().find(Filters.in("_id", outcomes.stream().map(Deliveries::id).toList()))
                .projection(Projections.include("state", "attempts"))
                .forEach(document -> current.put(document.get("_id"), document));
        Set<String> changed = new HashSet<>();
        for (var outcome : outcomes) {
            var seen = current.get(id(outcome));
            if (seen == null || !State.SENDING.name().equals(seen.getString("state"))
                    || seen.getInteger("attempts", 0) != outcome.attempts()) {
                changed.add(outcome.key());
            }
        }
        return changed;
    }

    /**
     * Writes the answers to claims sent in this batch, each with whether its outcome event is on the topic, in
     * one write: an answer is written after Kafka acknowledged its event (or failed to). A crash after sending and
     * before this write leaves the claim in {@code SENDING}, as a crash during the sending itself does: the
     * message is then sent once more, marked as a possible duplicate ({@link #reclaim}).
     */
    void recordAll(Collection<Delivery> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>(outcomes.size());
        for (var outcome : outcomes) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id(outcome)), new Document("$set", answer(outcome))));
        }
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The outcome events of these deliveries, recorded before, are on the notifications topic now. */
    void published(Collection<Delivery> deliveries) {
        if (!deliveries.isEmpty()) {
            mongo.updateMulti(byIds(deliveries), Update.update("outcomePublished", true), Delivery.class);
        }
    }

    /** Withdraws first claims that were not sent after all (their server went down meanwhile). */
    void release(Collection<Delivery> claims) {
        for (var claim : claims) {
            mongo.remove(Query.query(Criteria.where("_id").is(claim.id()).and("state").is(State.SENDING)
                    .and("attempts").is(claim.attempts())), Delivery.class);
        }
    }

    private Map<String, Delivery> existing(List<Delivery> claims) {
        if (claims.isEmpty()) {
            return Map.of();
        }
        Map<String, Delivery> found = new HashMap<>();
        mongo.find(byIds(claims), Delivery.class).forEach(delivery -> found.put(delivery.key(), delivery));
        for (var claim : claims) {
            // claimed before ids were keys: found by the unique index instead
            found.computeIfAbsent(claim.key(), key -> findLike(claim));
        }
        return found;
    }

    private Delivery findLike(Delivery claim) {
        var delivery = mongo.findOne(Query.query(Criteria.where("reminderId").is(claim.reminderId())
                .and("channel").is(claim.channel()).and("address").is(claim.address())), Delivery.class);
        if (delivery == null) {
            throw new IllegalStateException("Delivery " + claim.key() + " collided on insert but cannot be found");
        }
        return delivery;
    }

    private static Document answer(Delivery outcome) {
        var answer = new Document("state", outcome.state().name()).append("reason", outcome.reason())
                .append("permanent", outcome.permanent()).append("finishedAt", date(outcome.finishedAt()))
                .append("outcomePublished", outcome.outcomePublished());
        if (outcome.state() == State.SENT) {
            answer.append("provider", outcome.provider());
        }
        if (outcome.possibleDuplicate()) {
            answer.append("possibleDuplicate", true);
        }
        return answer;
    }

    private Delivery takeOver(Delivery delivery, boolean possibleDuplicate, String position, Instant now) {
        var update = new Update().set("state", State.SENDING).inc("attempts", 1).set("claimedAt", now)
                .set("finishedAt", null).set("reason", null).set("outcomePublished", false).set("position", position);
        if (possibleDuplicate) {
            update.set("possibleDuplicate", true);
        }
        return transition(delivery, update);
    }

    private Delivery transition(Delivery seen, Update update) {
        var unchanged = Query.query(Criteria.where("_id").is(seen.id()).and("state").is(seen.state())
                .and("attempts").is(seen.attempts()));
        var changed = mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true),
                Delivery.class);
        if (changed == null) {
            // another consumer moved it first (only possible around a rebalance); the retry will see its result
            throw new IllegalStateException("Delivery " + seen.key() + " changed concurrently");
        }
        return changed;
    }

    private static Query byIds(Collection<Delivery> deliveries) {
        return Query.query(Criteria.where("_id").in(deliveries.stream().map(Delivery::id).toList()));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(mongo.getCollectionName(Delivery.class));
    }

    /** A delivery as its mapping stores it: null fields left out, enums by name, instants as dates. */
    private static Document document(Delivery delivery) {
        var document = new Document("_id", id(delivery));
        put(document, "reminderId", delivery.reminderId());
        put(document, "taskId", delivery.taskId());
        put(document, "unit", delivery.unit());
        put(document, "channel", delivery.channel() == null ? null : delivery.channel().name());
        put(document, "address", delivery.address());
        put(document, "state", delivery.state() == null ? null : delivery.state().name());
        document.append("attempts", delivery.attempts());
        document.append("possibleDuplicate", delivery.possibleDuplicate());
        put(document, "reason", delivery.reason());
        document.append("permanent", delivery.permanent());
        document.append("outcomePublished", delivery.outcomePublished());
        put(document, "claimedAt", date(delivery.claimedAt()));
        put(document, "finishedAt", date(delivery.finishedAt()));
        put(document, "provider", delivery.provider());
        put(document, "position", delivery.position());
        return document;
    }

    /** The stored id, as the mapping converts it: a string that reads as an ObjectId (older claims) is one. */
    private static Object id(Delivery delivery) {
        return ObjectId.isValid(delivery.id()) ? new ObjectId(delivery.id()) : delivery.id();
    }

    private static void put(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
