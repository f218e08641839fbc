package vn.dondoc.notifier.reminders;

import vn.dondoc.events.Channel;

/**
 * Carries one reminder to one address on one channel. Retries and circuit breaking belong inside an
 * implementation, so that {@link #deliver} answers with the final outcome.
 */
public interface Courier {

    Channel channel();

    /** Who carries it when no delivery says otherwise, as reported in {@code NotificationSent.provider}. */
    String provider();

    /**
     * Hands the message to the server or provider; returns once it accepted it.
     *
     * @throws DeliveryFailed when it refused or could not be reached
     */
    Delivered deliver(Dispatch dispatch) throws DeliveryFailed;

    /**
     * False while every server or provider of this courier is known to be down (its circuit is open): reminders
     * then wait on the topic instead of spending attempts. Whoever changes the answer must let the
     * {@link CourierOutages} know (through the circuit breaker's state transitions).
     */
    default boolean available() {
        return true;
    }

    /**
     * @param provider          who accepted the message (an SMS courier may fail over to a second provider)
     * @param possibleDuplicate the message was sent twice because the first try's outcome was unknown
     */
    record Delivered(String provider, boolean possibleDuplicate) {
    }
}
