package vn.dondoc.events;

import java.time.Instant;

/**
 * A reminder was accepted by the mail server or SMS provider.
 *
 * @param possibleDuplicate the first attempt's outcome was unknown (connection lost before the server's
 *                          answer), so the recipient may have received it twice
 */
public record NotificationSent(String reminderId, String taskId, String unit, Channel channel, String address,
                               String provider, int attempts, Instant sentAt, boolean possibleDuplicate)
        implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}
