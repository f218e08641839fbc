package vn.dondoc.notifier.reminders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import vn.dondoc.events.Event;

/**
 * The outcome events of one round of deliveries, handed to Kafka without waiting, then awaited all at once. The
 * answers of this round's sends are then written in one go, each marked published if Kafka has its event;
 * deliveries recorded earlier whose event is republished are marked once Kafka has it. A reminder whose event did
 * not make it is a setback (read again; its delivery is then settled but unpublished, so the event is published
 * again).
 */
final class Publication {

    /** @param answer whether {@code delivery} is an answer still to be written (else it is recorded already) */
    private record Pending(DueReminder due, CompletableFuture<?> sent, Delivery delivery, boolean answer) {
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
        add(due, id, event, null, false);
    }

    /** The Sent or Failed event of a delivery recorded before (published again after a setback). */
    void add(DueReminder due, Delivery delivery, String provider) {
        add(due, delivery.outcomeId(), outcome(delivery, provider), delivery, false);
    }

    /** The Sent or Failed event of an answer just received, which is written once the event is settled. */
    void answer(DueReminder due, Delivery answer, String provider) {
        add(due, answer.outcomeId(), outcome(answer, provider), answer, true);
    }

    private static Event outcome(Delivery delivery, String provider) {
        return delivery.state() == Delivery.State.SENT ? delivery.sent(provider) : delivery.failed();
    }

    private void add(DueReminder due, String id, Event event, Delivery delivery, boolean answer) {
        CompletableFuture<?> sent;
        try {
            sent = outcomes.publish(due.envelope(), id, event);
        } catch (RuntimeException refused) {
            sent = CompletableFuture.failedFuture(refused);
        }
        pending.add(new Pending(due, sent, delivery, answer));
    }

    /**
     * Waits for Kafka, then writes the answers (published or not) and marks what it has as published; reminders
     * with an event it has not are setbacks.
     */
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
        List<Delivery> answers = new ArrayList<>();
        List<Delivery> safe = new ArrayList<>();
        for (var each : pending) {
            var published = failure == null || (each.sent().isDone() && !each.sent().isCompletedExceptionally());
            if (!published) {
                setbacks.add(each.due(), failure);
            }
            if (each.answer()) {
                answers.add(published ? each.delivery().published() : each.delivery());
            } else if (published && each.delivery() != null) {
                safe.add(each.delivery());
            }
        }
        pending.clear();
        deliveries.recordAll(answers);
        deliveries.published(safe);
    }
}
