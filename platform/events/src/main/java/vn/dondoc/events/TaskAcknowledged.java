package vn.dondoc.events;

import java.time.Instant;

/** A lead unit confirmed it received its task. {@code channel} is how (e.g. {@code link}). */
public record TaskAcknowledged(String taskId, String unit, Instant acknowledgedAt, String channel, String remoteAddress,
                               String userAgent) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
