package vn.dondoc.events;

import java.time.Instant;

/** A task's deadline was moved (usually later, sometimes earlier), with the reason given. */
public record DeadlineExtended(String taskId, Deadline previous, Deadline deadline, String reason, Instant extendedAt)
        implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
