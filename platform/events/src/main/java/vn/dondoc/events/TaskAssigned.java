package vn.dondoc.events;

import java.time.Instant;
import java.util.List;

/** A task was given to its lead units (and coordinating units) with a deadline and a reminder policy. */
public record TaskAssigned(String taskId, String title, List<String> leadUnits, List<String> coordinatingUnits,
                           String expectedOutput, Deadline deadline, ReminderPolicy policy, SourceDocument source,
                           Instant assignedAt) implements Event {

    @Override
    public String subject() {
        return taskId;
    }

    public TaskSummary summary() {
        return new TaskSummary(title, expectedOutput, leadUnits, coordinatingUnits, deadline, source);
    }
}
