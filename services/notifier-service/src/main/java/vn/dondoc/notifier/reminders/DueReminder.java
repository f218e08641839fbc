package vn.dondoc.notifier.reminders;

import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;

/**
 * A due reminder as one poll of the topic delivered it.
 *
 * @param index    its place in the poll, which is how the error handler is told where to resume
 * @param position where it was read (topic-partition@offset): names this reading of it, so reading the same
 *                 record again is recognised as such and a duplicate's suppression is one event however often
 *                 that record is replayed
 */
record DueReminder(int index, Envelope<ReminderDue> envelope, String position) {

    ReminderDue reminder() {
        return envelope.data();
    }
}
