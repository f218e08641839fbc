package vn.dondoc.console.eventlog;

import java.time.Instant;
import vn.dondoc.events.Topics;

/**
 * A log entry as {@code GET /api/events} and the live stream show it (DESIGN §4).
 *
 * @param id   the {@code ce_id}; {@code topic/partition/offset} when there is none, and always for dead letters,
 *             which carry the {@code ce_id} of the record that failed
 * @param data the event's JSON data; the raw text when it was not JSON
 */
record LogEntry(String id, String type, Instant time, String taskId, String unit, String topic, Object data) {

    static LogEntry of(LoggedEvent event) {
        String id = event.ceId() == null || Topics.DEAD_LETTERS.equals(event.topic()) ? event.key() : event.ceId();
        return new LogEntry(id, event.type(), event.time(), event.taskId(), event.unit(), event.topic(), event.data());
    }
}
