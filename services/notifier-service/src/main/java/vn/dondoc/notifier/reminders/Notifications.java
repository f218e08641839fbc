package vn.dondoc.notifier.reminders;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.dondoc.events.Channel;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.NotificationSuppressed;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.notifier.units.Unit;
import vn.dondoc.notifier.units.Units;

/**
 * Sends a due reminder to every address of the recipient unit on every channel we have a courier for. Each
 * address is claimed, sent, recorded, then its outcome published; a replay of the same reminder finds the
 * claims and only reports them as duplicates.
 */
@Service
class Notifications {

    static final String DUPLICATE = "duplicate";
    static final String WITHOUT_CONTACTS = "unit without contacts";
    static final String INACTIVE = "unit inactive";

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Units units;
    private final Deliveries deliveries;
    private final Outcomes outcomes;
    private final List<Courier> couriers;
    private final NotifyProperties properties;
    private final Clock clock;

    Notifications(Units units, Deliveries deliveries, Outcomes outcomes, List<Courier> couriers,
                  NotifyProperties properties, Clock clock) {
        this.units = units;
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        // email first: when SMS is down and the reminder waits, its email has already gone
        this.couriers = couriers.stream().sorted(Comparator.comparing(Courier::channel)).toList();
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param position where the reminder was read (topic, partition, offset): names this reading of it, so a
     *                 duplicate's suppression is one event however often that record is replayed
     */
    void send(Envelope<ReminderDue> envelope, String position) {
        var reminder = envelope.data();
        var recipient = units.findById(reminder.recipient()).orElseThrow(() -> new UnitNotYetKnown(reminder.recipient()));
        var unitNames = unitNames(reminder, recipient);
        for (var courier : couriers) {
            if (!carries(courier.channel(), reminder)) {
                continue;
            }
            if (!recipient.active()) {
                suppress(envelope, courier.channel(), null, INACTIVE, Delivery.key(reminder.reminderId(), courier.channel(), "-") + "/inactive");
                continue;
            }
            var addresses = recipient.addressesOn(courier.channel());
            // SMS is an extra where a number is known; only a unit no email can reach is worth an event
            if (addresses.isEmpty() && courier.channel() == Channel.EMAIL) {
                suppress(envelope, courier.channel(), null, WITHOUT_CONTACTS,
                        Delivery.key(reminder.reminderId(), courier.channel(), "-") + "/no-contacts");
            }
            for (var address : addresses) {
                deliver(envelope, courier, new Dispatch(reminder, address, recipient.displayName(), unitNames, 1), position);
            }
        }
    }

    private void deliver(Envelope<ReminderDue> envelope, Courier courier, Dispatch dispatch, String position) {
        var reminder = dispatch.reminder();
        if (!courier.available()) {
            // nothing claimed, nothing spent: the record is read again once the listener resumes
            throw new DeliveryPostponed("No " + courier.channel() + " server or provider is available");
        }
        switch (deliveries.claim(reminder, courier.channel(), dispatch.address(), clock.instant())) {
            case Deliveries.Claim.Settled(var settled) when settled.outcomePublished() ->
                    suppress(envelope, courier.channel(), dispatch.address(), DUPLICATE,
                            settled.key() + "/duplicate/" + position);
            case Deliveries.Claim.Settled(var settled) -> publish(envelope, courier, settled);
            case Deliveries.Claim.Granted(var claimed) -> {
                Delivery outcome;
                try {
                    var delivered = courier.deliver(dispatch.attempt(claimed.attempts()));
                    outcome = deliveries.sent(claimed, delivered, clock.instant());
                } catch (DeliveryFailed failure) {
                    log.warn("Reminder {} to {} failed ({}): {}", reminder.reminderId(), dispatch.address(),
                            failure.permanent() ? "permanent" : "transient", failure.getMessage());
                    outcome = deliveries.failed(claimed, failure.getMessage(), failure.permanent(), clock.instant());
                }
                publish(envelope, courier, outcome);
                if (outcome.retryable() && (!courier.available() || outcome.attempts() < properties.transientAttempts())) {
                    throw new DeliveryPostponed("Reminder " + reminder.reminderId() + " to " + dispatch.address()
                            + " will be tried again: " + outcome.reason());
                }
            }
        }
    }

    /** Email carries every stage; SMS the configured ones (due day, overdue, escalation by default). */
    private boolean carries(Channel channel, ReminderDue reminder) {
        return channel == Channel.EMAIL || properties.smsStages().contains(reminder.stage());
    }

    private void publish(Envelope<ReminderDue> envelope, Courier courier, Delivery delivery) {
        outcomes.publish(envelope, delivery.outcomeId(),
                delivery.state() == Delivery.State.SENT ? delivery.sent(courier.provider()) : delivery.failed());
        deliveries.outcomePublished(delivery);
    }

    private void suppress(Envelope<ReminderDue> envelope, Channel channel, String address, String reason, String id) {
        var reminder = envelope.data();
        outcomes.publish(envelope, id, new NotificationSuppressed(reminder.reminderId(), reminder.taskId(),
                reminder.recipient(), channel, address, reason, clock.instant()));
    }

    /** Display names of the units a reminder mentions, so the message says "Phòng Nghiệp vụ Y", not "NVY". */
    private Map<String, String> unitNames(ReminderDue reminder, Unit recipient) {
        var task = reminder.task();
        var codes = Stream.of(List.of(reminder.unit()), nullToEmpty(task == null ? null : task.leadUnits()),
                        nullToEmpty(task == null ? null : task.coordinatingUnits()))
                .flatMap(List::stream).distinct().toList();
        Map<String, String> names = new LinkedHashMap<>();
        units.findAllById(codes).forEach(unit -> names.put(unit.code(), unit.displayName()));
        names.put(recipient.code(), recipient.displayName());
        return names;
    }

    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
