package vn.dondoc.console.eventlog;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;

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

    Bson filter() {
        List<Bson> parts = new ArrayList<>();
        if (taskId != null) {
            parts.add(Filters.eq(EventLog.TASK_ID, taskId));
        }
        if (type != null) {
            parts.add(Filters.eq(EventLog.TYPE, type));
        }
        if (unit != null) {
            parts.add(Filters.eq(EventLog.UNITS, unit));
        }
        if (after != null) {
            parts.add(Filters.gt(EventLog.TIME, Date.from(after)));
        }
        if (before != null) {
            parts.add(Filters.lt(EventLog.TIME, Date.from(before)));
        }
        return parts.isEmpty() ? Filters.empty() : Filters.and(parts);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
