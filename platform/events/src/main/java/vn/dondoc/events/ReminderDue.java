package vn.dondoc.events;

import java.time.Instant;

/**
 * A unit must be reminded of a task now. One per task × unit × stage × cycle; {@link #reminderId()} is
 * deterministic (see {@link ReminderId}) and is also the event's {@code ce_id}.
 *
 * @param recipient the unit to notify: the unit itself, or its supervisor for {@link Stage#ESCALATION}
 */
public record ReminderDue(String reminderId, String taskId, String unit, UnitRole role, Stage stage, int cycle,
                          String recipient, Instant fireAt, TaskSummary task) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
