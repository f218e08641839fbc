package vn.dondoc.notifier.reminders;

import vn.dondoc.events.Channel;

/**
 * Carries one reminder to one address on one channel (email now; SMS providers later). Retries and circuit
 * breaking belong inside an implementation, so that {@link #deliver} answers with the final outcome.
 */
public interface Courier {

    Channel channel();

    /** Who carried it, as reported in {@code NotificationSent.provider}, e.g. {@code smtp}. */
    String provider();

    /**
     * Hands the message to the server or provider; returns once it accepted it.
     *
     * @throws DeliveryFailed when it refused or could not be reached
     */
    void deliver(Dispatch dispatch) throws DeliveryFailed;
}
