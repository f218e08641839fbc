package vn.dondoc.notifier.reminders;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.dondoc.notifier.reminders.Delivery.State;

/**
 * The deliveries collection (no transactions). A batch of reminders costs a handful of round trips: one insert of
 * every first claim (the unique index rejects the ones already claimed), one write of every answer, one mark of
 * every published outcome; the hot path only queries by id. The rarer changes of a delivery met again (taken
 * over, given up) stay single-document conditional updates that apply only if the document is still in the state
 * the caller saw.
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
        var documents = claims.stream().map(this::document).toList();
        List<Delivery> collided = new ArrayList<>();
        try {
            mongo.getCollection(mongo.getCollectionName(Delivery.class))
                    .insertMany(documents, new InsertManyOptions().ordered(false));
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
     * Writes the answers to claims sent in this batch. A claim someone else changed meanwhile (only possible around
     * a rebalance, when two consumers briefly hold the same record) is left as they made it.
     *
     * @return the keys of the outcomes not written for that reason
     */
    Set<String> recordAll(Collection<Delivery> outcomes) {
        if (outcomes.isEmpty()) {
            return Set.of();
        }
        // checked, then written by id: mongo-java-server answers a query on more than the id by scanning
        Map<String, Delivery> current = new HashMap<>();
        mongo.find(byIds(outcomes), Delivery.class).forEach(delivery -> current.put(delivery.id(), delivery));
        Set<String> changed = new HashSet<>();
        var writes = mongo.bulkOps(BulkMode.UNORDERED, Delivery.class);
        for (var outcome : outcomes) {
            var seen = current.get(outcome.id());
            if (seen == null || seen.state() != State.SENDING || seen.attempts() != outcome.attempts()) {
                changed.add(outcome.key());
                continue;
            }
            writes.updateOne(Query.query(Criteria.where("_id").is(outcome.id())), answer(outcome));
        }
        if (changed.size() < outcomes.size()) {
            writes.execute();
        }
        return changed;
    }

    /** The outcome events of these deliveries are on the notifications topic. */
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

    private static Update answer(Delivery outcome) {
        var update = new Update().set("state", outcome.state()).set("reason", outcome.reason())
                .set("permanent", outcome.permanent()).set("finishedAt", outcome.finishedAt());
        if (outcome.state() == State.SENT) {
            update.set("provider", outcome.provider());
        }
        if (outcome.possibleDuplicate()) {
            update.set("possibleDuplicate", true);
        }
        return update;
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

    private Document document(Delivery delivery) {
        var document = new Document();
        mongo.getConverter().write(delivery, document);
        return document;
    }
}
