package vn.dondoc.notifier.reminders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dondoc.events.NotificationSuppressed;
import vn.dondoc.notifier.reminders.Deliveries.Claim;

/**
 * Sends a round of deliveries, no two of them for the same key: claims them all at once, sends them in the
 * {@link DeliveryLanes}, checks at once that no one else took the claims over meanwhile, and hands the answers to
 * the {@link Publication}, which publishes their outcome events together (a few produce requests, not one per
 * message) and records every answer at once when Kafka has them. A delivery found already claimed is reclaimed on
 * its own: settled ones are duplicates (or, claimed by this very record, a redelivery to skip), interrupted or
 * retryable ones are taken over as before.
 *
 * <p>Caution per courier, shared by the rounds of every consumer: from the start of a round until a success (and
 * again after a transient failure) one delivery is sent at a time, so a server that went away costs one failed
 * delivery, not one per lane or per consumer, before its circuit opens; a half-open circuit gets its single trial
 * call. While a courier is unavailable nothing is claimed and nothing is spent: first claims are withdrawn and the
 * reminder is postponed.
 */
@Component
class DeliveryRound {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRound.class);

    private sealed interface Result {
    }

    /** Finished and published when this same record was read before. */
    private record Skipped() implements Result {
    }

    /** Finished and published for another record of the same reminder. */
    private record Duplicate(Delivery settled) implements Result {
    }

    /** Finished, its outcome not yet on the topic. */
    private record Unpublished(Delivery settled) implements Result {
    }

    private record Answered(Delivery outcome) implements Result {
    }

    /** @param unsent a first claim to withdraw, or null */
    private record Postponed(Delivery unsent) implements Result {
    }

    private record Broken(RuntimeException reason) implements Result {
    }

    private final Deliveries deliveries;
    private final DeliveryLanes lanes;
    private final NotifyProperties properties;
    private final Clock clock;
    private final Map<Courier, Caution> cautions = new ConcurrentHashMap<>();

    DeliveryRound(Deliveries deliveries, DeliveryLanes lanes, NotifyProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.lanes = lanes;
        this.properties = properties;
        this.clock = clock;
    }

    void run(List<Planned> round, Publication publication, Setbacks setbacks) {
        var now = clock.instant();
        var claims = round.stream().map(planned -> planned.firstClaim(now)).toList();
        var existing = deliveries.claimAll(claims);
        round.stream().map(Planned::courier).distinct()
                .forEach(courier -> cautions.computeIfAbsent(courier, any -> new Caution()).doubt());
        var results = lanes.each(IntStream.range(0, round.size()).boxed().toList(), i -> {
            var planned = round.get(i);
            return cautions.get(planned.courier())
                    .pace(() -> attempt(planned, claims.get(i), existing.get(planned.key())));
        });

        List<Delivery> answers = new ArrayList<>();
        List<Delivery> unsent = new ArrayList<>();
        results.forEach(result -> {
            switch (result) {
                case Answered(var outcome) -> answers.add(outcome);
                case Postponed(var claim) when claim != null -> unsent.add(claim);
                default -> {
                }
            }
        });
        var changed = deliveries.changedSinceClaimed(answers);
        deliveries.release(unsent);

        for (int i = 0; i < round.size(); i++) {
            var planned = round.get(i);
            var due = planned.due();
            var courier = planned.courier();
            switch (results.get(i)) {
                case Skipped() -> log.debug("{} read again: {} already done", due.position(), planned.key());
                case Duplicate(var settled) -> publication.add(due, settled.key() + "/duplicate/" + due.position(),
                        new NotificationSuppressed(settled.reminderId(), due.reminder().taskId(),
                                due.reminder().recipient(), courier.channel(), settled.address(),
                                Notifications.DUPLICATE, now));
                case Unpublished(var settled) -> publication.add(due, settled, courier.provider());
                case Answered(var outcome) when changed.contains(outcome.key()) -> setbacks.add(due,
                        new IllegalStateException("Delivery " + outcome.key() + " changed concurrently"));
                case Answered(var outcome) -> {
                    publication.answer(due, outcome, courier.provider());
                    if (outcome.retryable() && (!courier.available()
                            || outcome.attempts() < properties.transientAttempts())) {
                        setbacks.add(due, new DeliveryPostponed("Reminder " + outcome.reminderId() + " to "
                                + outcome.address() + " will be tried again: " + outcome.reason()));
                    }
                }
                case Postponed(var ignored) -> setbacks.add(due,
                        new DeliveryPostponed("No " + courier.channel() + " server or provider is available"));
                case Broken(var reason) -> setbacks.add(due, reason);
            }
        }
        publication.complete(setbacks);
    }

    private Result attempt(Planned planned, Delivery firstClaim, Delivery existing) {
        try {
            var courier = planned.courier();
            if (!courier.available()) {
                return new Postponed(existing == null ? firstClaim : null);
            }
            var claimed = firstClaim;
            if (existing != null) {
                var position = planned.due().position();
                switch (deliveries.reclaim(existing, position, clock.instant())) {
                    case Claim.Settled(var settled) when !settled.outcomePublished() -> {
                        return new Unpublished(settled);
                    }
                    case Claim.Settled(var settled) when settled.claimedBy(position) -> {
                        return new Skipped();
                    }
                    case Claim.Settled(var settled) -> {
                        return new Duplicate(settled);
                    }
                    case Claim.Granted(var granted) -> claimed = granted;
                }
            }
            return new Answered(send(planned, claimed));
        } catch (RuntimeException broken) {
            return new Broken(broken);
        }
    }

    private Delivery send(Planned planned, Delivery claimed) {
        var dispatch = planned.dispatch();
        try {
            var delivered = planned.courier().deliver(dispatch.attempt(claimed.attempts()));
            return claimed.accepted(delivered, clock.instant());
        } catch (DeliveryFailed failure) {
            log.warn("Reminder {} to {} failed ({}): {}", dispatch.reminder().reminderId(), dispatch.address(),
                    failure.permanent() ? "permanent" : "transient", failure.getMessage());
            return claimed.refused(failure.getMessage(), failure.permanent(), clock.instant());
        }
    }

    /** One at a time until the courier has shown since the latest round began that its server answers. */
    private static final class Caution {

        private final ReentrantLock alone = new ReentrantLock();
        private volatile boolean proven;

        void doubt() {
            proven = false;
        }

        Result pace(Supplier<Result> attempt) {
            if (proven) {
                return learn(attempt.get());
            }
            alone.lock();
            try {
                return learn(attempt.get());
            } finally {
                alone.unlock();
            }
        }

        private Result learn(Result result) {
            if (result instanceof Answered(var outcome)) {
                proven = !outcome.retryable();
            }
            return result;
        }
    }
}
