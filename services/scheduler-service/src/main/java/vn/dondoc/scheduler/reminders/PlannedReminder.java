package vn.dondoc.scheduler.reminders;

import java.time.Instant;
import vn.dondoc.events.Stage;
import vn.dondoc.events.UnitRole;

/** One reminder a task's plan still has to send. {@code reminderId} is deterministic (see {@code ReminderId}). */
record PlannedReminder(String reminderId, String unit, UnitRole role, Stage stage, int cycle, String recipient,
                       Instant fireAt) {
}
