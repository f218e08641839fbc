package vn.dondoc.console.eventlog;

import java.time.Instant;

/**
 * Which log entries someone wants to see; every part is optional.
 *
 * @param after  exclusive: only entries whose time is later (millisecond precision, as {@code time} is reported)
 * @param before exclusive: only entries whose time is earlier
 */
public record EventQuery(String taskId, String type, String unit, Instant after, Instant before, int limit) {

    public EventQuery {
        taskId = blankToNull(taskId);
        type = blankToNull(type);
        unit = blankToNull(unit);
    }

    public EventQuery(String taskId, String type, String unit, Instant after, int limit) {
        this(taskId, type, unit, after, null, limit);
    }

    boolean matches(LoggedEvent event) {
        return (taskId == null || taskId.equals(event.taskId()))
                && (type == null || type.equals(event.type()))
                && (unit == null || event.units().contains(unit))
                && (after == null || event.time().isAfter(after))
                && (before == null || event.time().isBefore(before));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
