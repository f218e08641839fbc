package vn.dondoc.events;

import java.time.Instant;
import java.util.List;

/** A task's title, units, output, deadline or policy changed; carries the whole new state of those fields. */
public record TaskUpdated(String taskId, String title, List<String> leadUnits, List<String> coordinatingUnits,
                          String expectedOutput, Deadline deadline, ReminderPolicy policy, SourceDocument source,
                          Instant updatedAt) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
