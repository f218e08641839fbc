package vn.dondoc.events;

import java.time.Instant;

/** A reminder was deliberately not sent: a duplicate, a unit without contacts, quiet hours. */
public record NotificationSuppressed(String reminderId, String taskId, String unit, Channel channel, String address,
                                     String reason, Instant suppressedAt) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
