package vn.dondoc.notifier.reminders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.dondoc.events.Channel;
import vn.dondoc.events.NotificationSuppressed;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.notifier.units.Unit;
import vn.dondoc.notifier.units.Units;

/**
 * Sends a batch of due reminders, each to every address of its recipient unit on every channel we have a courier
 * for. Each address is claimed, sent, recorded, then its outcome published, all before the batch is
 * acknowledged; a replay of the same reminder finds the claims and only reports them as duplicates. A reminder
 * that occurs twice in one batch is delivered in a second {@link DeliveryRound}, after the first settled.
 */
@Service
class Notifications {

    static final String DUPLICATE = "duplicate";
    static final String WITHOUT_CONTACTS = "unit without contacts";
    static final String INACTIVE = "unit inactive";

    private final Units units;
    private final DeliveryRound rounds;
    private final Outcomes outcomes;
    private final Deliveries deliveries;
    private final List<Courier> couriers;
    private final NotifyProperties properties;
    private final Clock clock;

    Notifications(Units units, DeliveryRound rounds, Outcomes outcomes, Deliveries deliveries, List<Courier> couriers,
                  NotifyProperties properties, Clock clock) {
        this.units = units;
        this.rounds = rounds;
        this.outcomes = outcomes;
        this.deliveries = deliveries;
        // email first: when SMS is down and the reminder waits, its email has already gone
        this.couriers = couriers.stream().sorted(Comparator.comparing(Courier::channel)).toList();
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @return the first reminder that could not be finished (postponed or broken), if any; every other reminder's
     *         outcomes are on the notifications topic
     */
    Optional<Setbacks.Setback> send(List<DueReminder> batch) {
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        var setbacks = new Setbacks();
        var publication = new Publication(outcomes, deliveries);
        var directory = directory(batch);
        List<Planned> planned = new ArrayList<>();
        for (var due : batch) {
            try {
                plan(due, directory, planned, publication);
            } catch (RuntimeException setback) {
                setbacks.add(due, setback);
            }
        }
        for (var round : rounds(planned)) {
            try {
                rounds.run(round, publication, setbacks);
            } catch (RuntimeException broken) {
                // e.g. the database is unreachable: none of the round is known to be finished
                round.forEach(each -> setbacks.add(each.due(), broken));
            }
        }
        publication.complete(setbacks);
        return setbacks.first();
    }

    private void plan(DueReminder due, Map<String, Unit> directory, List<Planned> planned, Publication publication) {
        var reminder = due.reminder();
        var recipient = directory.get(reminder.recipient());
        if (recipient == null) {
            throw new UnitNotYetKnown(reminder.recipient());
        }
        var unitNames = unitNames(reminder, recipient, directory);
        for (var courier : couriers) {
            if (!carries(courier.channel(), reminder)) {
                continue;
            }
            if (!recipient.active()) {
                suppress(due, courier.channel(), INACTIVE, "/inactive", publication);
                continue;
            }
            var addresses = recipient.addressesOn(courier.channel());
            // SMS is an extra where a number is known; only a unit no email can reach is worth an event
            if (addresses.isEmpty() && courier.channel() == Channel.EMAIL) {
                suppress(due, courier.channel(), WITHOUT_CONTACTS, "/no-contacts", publication);
            }
            if (!addresses.isEmpty() && !courier.available()) {
                // nothing claimed, nothing spent: the record is read again once the listener resumes
                throw new DeliveryPostponed("No " + courier.channel() + " server or provider is available");
            }
            for (var address : addresses) {
                planned.add(new Planned(due, courier,
                        new Dispatch(reminder, address, recipient.displayName(), unitNames, 1)));
            }
        }
    }

    /** The first delivery of every key, then the second ones (the same reminder read twice in a batch), … */
    private static List<List<Planned>> rounds(List<Planned> planned) {
        List<List<Planned>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (var each : planned) {
            int round = seen.merge(each.key(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(each);
        }
        return rounds;
    }

    /** Email carries every stage; SMS the configured ones (due day, overdue, escalation by default). */
    private boolean carries(Channel channel, ReminderDue reminder) {
        return channel == Channel.EMAIL || properties.smsStages().contains(reminder.stage());
    }

    private void suppress(DueReminder due, Channel channel, String reason, String suffix, Publication publication) {
        var reminder = due.reminder();
        publication.add(due, Delivery.key(reminder.reminderId(), channel, "-") + suffix,
                new NotificationSuppressed(reminder.reminderId(), reminder.taskId(), reminder.recipient(), channel,
                        null, reason, clock.instant()));
    }

    /** Every unit the batch's reminders name, read at once. */
    private Map<String, Unit> directory(List<DueReminder> batch) {
        Set<String> codes = new LinkedHashSet<>();
        for (var due : batch) {
            var reminder = due.reminder();
            codes.add(reminder.recipient());
            codes.addAll(mentioned(reminder));
        }
        Map<String, Unit> directory = new HashMap<>();
        units.findAllById(codes).forEach(unit -> directory.put(unit.code(), unit));
        return directory;
    }

    /** Display names of the units a reminder mentions, so the message says "Phòng Nghiệp vụ Y", not "NVY". */
    private static Map<String, String> unitNames(ReminderDue reminder, Unit recipient, Map<String, Unit> directory) {
        Map<String, String> names = new LinkedHashMap<>();
        for (var code : mentioned(reminder)) {
            var unit = directory.get(code);
            if (unit != null) {
                names.put(code, unit.displayName());
            }
        }
        names.put(recipient.code(), recipient.displayName());
        return names;
    }

    private static List<String> mentioned(ReminderDue reminder) {
        var task = reminder.task();
        List<String> codes = new ArrayList<>();
        codes.add(reminder.unit());
        if (task != null && task.leadUnits() != null) {
            codes.addAll(task.leadUnits());
        }
        if (task != null && task.coordinatingUnits() != null) {
            codes.addAll(task.coordinatingUnits());
        }
        return codes;
    }
}
