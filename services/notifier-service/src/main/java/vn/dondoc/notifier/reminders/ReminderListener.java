package vn.dondoc.notifier.reminders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.Topics;

/**
 * Hands each poll of due reminders to {@link Notifications} as one batch; the plans that share the topic are not
 * ours to act on. When a reminder could not be finished (or a record could not be read), the error handler is
 * told which: the records before it are committed, it is retried or dead-lettered as the shared handler and
 * {@link ListenerRetries} decide, and the records after it are read again, their finished deliveries skipped.
 *
 * <p>One consumer per partition ({@code dondoc.notify.consumers}): while one claims its batch or records and
 * publishes what became of it, the {@link DeliveryLanes} (shared, one per kept SMTP connection, so no more
 * connections) send another's. A reminder's records share a partition (keyed by task), so one consumer sees them all.
 */
@Component
class ReminderListener {

    private static final LogAccessor log = new LogAccessor(ReminderListener.class);

    private final Notifications notifications;

    ReminderListener(Notifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(id = "reminders", topics = Topics.REMINDERS, batch = "true",
            concurrency = "${dondoc.notify.consumers:3}")
    @SuppressWarnings("unchecked")
    void on(List<ConsumerRecord<String, Envelope<?>>> records) {
        List<DueReminder> due = new ArrayList<>();
        RuntimeException unreadable = null;
        int unreadableAt = records.size();
        for (int i = 0; i < records.size(); i++) {
            var record = records.get(i);
            var broken = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
            if (broken != null && unreadable == null) {
                unreadable = broken;
                unreadableAt = i;
            } else if (broken == null && record.value() != null && record.value().data() instanceof ReminderDue) {
                var position = record.topic() + "-" + record.partition() + "@" + record.offset();
                due.add(new DueReminder(i, (Envelope<ReminderDue>) record.value(), position));
            }
        }
        Optional<Setbacks.Setback> setback;
        try {
            setback = notifications.send(due);
        } catch (RuntimeException broken) {
            // not one reminder is known to be finished: start again from the first
            setback = Optional.of(new Setbacks.Setback(due.getFirst().index(), broken));
        }
        if (setback.isPresent() && setback.get().index() < unreadableAt) {
            var reason = setback.get().reason();
            throw new BatchListenerFailedException(reason.getMessage(), reason, setback.get().index());
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, unreadableAt);
        }
    }
}
