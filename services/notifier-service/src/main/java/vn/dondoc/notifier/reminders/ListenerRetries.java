package vn.dondoc.notifier.reminders;

import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The shared error handler gives up after a few seconds, which suits real faults but not a unit whose directory
 * record is merely behind the reminder (separate topics, no ordering between them). For that one cause the
 * record is retried at a steady pace for {@link ReminderProperties#unknownUnitWait()} instead; every other
 * failure keeps the shared back-off, and both end on the dead-letter topic. The wait happens on the consumer
 * thread (as with any back-off of the shared handler), so it must stay well below {@code max.poll.interval.ms}
 * (5 minutes by default).
 */
@Configuration(proxyBeanMethods = false)
class UnknownUnitRetry {

    UnknownUnitRetry(DefaultErrorHandler errors, ReminderProperties properties) {
        var interval = properties.unknownUnitRetryInterval().toMillis();
        var attempts = Math.max(1, properties.unknownUnitWait().toMillis() / Math.max(1, interval));
        errors.setBackOffFunction((record, exception) ->
                causedByUnknownUnit(exception) ? new FixedBackOff(interval, attempts) : null);
    }

    private static boolean causedByUnknownUnit(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnitNotYetKnown) {
                return true;
            }
        }
        return false;
    }
}
