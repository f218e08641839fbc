package vn.dondoc.notifier.reminders;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Channel;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.notifier.reminders.Delivery.State;

/**
 * The deliveries collection, with every state change a single-document conditional update (no transactions):
 * a change applies only if the document is still in the state the caller saw.
 */
@Component
class Deliveries {

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
     * Claims a delivery before anything is sent. An interrupted attempt (left in {@code SENDING} by a crash) is
     * taken over once, marked as a possible duplicate: we cannot know whether the server received it before the
     * crash. A second interruption is given up as failed rather than risk a third copy.
     */
    Claim claim(ReminderDue reminder, Channel channel, String address, Instant now) {
        try {
            return new Claim.Granted(mongo.insert(Delivery.claim(reminder, channel, address, now)));
        } catch (DuplicateKeyException alreadyClaimed) {
            var existing = find(reminder.reminderId(), channel, address);
            if (existing.finished()) {
                return new Claim.Settled(existing);
            }
            if (existing.retryable()) {
                return new Claim.Granted(takeOver(existing, false, now));
            }
            if (existing.mayTakeOver()) {
                return new Claim.Granted(takeOver(existing, true, now));
            }
            return new Claim.Settled(finish(existing, State.FAILED,
                    "Gửi bị gián đoạn " + existing.attempts() + " lần, không rõ kết quả", true, now));
        }
    }

    Delivery sent(Delivery delivery, Courier.Delivered delivered, Instant now) {
        var update = new Update().set("state", State.SENT).set("reason", null).set("permanent", false)
                .set("finishedAt", now).set("provider", delivered.provider());
        if (delivered.possibleDuplicate()) {
            update.set("possibleDuplicate", true);
        }
        return transition(delivery, update);
    }

    Delivery failed(Delivery delivery, String reason, boolean permanent, Instant now) {
        return finish(delivery, State.FAILED, reason, permanent, now);
    }

    void outcomePublished(Delivery delivery) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
                Update.update("outcomePublished", true), Delivery.class);
    }

    private Delivery find(String reminderId, Channel channel, String address) {
        var delivery = mongo.findOne(Query.query(Criteria.where("reminderId").is(reminderId)
                .and("channel").is(channel).and("address").is(address)), Delivery.class);
        if (delivery == null) {
            throw new IllegalStateException("Delivery " + Delivery.key(reminderId, channel, address)
                    + " collided on insert but cannot be found");
        }
        return delivery;
    }

    private Delivery takeOver(Delivery delivery, boolean possibleDuplicate, Instant now) {
        var update = new Update().set("state", State.SENDING).inc("attempts", 1).set("claimedAt", now)
                .set("finishedAt", null).set("reason", null).set("outcomePublished", false);
        if (possibleDuplicate) {
            update.set("possibleDuplicate", true);
        }
        return transition(delivery, update);
    }

    private Delivery finish(Delivery delivery, State state, String reason, boolean permanent, Instant now) {
        return transition(delivery, new Update().set("state", state).set("reason", reason)
                .set("permanent", permanent).set("finishedAt", now));
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
}
