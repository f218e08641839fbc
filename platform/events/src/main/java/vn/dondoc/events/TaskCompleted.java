package vn.dondoc.events;

import java.time.Instant;

/** Every lead unit has reported: the task is done, on time or late against the deadline in force. */
public record TaskCompleted(String taskId, Instant completedAt, boolean onTime) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
