package vn.dondoc.scheduler.reminders;

import java.time.Instant;
import vn.dondoc.events.Stage;
import vn.dondoc.events.UnitRole;

/**
 * One reminder a task's plan still has to send. {@code reminderId} is deterministic (see {@code ReminderId}).
 *
 * @param repeat    which repetition of a repeating stage (assignment re-send, overdue, progress), 0 otherwise
 * @param recipient who is notified: the unit itself, or its supervisor for an escalation
 */
record PlannedReminder(String reminderId, String unit, UnitRole role, Stage stage, int cycle, int repeat,
                       String recipient, Instant fireAt) {
}
