package vn.dondoc.scheduler.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.UnitRole;

/**
 * Everything the scheduler knows about one task: what was assigned (and the CloudEvents attributes of that
 * assignment, so reminders continue its trace), the policy in force, its units and the reminders still to send.
 * A closed plan (task completed or cancelled) keeps no reminders but stays, so that a late duplicate of the
 * assignment cannot bring the task back to life.
 *
 * @param seenEventIds the latest {@code ce_id}s applied to this plan: a re-published event changes nothing
 * @param closedAt     when the task was completed or cancelled, or null while it is open
 */
record ReminderPlan(String taskId, TaskAssigned assignment, Origin origin, ReminderPolicy policy,
                    List<PlannedUnit> units, List<PlannedReminder> pending, List<String> seenEventIds,
                    Instant closedAt) {

    static final String SOURCE = "/dondoc/scheduler-service";
    static final int FIRST_CYCLE = 1;
    /** A date without a time falls due at the end of the working day there (brief: 17:00 Asia/Ho_Chi_Minh). */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalTime END_OF_WORKING_DAY = LocalTime.of(17, 0);
    private static final int REMEMBERED_EVENT_IDS = 64;
    private static final Comparator<PlannedReminder> BY_TIME = Comparator.comparing(PlannedReminder::fireAt)
            .thenComparing(PlannedReminder::reminderId);

    /** The CloudEvents attributes of the assignment. */
    record Origin(String eventId, String source, Instant time, String traceparent) {
    }

    ReminderPlan {
        units = List.copyOf(units);
        pending = pending.stream().sorted(BY_TIME).toList();
        seenEventIds = List.copyOf(seenEventIds);
    }

    /**
     * Plans a newly assigned task: every unit gets the assignment notice at once; lead units also get one reminder
     * per {@code remindBefore} offset ({@code PT0S} is the due reminder), except those already past.
     * <p>
     * Working hours and holidays are not applied yet: reminders fire at the exact instant.
     */
    static ReminderPlan assign(Envelope<TaskAssigned> assigned, ReminderPolicy defaults, Instant now) {
        TaskAssigned task = assigned.data();
        ReminderPolicy policy = complete(task.policy(), defaults);
        Set<String> leads = distinct(task.leadUnits());
        Set<String> coordinating = distinct(task.coordinatingUnits());
        coordinating.removeAll(leads); // a unit named in both answers for the task: it is a lead unit

        List<PlannedUnit> units = new ArrayList<>();
        List<PlannedReminder> pending = new ArrayList<>();
        Optional<Instant> due = dueInstant(task.deadline());
        for (String unit : leads) {
            units.add(new PlannedUnit(unit, UnitRole.LEAD, PlannedUnit.State.ASSIGNED));
            pending.add(reminder(task.taskId(), unit, UnitRole.LEAD, Stage.ASSIGNMENT, null, now));
            due.ifPresent(dueAt -> policy.remindBefore().stream().distinct()
                    .filter(offset -> !offset.isNegative())
                    .filter(offset -> !dueAt.minus(offset).isBefore(now))
                    .map(offset -> offset.isZero()
                            ? reminder(task.taskId(), unit, UnitRole.LEAD, Stage.DUE, null, dueAt)
                            : reminder(task.taskId(), unit, UnitRole.LEAD, Stage.BEFORE_DUE, offset, dueAt.minus(offset)))
                    .forEach(pending::add));
        }
        for (String unit : coordinating) {
            units.add(new PlannedUnit(unit, UnitRole.COORDINATING, PlannedUnit.State.ASSIGNED));
            pending.add(reminder(task.taskId(), unit, UnitRole.COORDINATING, Stage.ASSIGNMENT, null, now));
        }
        var origin = new Origin(assigned.id(), assigned.source(), assigned.time(), assigned.traceparent());
        return new ReminderPlan(task.taskId(), task, origin, policy, units, pending, List.of(assigned.id()), null);
    }

    /** The task is over (completed or cancelled): nothing more is sent. */
    ReminderPlan close(String eventId, Instant now) {
        return new ReminderPlan(taskId, assignment, origin, policy, units, List.of(), remember(eventId),
                closedAt == null ? now : closedAt);
    }

    /** The reminder was sent. */
    ReminderPlan fired(String reminderId) {
        return new ReminderPlan(taskId, assignment, origin, policy, units,
                pending.stream().filter(reminder -> !reminder.reminderId().equals(reminderId)).toList(),
                seenEventIds, closedAt);
    }

    boolean hasSeen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    boolean closed() {
        return closedAt != null;
    }

    Optional<PlannedReminder> pendingReminder(String reminderId) {
        return pending.stream().filter(reminder -> reminder.reminderId().equals(reminderId)).findFirst();
    }

    /** The assignment event as it was received: reminders are its effects and carry on its trace. */
    Envelope<TaskAssigned> assignmentEnvelope() {
        return new Envelope<>(origin.eventId(), origin.source(), origin.time(), origin.traceparent(), assignment);
    }

    Envelope<ReminderDue> due(PlannedReminder reminder, Instant now) {
        var due = new ReminderDue(reminder.reminderId(), taskId, reminder.unit(), reminder.role(), reminder.stage(),
                reminder.cycle(), reminder.recipient(), reminder.fireAt(), assignment.summary());
        return Envelope.causedBy(assignmentEnvelope(), reminder.reminderId(), SOURCE, due, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The upcoming reminders, announced because {@code cause} changed the plan. */
    Envelope<RemindersPlanned> planned(Envelope<?> cause, Instant now) {
        var upcoming = pending.stream()
                .map(reminder -> new RemindersPlanned.Upcoming(reminder.reminderId(), reminder.unit(), reminder.stage(),
                        reminder.fireAt()))
                .toList();
        // derived from the cause so that re-processing the same event yields the same ce_id
        return Envelope.causedBy(cause, cause.id() + "/reminders.planned", SOURCE,
                new RemindersPlanned(taskId, upcoming, now), Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<String> remember(String eventId) {
        var ids = new ArrayList<>(seenEventIds);
        ids.add(eventId);
        return ids.subList(Math.max(0, ids.size() - REMEMBERED_EVENT_IDS), ids.size());
    }

    private static PlannedReminder reminder(String taskId, String unit, UnitRole role, Stage stage, Duration offset,
                                            Instant fireAt) {
        return new PlannedReminder(ReminderId.of(taskId, unit, stage, FIRST_CYCLE, offset), unit, role, stage,
                FIRST_CYCLE, unit, fireAt);
    }

    private static ReminderPolicy complete(ReminderPolicy given, ReminderPolicy defaults) {
        if (given == null) {
            return defaults;
        }
        return new ReminderPolicy(
                given.remindBefore() == null ? defaults.remindBefore() : List.copyOf(given.remindBefore()),
                Objects.requireNonNullElse(given.repeatOverdueEvery(), defaults.repeatOverdueEvery()),
                Objects.requireNonNullElse(given.ackWithin(), defaults.ackWithin()),
                Objects.requireNonNullElse(given.escalateAfter(), defaults.escalateAfter()),
                Objects.requireNonNullElse(given.workingHoursOnly(), defaults.workingHoursOnly()));
    }

    /** Recurring and continuous deadlines get their cycles later; for now only a fixed due instant or day counts. */
    private static Optional<Instant> dueInstant(Deadline deadline) {
        if (deadline == null) {
            return Optional.empty();
        }
        if (deadline.dueAt() != null) {
            return Optional.of(deadline.dueAt());
        }
        return Optional.ofNullable(deadline.dueDate())
                .map(day -> day.atTime(END_OF_WORKING_DAY).atZone(BUSINESS_ZONE).toInstant());
    }

    private static Set<String> distinct(List<String> units) {
        return units == null ? new LinkedHashSet<>() : new LinkedHashSet<>(units.stream().filter(Objects::nonNull).toList());
    }
}
