package vn.dondoc.scheduler.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineExtended;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskUpdated;
import vn.dondoc.events.UnitRole;

/**
 * Everything the scheduler knows about one task: the task as last assigned or updated (and the CloudEvents
 * attributes of the assignment, so reminders continue its trace), the policy in force, its units and the reminders
 * still to send. A closed plan (task completed or cancelled) keeps no reminders but stays, so that a late duplicate
 * of the assignment cannot bring the task back to life. Timing rules live in {@link ReminderTiming}.
 * <p>
 * As stored, a plan may still list among its pending reminders one-offs that were sent without the plan being
 * rewritten; {@link DueIndex#settle} gives the plan as it stands (see {@link ReminderScheduler#fire}).
 *
 * @param seenEventIds the latest {@code ce_id}s applied to this plan: a re-published event changes nothing
 * @param closedAt     when the task was completed or cancelled, or null while it is open
 * @param assignedAt   when the plan was made: assignment re-sends count from here
 * @param revision     bumped whenever the deadline or the policy changes; names the deadline-bound reminder ids
 * @param cycle        the current cycle (1 unless the task recurs)
 * @param cycleDay     the due day of the current cycle of a recurring task, null otherwise
 * @param lastChangeAt {@code ce_time} of the latest assignment, update or extension applied: older ones arriving
 *                     late are ignored
 * @param fired        ids of the one-off reminders of the current cycle and revision already sent
 */
