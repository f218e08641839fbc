package vn.dondoc.notifier.reminders;

/**
 * A reminder could not be delivered yet because its server or provider is unavailable: the record is read again
 * later (see {@link ListenerRetries}), without limit, while the listener is paused during an outage.
 */
class DeliveryPostponed extends RuntimeException {

    DeliveryPostponed(String reason) {
        super(reason, null, false, false);
    }
}
