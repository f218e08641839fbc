package vn.dondoc.notifier.reminders;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.dondoc.events.Channel;
import vn.dondoc.events.NotificationFailed;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.ReminderDue;

/**
 * One reminder to one address on one channel. The unique index makes the claim the single point where two
 * attempts at the same delivery meet: whoever inserts first sends.
 *
 * @param attempts          how many times sending was started
 * @param possibleDuplicate an earlier attempt was interrupted with its outcome unknown
 * @param outcomePublished  the Sent/Failed event is on the notifications topic (so a repeat is a duplicate)
 * @param provider          who accepted it, once sent
 * @param position          the record (topic-partition@offset) that claimed it last: reading that same record
 *                          again is a redelivery, not a duplicate reminder
 */
@Document("deliveries")
@CompoundIndex(name = "one_per_address", def = "{'reminderId': 1, 'channel': 1, 'address': 1}", unique = true)
record Delivery(@Id String id, String reminderId, String taskId, String unit, Channel channel, String address,
                State state, int attempts, boolean possibleDuplicate, String reason, boolean permanent,
                boolean outcomePublished, Instant claimedAt, Instant finishedAt, String provider,
                String position) {

    /** How often an interrupted send (left in {@link State#SENDING}) is taken over before we give up on it. */
    static final int MAX_ATTEMPTS_AFTER_INTERRUPTION = 2;

    enum State {
        /** claimed; the server's answer is not recorded yet */
        SENDING,
        /** accepted by the server or provider */
        SENT,
        /** refused or unreachable; see {@code permanent} */
        FAILED
    }

    /** A first claim; its id is its key, so a batch of claims can be looked up by id after colliding. */
    static Delivery claim(ReminderDue reminder, Channel channel, String address, String position, Instant now) {
        return new Delivery(key(reminder.reminderId(), channel, address), reminder.reminderId(), reminder.taskId(),
                reminder.recipient(), channel, address, State.SENDING, 1, false, null, false, false, now, null, null,
                position);
    }

    /** This claim once the server or provider accepted it. */
    Delivery accepted(Courier.Delivered delivered, Instant now) {
        return new Delivery(id, reminderId, taskId, unit, channel, address, State.SENT, attempts,
                possibleDuplicate || delivered.possibleDuplicate(), null, false, false, claimedAt, now,
                delivered.provider(), position);
    }

    /** This claim once the server or provider refused it or could not be reached. */
    Delivery refused(String reason, boolean permanent, Instant now) {
        return new Delivery(id, reminderId, taskId, unit, channel, address, State.FAILED, attempts, possibleDuplicate,
                reason, permanent, false, claimedAt, now, provider, position);
    }

    /** This answer once its outcome event is on the notifications topic. */
    Delivery published() {
        return new Delivery(id, reminderId, taskId, unit, channel, address, state, attempts, possibleDuplicate,
                reason, permanent, true, claimedAt, finishedAt, provider, position);
    }

    /** Claimed by this very record before: it is being read again, it is not a second reminder. */
    boolean claimedBy(String recordPosition) {
        return recordPosition.equals(position);
    }

    /** Nothing more will be attempted for this delivery. */
    boolean finished() {
        return state == State.SENT || (state == State.FAILED && permanent);
    }

    /** A previous attempt failed in a way that may pass (a 4xx answer, a lost connection). */
    boolean retryable() {
        return state == State.FAILED && !permanent;
    }

    /** A previous attempt was started and never recorded an answer: the process died or lost the database. */
    boolean interrupted() {
        return state == State.SENDING;
    }

    boolean mayTakeOver() {
        return attempts < MAX_ATTEMPTS_AFTER_INTERRUPTION;
    }

    /** The deterministic identity of this delivery, the stem of its outcome events' ids. */
    String key() {
        return key(reminderId, channel, address);
    }

    static String key(String reminderId, Channel channel, String address) {
        return reminderId + "/" + channel + "/" + address;
    }

    NotificationSent sent(String defaultProvider) {
        return new NotificationSent(reminderId, taskId, unit, channel, address,
                provider == null ? defaultProvider : provider, attempts, finishedAt, possibleDuplicate);
    }

    NotificationFailed failed() {
        return new NotificationFailed(reminderId, taskId, unit, channel, address, reason, permanent, attempts,
                finishedAt);
    }

    /**
     * The outcome event's id: the same whenever the same outcome is published again (readers drop the repeat). A
     * message sent again after an interrupted attempt has an id of its own: the interrupted attempt's event may be
     * out already (it is published before its answer is written), and readers must still learn that a second copy
     * may have been sent.
     */
    String outcomeId() {
        if (state == State.SENT) {
            return possibleDuplicate ? key() + "/sent/" + attempts : key() + "/sent";
        }
        return key() + "/failed/" + attempts;
    }
}
