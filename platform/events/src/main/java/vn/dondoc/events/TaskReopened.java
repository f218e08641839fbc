package vn.dondoc.events;

import java.time.Instant;

/**
 * A cancelled or completed task was opened again by an admin, with the reason given. Lead units that had reported
 * are back to acknowledged: their part is open again.
 */
public record TaskReopened(String taskId, String reason, Instant reopenedAt) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
