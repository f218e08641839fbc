package vn.dondoc.notifier.reminders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import vn.dondoc.events.Event;

/**
 * The outcome events of one round of deliveries, handed to Kafka without waiting, then awaited all at once: a
 * delivery is marked published only once Kafka has its event, and a reminder whose event did not make it is a
 * setback (read again; its delivery is then settled but unpublished, so the event is published again).
 */
final class Publication {

    private record Pending(DueReminder due, CompletableFuture<?> sent, Delivery delivery) {
    }

    private final Outcomes outcomes;
    private final Deliveries deliveries;
    private final List<Pending> pending = new ArrayList<>();

    Publication(Outcomes outcomes, Deliveries deliveries) {
        this.outcomes = outcomes;
        this.deliveries = deliveries;
    }

    /** An event about no delivery of ours (a suppression). */
    void add(DueReminder due, String id, Event event) {
        add(due, id, event, null);
    }

    /** The Sent or Failed event of a recorded delivery. */
    void add(DueReminder due, Delivery delivery, String provider) {
        add(due, delivery.outcomeId(),
                delivery.state() == Delivery.State.SENT ? delivery.sent(provider) : delivery.failed(), delivery);
    }

    private void add(DueReminder due, String id, Event event, Delivery delivery) {
        CompletableFuture<?> sent;
        try {
            sent = outcomes.publish(due.envelope(), id, event);
        } catch (RuntimeException refused) {
            sent = CompletableFuture.failedFuture(refused);
        }
        pending.add(new Pending(due, sent, delivery));
    }

    /** Waits for Kafka, then marks what it has as published; reminders with an event it has not are setbacks. */
    void complete(Setbacks setbacks) {
        if (pending.isEmpty()) {
            return;
        }
        RuntimeException failure = null;
        try {
            outcomes.await(pending.stream().map(Pending::sent).toList());
        } catch (IllegalStateException notAll) {
            failure = notAll;
        }
        List<Delivery> safe = new ArrayList<>();
        for (var each : pending) {
            if (failure == null || (each.sent().isDone() && !each.sent().isCompletedExceptionally())) {
                if (each.delivery() != null) {
                    safe.add(each.delivery());
                }
            } else {
                setbacks.add(each.due(), failure);
            }
        }
        deliveries.published(safe);
        pending.clear();
    }
}
