package vn.dondoc.notifier.reminders;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.ReminderDue;

/**
 * Publishes what became of a reminder on the notifications topic, in the reminder's trace. Ids are
 * deterministic, so re-publishing after a crash produces the same event, which consumers drop.
 */
@Component
class Outcomes {

    static final String SOURCE = "/dondoc/notifier-service";

    private final KafkaTemplate<String, Envelope<?>> kafka;
    private final ReminderProperties properties;
    private final Clock clock;

    Outcomes(KafkaTemplate<String, Envelope<?>> kafka, ReminderProperties properties, Clock clock) {
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Hands an outcome to the producer without waiting; {@link #await} says when Kafka has it, so a reminder is
     * not acknowledged before its outcome is safe.
     */
    CompletableFuture<?> publish(Envelope<ReminderDue> cause, String id, Event outcome) {
        var envelope = Envelope.causedBy(cause, id, SOURCE, outcome, clock);
        return kafka.send(envelope.toRecord());
    }

    /** Waits, within the publish timeout, until Kafka has acknowledged every one of these outcomes. */
    void await(Collection<? extends CompletableFuture<?>> published) {
        try {
            CompletableFuture.allOf(published.toArray(CompletableFuture[]::new))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing outcomes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish outcomes", e);
        }
    }
}
