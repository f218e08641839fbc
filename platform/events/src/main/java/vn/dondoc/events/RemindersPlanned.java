package vn.dondoc.events;

import java.time.Instant;
import java.util.List;

/** The upcoming reminders of a task after a plan change, so admins can see what will happen and when. */
public record RemindersPlanned(String taskId, List<Upcoming> upcoming, Instant plannedAt) implements Event {

    public record Upcoming(String reminderId, String unit, Stage stage, Instant fireAt) {
    }

    @Override
    public String subject() {
        return taskId;
    }
}
