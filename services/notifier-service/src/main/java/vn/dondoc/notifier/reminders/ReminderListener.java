package vn.dondoc.notifier.reminders;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.Topics;

/** Hands each due reminder to {@link Notifications}; the plans that share the topic are not ours to act on. */
@Component
class ReminderListener {

    private final Notifications notifications;

    ReminderListener(Notifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(id = "reminders", topics = Topics.REMINDERS)
    @SuppressWarnings("unchecked")
    void on(ConsumerRecord<String, Envelope<?>> record) {
        if (record.value() != null && record.value().data() instanceof ReminderDue) {
            var position = record.topic() + "-" + record.partition() + "@" + record.offset();
            notifications.send((Envelope<ReminderDue>) record.value(), position);
        }
    }
}
