package vn.dondoc.events;

import java.time.Instant;

/** A reminder could not be delivered. Permanent failures (unknown mailbox, invalid number) are not retried. */
public record NotificationFailed(String reminderId, String taskId, String unit, Channel channel, String address,
                                 String reason, boolean permanent, int attempts, Instant failedAt) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
