package vn.dondoc.events;

import java.time.Instant;

/** A task was withdrawn; nobody is reminded of it any more. */
public record TaskCancelled(String taskId, String reason, Instant cancelledAt) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
