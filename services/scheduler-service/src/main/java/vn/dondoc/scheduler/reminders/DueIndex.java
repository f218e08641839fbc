package vn.dondoc.scheduler.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Pending reminders in the order they fall due. Keys are the zero-padded fire time in epoch millis, {@code |}, and
 * the reminder id, so the store's byte order is time order and "everything due by now" is one range scan; values
 * are task ids (the plan holds the rest).
 * <p>
 * The reminders sent are deleted from the store, and RocksDB keeps a tombstone for each until compaction reaches it:
 * a scan from the start of the store would walk over every reminder ever sent (a million after a million
 * assignments), at every check. So the index remembers a floor below which it holds nothing, and scans from there:
 * raised by each check to where it stopped (everything below was returned, and the caller removes what it is
 * given), lowered by an entry added below it. A new instance (restart, moved partition) scans from the start once.
 * <p>
 * The index is also the record of which one-off reminders went out: every indexed reminder is pending in its plan,
 * but a plan may still list as pending a one-off reminder (before-due, due, escalation) that was sent, when sending
 * it changed nothing else. Its entry's tombstone, written in the same transaction as the reminder itself, is the
 * mark; {@link #settle} folds such reminders into the plan ({@link ReminderPlan#sent}) wherever a plan is read.
 */
final class DueIndex {

    static final String STORE = "due-index";

    private final KeyValueStore<String, String> store;
    /** No entry is below this key; null: not known yet. */
    private String floor;

    DueIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    record Entry(String key, String reminderId, String taskId) {
    }

    void add(String taskId, PlannedReminder reminder) {
        String key = key(reminder);
        store.put(key, taskId);
        if (floor != null && key.compareTo(floor) < 0) {
            floor = key;
        }
    }

    void remove(PlannedReminder reminder) {
        store.delete(key(reminder));
    }

    void remove(Entry entry) {
        store.delete(entry.key());
    }

    /**
     * At most {@code limit} entries due at or before {@code now}, earliest first. The caller removes every entry it
     * is given (sent, or dropped).
     */
    List<Entry> dueBy(Instant now, int limit) {
        List<Entry> due = new ArrayList<>();
        // the upper bound is inclusive but no key equals a bare time prefix, so this is "fire time <= now"
        String upTo = timePrefix(now.toEpochMilli() + 1);
        try (var entries = store.range(floor, upTo)) {
            while (entries.hasNext() && due.size() < limit) {
                var entry = entries.next();
                due.add(new Entry(entry.key, entry.key.substring(entry.key.indexOf('|') + 1), entry.value));
            }
        }
        // below the last entry returned (or below now, when fewer than the limit were due) nothing is left
        floor = due.size() < limit ? upTo : due.getLast().key();
        return due;
    }

    /** The plan as it stands: its one-off reminders that are no longer indexed were sent (see the class comment). */
    ReminderPlan settle(ReminderPlan plan) {
        return settle(plan, store);
    }

    /** Also for readers outside the stream thread (interactive queries), and tests. */
    static ReminderPlan settle(ReminderPlan plan, ReadOnlyKeyValueStore<String, String> index) {
        if (plan == null) {
            return null;
        }
        ReminderPlan settled = plan;
        for (PlannedReminder reminder : plan.pending()) {
            if (ReminderPlan.oneOff(reminder.stage()) && index.get(key(reminder)) == null) {
                settled = settled.sent(reminder);
            }
        }
        return settled;
    }

    static String key(PlannedReminder reminder) {
        return timePrefix(reminder.fireAt().toEpochMilli()) + "|" + reminder.reminderId();
    }

    /** Zero-padded to the 19 digits of {@link Long#MAX_VALUE}; not String.format, which showed in burst profiles. */
    private static String timePrefix(long epochMillis) {
        String digits = Long.toString(Math.max(0, epochMillis));
        return "0".repeat(19 - digits.length()) + digits;
    }
}