record ReminderPlan(String taskId, TaskAssigned assignment, Origin origin, ReminderPolicy policy,
                    List<PlannedUnit> units, List<PlannedReminder> pending, List<String> seenEventIds,
                    Instant closedAt, Instant assignedAt, int revision, int cycle, LocalDate cycleDay,
                    Instant lastChangeAt, List<String> fired) {

    static final String SOURCE = "/dondoc/scheduler-service";
    static final int FIRST_CYCLE = 1;
    private static final int REMEMBERED_EVENT_IDS = 64;
    private static final Comparator<PlannedReminder> BY_TIME = Comparator.comparing(PlannedReminder::fireAt)
            .thenComparing(PlannedReminder::reminderId);

    /** The CloudEvents attributes of the assignment. */
    record Origin(String eventId, String source, Instant time, String traceparent) {
    }

    ReminderPlan {
        units = List.copyOf(units);
        pending = byTime(pending);
        seenEventIds = List.copyOf(seenEventIds);
        fired = fired == null ? List.of() : List.copyOf(fired);
        cycle = Math.max(cycle, FIRST_CYCLE);
    }

    /** Sorted only when not already in order: plans are made over and over from sorted lists (a burst's hot path). */
    private static List<PlannedReminder> byTime(List<PlannedReminder> reminders) {
        for (int i = 1; i < reminders.size(); i++) {
            if (BY_TIME.compare(reminders.get(i - 1), reminders.get(i)) > 0) {
                return reminders.stream().sorted(BY_TIME).toList();
            }
        }
        return List.copyOf(reminders);
    }

    /** Plans a newly assigned task (see {@link ReminderTiming} for what each unit gets and when). */
    static ReminderPlan assign(Envelope<TaskAssigned> assigned, ReminderTiming timing,
                               Function<String, Optional<String>> supervisors, Instant now) {
        TaskAssigned task = assigned.data();
        var origin = new Origin(assigned.id(), assigned.source(), assigned.time(), assigned.traceparent());
        LocalDate cycleDay = ReminderTiming.recurring(task.deadline()) ? timing.firstCycleDay(task.deadline(), now) : null;
        var plan = new ReminderPlan(task.taskId(), task, origin, timing.complete(task.policy()),
                units(task.leadUnits(), task.coordinatingUnits(), Map.of()), List.of(), List.of(assigned.id()), null,
                now, 0, FIRST_CYCLE, cycleDay, assigned.time(), List.of());
        return plan.withPending(plan.upcoming(timing, supervisors, now));
    }

    /** The task's units, deadline or policy changed: re-plans from now when any of them did. */
    ReminderPlan update(Envelope<?> cause, TaskUpdated update, ReminderTiming timing,
                        Function<String, Optional<String>> supervisors, Instant now) {
        var task = new TaskAssigned(taskId, update.title(), update.leadUnits(), update.coordinatingUnits(),
                update.expectedOutput(), update.deadline(), update.policy(), update.source(), assignment.assignedAt());
        return change(cause, task, timing.complete(update.policy()), timing, supervisors, now);
    }

    ReminderPlan extend(Envelope<?> cause, DeadlineExtended extension, ReminderTiming timing,
                        Function<String, Optional<String>> supervisors, Instant now) {
        var task = new TaskAssigned(taskId, assignment.title(), assignment.leadUnits(), assignment.coordinatingUnits(),
                assignment.expectedOutput(), extension.deadline(), assignment.policy(), assignment.source(),
                assignment.assignedAt());
        return change(cause, task, policy, timing, supervisors, now);
    }

    /** An update older than the last one applied (a replay, or events out of order) is not applied. */
    boolean isOlderThanLastChange(Envelope<?> event) {
        return lastChangeAt != null && event.time().isBefore(lastChangeAt);
    }

    private ReminderPlan change(Envelope<?> cause, TaskAssigned task, ReminderPolicy newPolicy, ReminderTiming timing,
                                Function<String, Optional<String>> supervisors, Instant now) {
        boolean timingChanged = !sameTiming(assignment.deadline(), task.deadline()) || !policy.equals(newPolicy);
        Map<String, PlannedUnit> known = new LinkedHashMap<>();
        units.forEach(unit -> known.put(unit.code(), timingChanged ? unit.withRepeatsReset() : unit));
        List<PlannedUnit> newUnits = units(task.leadUnits(), task.coordinatingUnits(), known);
        boolean unitsChanged = !newUnits.stream().map(u -> u.code() + u.role()).toList()
                .equals(units.stream().map(u -> u.code() + u.role()).toList());
        LocalDate newCycleDay = cycleDay;
        if (!sameTiming(assignment.deadline(), task.deadline())) {
            newCycleDay = ReminderTiming.recurring(task.deadline()) ? timing.firstCycleDay(task.deadline(), now) : null;
        }
        var changed = new ReminderPlan(taskId, task, origin, newPolicy, newUnits, pending, remember(cause.id()),
                closedAt, assignedAt, timingChanged ? revision + 1 : revision, cycle, newCycleDay,
                cause.time(), timingChanged ? List.of() : fired);
        if (!timingChanged && !unitsChanged) {
            return changed;
        }
        List<PlannedReminder> replanned = new ArrayList<>(changed.upcoming(timing, supervisors, now));
        if (!timingChanged) {
            // fallen due but not sent yet (a backlog): still owed to units that stay in the same role
            Set<String> ids = new LinkedHashSet<>(replanned.stream().map(PlannedReminder::reminderId).toList());
            pending.stream()
                    .filter(reminder -> reminder.fireAt().isBefore(now) && !ids.contains(reminder.reminderId()))
                    .filter(reminder -> newUnits.stream().anyMatch(unit -> unit.code().equals(reminder.unit())
                            && unit.role() == reminder.role()))
                    .forEach(replanned::add);
        }
        return changed.withPending(replanned);
    }

    /** The unit confirmed receipt: its assignment re-sends stop, nothing else changes. */
    ReminderPlan acknowledge(String eventId, String unit) {
        return new ReminderPlan(taskId, assignment, origin, policy,
                units.stream().map(u -> u.code().equals(unit) ? u.acknowledge() : u).toList(),
                pending.stream().filter(r -> !(r.unit().equals(unit) && r.stage() == Stage.ACK_RESEND)).toList(),
                remember(eventId), closedAt, assignedAt, revision, cycle, cycleDay, lastChangeAt, fired);
    }

    /** The unit reported: no more reminders for it in this cycle; a recurring task may move on to its next cycle. */
    ReminderPlan report(String eventId, String unit, ReminderTiming timing,
                        Function<String, Optional<String>> supervisors, Instant now) {
        var reported = new ReminderPlan(taskId, assignment, origin, policy,
                units.stream().map(u -> u.code().equals(unit) ? u.report(cycle) : u).toList(),
                pending.stream().filter(r -> !r.unit().equals(unit)).toList(),
                remember(eventId), closedAt, assignedAt, revision, cycle, cycleDay, lastChangeAt, fired);
        return reported.nextCycleIfOver(timing, supervisors, now);
    }

    /**
     * Reports of the units {@code reopened} selects no longer stand — an admin rejected one, or reopened the whole
     * task — so those units are owed reminders again from now, and the plan is open again if it was closed. What
     * already went out once (assignment, before-due, due) is not sent again; repeating stages resume.
     */
    ReminderPlan reopen(String eventId, Predicate<PlannedUnit> reopened, ReminderTiming timing,
                        Function<String, Optional<String>> supervisors, Instant now) {
        var opened = new ReminderPlan(taskId, assignment, origin, policy,
                units.stream().map(u -> reopened.test(u) ? u.reportWithdrawn(cycle) : u).toList(),
                pending, remember(eventId), null, assignedAt, revision, cycle, cycleDay, lastChangeAt, fired);
        Set<String> owed = pending.stream().map(PlannedReminder::reminderId).collect(Collectors.toSet());
        Set<String> codes = opened.units.stream().filter(reopened).map(PlannedUnit::code).collect(Collectors.toSet());
        return opened.withPending(Stream.concat(pending.stream(), opened.upcoming(timing, supervisors, now).stream()
                .filter(reminder -> codes.contains(reminder.unit()) && !owed.contains(reminder.reminderId()))).toList());
    }

    /** The task is over (completed or cancelled): nothing more is sent. */
    ReminderPlan close(String eventId, Instant now) {
        return new ReminderPlan(taskId, assignment, origin, policy, units, List.of(), remember(eventId),
                closedAt == null ? now : closedAt, assignedAt, revision, cycle, cycleDay, lastChangeAt, fired);
    }

    /**
     * The reminder was sent: it leaves the plan, and the next occurrence of a repeating stage (or the next cycle of
     * a recurring task) comes in.
     */
    ReminderPlan fired(PlannedReminder sent, ReminderTiming timing, Function<String, Optional<String>> supervisors,
                       Instant now) {
        if (oneOff(sent.stage())) {
            // nothing follows a one-off reminder, except at the end of a recurring task's cycle the next cycle
            return sent(sent).nextCycleIfOver(timing, supervisors, now);
        }
        List<PlannedUnit> updatedUnits = units.stream().map(unit -> !unit.code().equals(sent.unit()) ? unit
                : switch (sent.stage()) {
                    case ASSIGNMENT -> unit.notifiedOfAssignment(sent.fireAt());
                    case ACK_RESEND -> unit.resent(sent.repeat());
                    case OVERDUE -> unit.remindedOverdue(sent.repeat());
                    case PROGRESS -> unit.remindedOfProgress(sent.repeat());
                    default -> unit;
                }).toList();
        List<PlannedReminder> remaining = new ArrayList<>(
                pending.stream().filter(r -> !r.reminderId().equals(sent.reminderId())).toList());
        var after = new ReminderPlan(taskId, assignment, origin, policy, updatedUnits, remaining, seenEventIds,
                closedAt, assignedAt, revision, cycle, cycleDay, lastChangeAt, fired);
        // a repeat moved to the next working slot must not be followed by the next one minutes later
        Function<Duration, Instant> notBefore = every -> every == null ? now : max(now, sent.fireAt().plus(every));
        after.unit(sent.unit()).flatMap(unit -> switch (sent.stage()) {
            case ACK_RESEND -> timing.nextAckResend(after, unit, notBefore.apply(policy.ackWithin()));
            case OVERDUE -> timing.nextOverdue(after, unit, notBefore.apply(policy.repeatOverdueEvery()));
            case PROGRESS -> timing.nextProgress(after, unit, now);
            default -> Optional.empty();
        }).filter(next -> !unitReportedFor(next.unit())).ifPresent(remaining::add);
        return after.withPending(remaining).nextCycleIfOver(timing, supervisors, now);
    }

    /** A recurring task whose current cycle has nothing left to send moves on to the next period. */
    private ReminderPlan nextCycleIfOver(ReminderTiming timing, Function<String, Optional<String>> supervisors,
                                         Instant now) {
        if (closed() || cycleDay == null || !ReminderTiming.recurring(assignment.deadline())
                || units.stream().noneMatch(unit -> unit.role() == UnitRole.LEAD)
                || pending.stream().anyMatch(reminder -> reminder.cycle() == cycle)) {
            return this;
        }
        var next = new ReminderPlan(taskId, assignment, origin, policy,
                units.stream().map(PlannedUnit::withRepeatsReset).toList(), pending, seenEventIds, closedAt,
                assignedAt, revision, cycle + 1, timing.nextCycleDay(assignment.deadline(), cycleDay), lastChangeAt,
                List.of());
        return next.withPending(Stream.concat(pending.stream(), next.upcoming(timing, supervisors, now).stream()).toList());
    }

    private List<PlannedReminder> upcoming(ReminderTiming timing, Function<String, Optional<String>> supervisors,
                                           Instant from) {
        return units.stream().flatMap(unit -> timing.upcoming(this, unit, from, supervisors).stream()).toList();
    }

    /** Sent once per cycle and revision, then remembered in {@link #fired}; the other stages repeat or change a unit. */
    static boolean oneOff(Stage stage) {
        return switch (stage) {
            case ASSIGNMENT, ACK_RESEND, OVERDUE, PROGRESS -> false;
            default -> true;
        };
    }

    /**
     * The plan once the one-off {@code reminder} went out: out of the pending reminders, into {@link #fired}. All that
     * {@link #fired} does with such a reminder unless it ends a recurring cycle, and what {@link DueIndex#settle}
     * restores from the due index when the scheduler did not store it (see {@link ReminderScheduler#fire}).
     */
    ReminderPlan sent(PlannedReminder reminder) {
        return new ReminderPlan(taskId, assignment, origin, policy, units,
                pending.stream().filter(r -> !r.reminderId().equals(reminder.reminderId())).toList(), seenEventIds,
                closedAt, assignedAt, revision, cycle, cycleDay, lastChangeAt, withFired(reminder.reminderId()));
    }

    private List<String> withFired(String reminderId) {
        var ids = new ArrayList<String>(fired.size() + 1);
        ids.addAll(fired);
        ids.add(reminderId);
        return ids;
    }

    ReminderPlan withoutPending(PlannedReminder reminder) {
        return withPending(pending.stream().filter(r -> !r.reminderId().equals(reminder.reminderId())).toList());
    }

    private ReminderPlan withPending(List<PlannedReminder> newPending) {
        return new ReminderPlan(taskId, assignment, origin, policy, units, newPending, seenEventIds, closedAt,
                assignedAt, revision, cycle, cycleDay, lastChangeAt, fired);
    }

    boolean hasSeen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    boolean hasFired(String reminderId) {
        return fired.contains(reminderId);
    }

    boolean closed() {
        return closedAt != null;
    }

    boolean awaitingTrigger() {
        return !closed() && ReminderTiming.awaitingTrigger(assignment.deadline());
    }

    Optional<PlannedUnit> unit(String code) {
        return units.stream().filter(unit -> unit.code().equals(code)).findFirst();
    }

    private boolean unitReportedFor(String code) {
        return unit(code).map(unit -> unit.role() == UnitRole.LEAD && unit.reportedFor(cycle)).orElse(true);
    }

    Optional<PlannedReminder> pendingReminder(String reminderId) {
        return pending.stream().filter(reminder -> reminder.reminderId().equals(reminderId)).findFirst();
    }

    /** The assignment event as it was received: reminders are its effects and carry on its trace. */
    Envelope<TaskAssigned> assignmentEnvelope() {
        return new Envelope<>(origin.eventId(), origin.source(), origin.time(), origin.traceparent(), assignment);
    }

    Envelope<ReminderDue> due(PlannedReminder reminder, String recipient, Instant now) {
        var due = new ReminderDue(reminder.reminderId(), taskId, reminder.unit(), reminder.role(), reminder.stage(),
                reminder.cycle(), recipient, reminder.fireAt(), assignment.summary());
        return Envelope.causedBy(assignmentEnvelope(), reminder.reminderId(), SOURCE, due, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The upcoming reminders, announced because {@code cause} changed the plan. */
    Envelope<RemindersPlanned> planned(Envelope<?> cause, Instant now) {
        // derived from the cause so that re-processing the same event yields the same ce_id
        return planned(cause, cause.id() + "/reminders.planned", now);
    }

    /** The upcoming reminders after a sent reminder brought in the next occurrence of its stage. */
    Envelope<RemindersPlanned> planned(PlannedReminder sent, Instant now) {
        return planned(assignmentEnvelope(), sent.reminderId() + "/reminders.planned", now);
    }

    private Envelope<RemindersPlanned> planned(Envelope<?> cause, String id, Instant now) {
        var upcoming = pending.stream()
                .map(reminder -> new RemindersPlanned.Upcoming(reminder.reminderId(), reminder.unit(), reminder.stage(),
                        reminder.fireAt()))
                .toList();
        return Envelope.causedBy(cause, id, SOURCE, new RemindersPlanned(taskId, upcoming, now),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private List<String> remember(String eventId) {
        var ids = new ArrayList<>(seenEventIds);
        ids.add(eventId);
        return ids.subList(Math.max(0, ids.size() - REMEMBERED_EVENT_IDS), ids.size());
    }

    /** Only what decides reminder times: a reworded deadline text is no new deadline. */
    private static boolean sameTiming(Deadline a, Deadline b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.kind() == b.kind() && Objects.equals(a.dueDate(), b.dueDate()) && Objects.equals(a.dueAt(), b.dueAt())
                && Objects.equals(a.startDate(), b.startDate());
    }

    /** Lead units first; a unit named both lead and coordinating answers for the task, so it is a lead unit. */
    private static List<PlannedUnit> units(List<String> leads, List<String> coordinating, Map<String, PlannedUnit> known) {
        Set<String> leadCodes = distinct(leads);
        Set<String> coordinatingCodes = distinct(coordinating);
        coordinatingCodes.removeAll(leadCodes);
        List<PlannedUnit> units = new ArrayList<>();
        leadCodes.forEach(code -> units.add(Optional.ofNullable(known.get(code)).map(u -> u.as(UnitRole.LEAD))
                .orElseGet(() -> PlannedUnit.assigned(code, UnitRole.LEAD))));
        coordinatingCodes.forEach(code -> units.add(Optional.ofNullable(known.get(code)).map(u -> u.as(UnitRole.COORDINATING))
                .orElseGet(() -> PlannedUnit.assigned(code, UnitRole.COORDINATING))));
        return units;
    }

    private static Set<String> distinct(List<String> units) {
        return units == null ? new LinkedHashSet<>() : new LinkedHashSet<>(units.stream().filter(Objects::nonNull).toList());
    }
}
