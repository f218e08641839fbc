package vn.dondoc.notifier.reminders;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reminders of a batch that could not be finished, with why: postponed (server down, transient failure,
 * unit not yet known) or broken. Only the first counts for the error handler: the records before it are done and
 * committed, it and every later record are read again (the finished ones are then recognised and skipped).
 */
final class Setbacks {

    /** @param index the reminder's place in the poll */
    record Setback(int index, RuntimeException reason) {
    }

    private final Map<Integer, RuntimeException> byIndex = new TreeMap<>();

    /** Keeps the first reason given for a reminder. */
    void add(DueReminder due, RuntimeException reason) {
        byIndex.putIfAbsent(due.index(), reason);
    }

    Optional<Setback> first() {
        return byIndex.entrySet().stream().findFirst().map(entry -> new Setback(entry.getKey(), entry.getValue()));
    }
}
