package vn.dondoc.events;

import java.time.Instant;

/** A lead unit reported its part done, with a short note and an optional document number or link. */
public record TaskReported(String taskId, String unit, Instant reportedAt, String note, String document,
                           String channel, String remoteAddress, String userAgent) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
