package vn.dondoc.notifier.reminders;

import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The shared error handler gives up after a few seconds, which suits real faults but not two situations of ours:
 * <ul>
 *   <li>a unit whose directory record is merely behind the reminder (separate topics, no ordering between them):
 *       retried at a steady pace for {@link ReminderProperties#unknownUnitWait()}, then dead-lettered;</li>
 *   <li>a reminder postponed because its server or provider is down: retried without limit, since the outage
 *       will end and the reminder is still due; the listener is paused meanwhile ({@link CourierOutages}).</li>
 * </ul>
 * Every other failure keeps the shared back-off. The waits happen on the consumer thread (as with any back-off of
 * the shared handler), so they must stay well below {@code max.poll.interval.ms} (5 minutes by default).
 */
@Configuration(proxyBeanMethods = false)
class ListenerRetries {

    ListenerRetries(DefaultErrorHandler errors, ReminderProperties reminders, NotifyProperties notify) {
        var interval = reminders.unknownUnitRetryInterval().toMillis();
        var attempts = Math.max(1, reminders.unknownUnitWait().toMillis() / Math.max(1, interval));
        errors.setBackOffFunction((record, exception) -> {
            if (causedBy(exception, UnitNotYetKnown.class)) {
                return new FixedBackOff(interval, attempts);
            }
            if (causedBy(exception, DeliveryPostponed.class)) {
                return (BackOff) new FixedBackOff(notify.postponeInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
            }
            return null;
        });
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
