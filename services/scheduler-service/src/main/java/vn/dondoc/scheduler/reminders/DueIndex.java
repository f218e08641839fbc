package vn.dondoc.scheduler.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Pending reminders in the order they fall due. Keys are the zero-padded fire time in epoch millis, {@code |}, and
 * the reminder id, so the store's byte order is time order and "everything due by now" is one range scan; values
 * are task ids (the plan holds the rest).
 */
final class DueIndex {

    static final String STORE = "due-index";

    private final KeyValueStore<String, String> store;

    DueIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    record Entry(String key, String reminderId, String taskId) {
    }

    void add(String taskId, PlannedReminder reminder) {
        store.put(key(reminder), taskId);
    }

    void remove(PlannedReminder reminder) {
        store.delete(key(reminder));
    }

    void remove(Entry entry) {
        store.delete(entry.key());
    }

    /** At most {@code limit} entries due at or before {@code now}, earliest first. */
    List<Entry> dueBy(Instant now, int limit) {
        List<Entry> due = new ArrayList<>();
        // the upper bound is inclusive but no key equals a bare time prefix, so this is "fire time <= now"
        try (var entries = store.range(null, timePrefix(now.toEpochMilli() + 1))) {
            while (entries.hasNext() && due.size() < limit) {
                var entry = entries.next();
                due.add(new Entry(entry.key, entry.key.substring(entry.key.indexOf('|') + 1), entry.value));
            }
        }
        return due;
    }

    static String key(PlannedReminder reminder) {
        return timePrefix(reminder.fireAt().toEpochMilli()) + "|" + reminder.reminderId();
    }

    private static String timePrefix(long epochMillis) {
        return "%019d".formatted(Math.max(0, epochMillis));
    }
}
