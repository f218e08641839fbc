package vn.dondoc.scheduler.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.Stage;
import vn.dondoc.events.UnitRole;
import vn.dondoc.scheduler.calendar.BusinessCalendar;

/**
 * When each stage of a task's reminders fires (DESIGN §2, issue 4). Pure: the same plan, instant and directory give
 * the same reminders, which is what makes re-planning and replays safe.
 * <p>
 * Rules:
 * <ul>
 * <li>Lead units: the assignment notice at once; an assignment re-send every {@code ackWithin} after the assignment notice
 *     while the unit has not acknowledged (until the deadline — after it the overdue reminders take over); one
 *     reminder per {@code remindBefore} offset; the due reminder; overdue reminders every {@code repeatOverdueEvery};
 *     one escalation to the unit's supervisor {@code escalateAfter} after the deadline (none when the directory
 *     names no supervisor). Coordinating units: the assignment notice and the due reminder, for information.</li>
 * <li>Repeating stages are planned lazily: only the next occurrence is kept, the one after is planned when it fires.</li>
 * <li>{@code workingHoursOnly}: every fire time moves to the next working slot ({@link BusinessCalendar#nextWorkingSlot}).
 *     A deadline that is a day (a date, month, quarter or year, or a recurring cycle) gets its due reminder at the
 *     start of the working day (07:30) of that day, and each whole-day {@code remindBefore} offset at 07:30 of the
 *     day that many days before; a day off moves such a reminder to the previous working day, and a before-due
 *     reminder landing where another one already is is dropped (one notice that morning). Sub-day offsets, instant
 *     deadlines, re-sends and overdue reminders take the exact instant moved to the next working slot.
 *     {@code workingHoursOnly=false}: everything fires at the exact instant (a day falls due at 17:00).</li>
 * <li>Recurring kinds have one cycle per period, due on the configured day; the cycle ends when its due reminders
 *     have gone out or every lead unit has reported for it, and the next one is planned then. Recurring cycles have
 *     no overdue reminders or escalation: the next cycle starts instead.</li>
 * <li>Continuous tasks ({@code CONTINUOUS}, {@code FROM_DATE}) get a progress reminder every {@code progressEvery}
 *     from their start date (or the assignment day), at the start of the working day.</li>
 * <li>{@code AWAITING_TRIGGER}: no reminders at all until a deadline is set.</li>
 * </ul>
 */
final class ReminderTiming {

    private static final Logger log = LoggerFactory.getLogger(ReminderTiming.class);

    private final ReminderPolicy defaults;
    private final BusinessCalendar calendar;
    private final ReminderProperties.Recurring recurring;
    private final Period progressEvery;

    ReminderTiming(ReminderPolicy defaults, BusinessCalendar calendar, ReminderProperties.Recurring recurring,
                   Period progressEvery) {
        this.defaults = defaults;
        this.calendar = calendar;
        this.recurring = recurring;
        this.progressEvery = progressEvery;
    }

    static ReminderTiming of(ReminderProperties properties, BusinessCalendar calendar) {
        return new ReminderTiming(properties.defaultPolicy(), calendar, properties.recurring(), properties.progressEvery());
    }

    /** A deadline as the scheduler uses it: the day it falls on (null for an instant) and its due instant. */
    record Due(LocalDate day, Instant at) {
    }

    ReminderPolicy complete(ReminderPolicy given) {
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

    static boolean recurring(Deadline deadline) {
        return deadline != null && Set.of(DeadlineKind.RECURRING_YEARLY, DeadlineKind.RECURRING_QUARTERLY,
                DeadlineKind.RECURRING_MONTHLY).contains(deadline.kind());
    }

    static boolean continuous(Deadline deadline) {
        return deadline != null && (deadline.kind() == DeadlineKind.CONTINUOUS || deadline.kind() == DeadlineKind.FROM_DATE);
    }

    static boolean awaitingTrigger(Deadline deadline) {
        return deadline != null && deadline.kind() == DeadlineKind.AWAITING_TRIGGER;
    }

    /** The first cycle of a recurring deadline due at or after {@code now} (and not before its start date). */
    LocalDate firstCycleDay(Deadline deadline, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        if (deadline.startDate() != null && deadline.startDate().isAfter(today)) {
            today = deadline.startDate();
        }
        LocalDate day = cycleDayOnOrAfter(deadline.kind(), today);
        return calendar.workingDayEnd(day).isBefore(now) ? nextCycleDay(deadline, day) : day;
    }

    LocalDate nextCycleDay(Deadline deadline, LocalDate previous) {
        return cycleDayOnOrAfter(deadline.kind(), previous.plusDays(1));
    }

    private LocalDate cycleDayOnOrAfter(DeadlineKind kind, LocalDate from) {
        LocalDate day = switch (kind) {
            case RECURRING_YEARLY -> recurring.yearlyDay().atYear(from.getYear());
            case RECURRING_QUARTERLY -> dayOf(YearMonth.of(from.getYear(), (from.getMonthValue() + 2) / 3 * 3),
                    recurring.quarterlyDueDay());
            case RECURRING_MONTHLY -> dayOf(YearMonth.from(from), recurring.monthlyDueDay());
            default -> throw new IllegalArgumentException("not a recurring kind: " + kind);
        };
        if (!day.isBefore(from)) {
            return day;
        }
        return switch (kind) {
            case RECURRING_YEARLY -> recurring.yearlyDay().atYear(from.getYear() + 1);
            case RECURRING_QUARTERLY -> dayOf(YearMonth.from(day).plusMonths(3), recurring.quarterlyDueDay());
            default -> dayOf(YearMonth.from(from).plusMonths(1), recurring.monthlyDueDay());
        };
    }

    private static LocalDate dayOf(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    /** The deadline of the plan's current cycle, if it has one. */
    Optional<Due> due(ReminderPlan plan) {
        Deadline deadline = plan.assignment().deadline();
        if (deadline == null || awaitingTrigger(deadline) || continuous(deadline)) {
            return Optional.empty();
        }
        if (recurring(deadline)) {
            return Optional.ofNullable(plan.cycleDay()).map(day -> new Due(day, calendar.workingDayEnd(day)));
        }
        LocalDate day = deadline.kind() == DeadlineKind.INSTANT ? null : deadline.dueDate();
        if (deadline.dueAt() != null) {
            return Optional.of(new Due(day, deadline.dueAt()));
        }
        return Optional.ofNullable(day).map(d -> new Due(d, calendar.workingDayEnd(d)));
    }

    /** Everything still to come for the unit in the plan's current cycle, from {@code from} on. */
    List<PlannedReminder> upcoming(ReminderPlan plan, PlannedUnit unit, Instant from,
                                   Function<String, Optional<String>> supervisors) {
        Deadline deadline = plan.assignment().deadline();
        if (plan.closed() || awaitingTrigger(deadline)
                || (unit.role() == UnitRole.LEAD && unit.reportedFor(plan.cycle()))) {
            return List.of();
        }
        boolean workingHoursOnly = plan.policy().workingHoursOnly();
        List<PlannedReminder> upcoming = new ArrayList<>();
        Instant notifiedAt = unit.notifiedAt() != null ? unit.notifiedAt() : plan.assignedAt();
        if (!unit.notified()) {
            notifiedAt = at(from, workingHoursOnly);
            upcoming.add(reminder(plan, unit, Stage.ASSIGNMENT, ReminderPlan.FIRST_CYCLE, null, 0, unit.code(),
                    notifiedAt));
        }
        Optional<Due> due = due(plan);
        Optional<Instant> dueFire = due.flatMap(d -> dueFire(d, from, workingHoursOnly));
        dueFire.map(fire -> reminder(plan, unit, Stage.DUE, plan.cycle(), revision(plan, null), 0, unit.code(), fire))
                .filter(reminder -> !plan.hasFired(reminder.reminderId()))
                .ifPresent(upcoming::add);
        if (unit.role() == UnitRole.COORDINATING) {
            return upcoming;
        }
        if (!unit.acknowledged()) {
            nextAckResend(plan, unit, notifiedAt, from).ifPresent(upcoming::add);
        }
        if (continuous(deadline)) {
            nextProgress(plan, unit, from).ifPresent(upcoming::add);
        }
        if (due.isEmpty()) {
            return upcoming;
        }
        List<Instant> taken = new ArrayList<>(dueFire.stream().toList());
        plan.policy().remindBefore().stream().distinct()
                .filter(offset -> offset.isPositive())
                .sorted((a, b) -> b.compareTo(a))
                .forEach(offset -> beforeDueFire(due.get(), offset, from, workingHoursOnly)
                        .filter(fire -> !taken.contains(fire))
                        .map(fire -> reminder(plan, unit, Stage.BEFORE_DUE, plan.cycle(), revision(plan, offset), 0,
                                unit.code(), fire))
                        .filter(reminder -> !plan.hasFired(reminder.reminderId()))
                        .ifPresent(reminder -> {
                            taken.add(reminder.fireAt());
                            upcoming.add(reminder);
                        }));
        if (!recurring(deadline)) {
            nextOverdue(plan, unit, from).ifPresent(upcoming::add);
            escalation(plan, unit, due.get(), from, supervisors).ifPresent(upcoming::add);
        }
        return upcoming;
    }

    Optional<PlannedReminder> nextAckResend(ReminderPlan plan, PlannedUnit unit, Instant from) {
        return nextAckResend(plan, unit, unit.notifiedAt() != null ? unit.notifiedAt() : plan.assignedAt(), from);
    }

    /** @param notifiedAt when the assignment notice went (or will go) out */
    private Optional<PlannedReminder> nextAckResend(ReminderPlan plan, PlannedUnit unit, Instant notifiedAt,
                                                    Instant from) {
        Duration every = plan.policy().ackWithin();
        if (unit.acknowledged() || unit.role() != UnitRole.LEAD || !positive(every)) {
            return Optional.empty();
        }
        long k = nextRepeat(notifiedAt, every, unit.ackResends() + 1, from);
        Instant raw = notifiedAt.plus(every.multipliedBy(k));
        if (due(plan).map(due -> !raw.isBefore(due.at())).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(reminder(plan, unit, Stage.ACK_RESEND, plan.cycle(), k, (int) k, unit.code(),
                at(raw, plan.policy().workingHoursOnly())));
    }

    Optional<PlannedReminder> nextOverdue(ReminderPlan plan, PlannedUnit unit, Instant from) {
        Duration every = plan.policy().repeatOverdueEvery();
        Optional<Due> due = due(plan);
        if (due.isEmpty() || !positive(every) || recurring(plan.assignment().deadline())) {
            return Optional.empty();
        }
        long k = nextRepeat(due.get().at(), every, unit.overdueRepeats() + 1, from);
        Instant raw = due.get().at().plus(every.multipliedBy(k));
        return Optional.of(reminder(plan, unit, Stage.OVERDUE, plan.cycle(), revision(plan, k), (int) k, unit.code(),
                at(raw, plan.policy().workingHoursOnly())));
    }

    Optional<PlannedReminder> nextProgress(ReminderPlan plan, PlannedUnit unit, Instant from) {
        Deadline deadline = plan.assignment().deadline();
        LocalDate start = deadline.startDate() != null ? deadline.startDate()
                : LocalDate.ofInstant(plan.assignedAt(), calendar.zone());
        int k = unit.progressReminders() + 1;
        Instant raw = calendar.workingDayStart(start.plus(progressEvery.multipliedBy(k)));
        while (raw.isBefore(from)) {
            k++;
            raw = calendar.workingDayStart(start.plus(progressEvery.multipliedBy(k)));
        }
        return Optional.of(reminder(plan, unit, Stage.PROGRESS, plan.cycle(), revision(plan, k), k, unit.code(),
                at(raw, plan.policy().workingHoursOnly())));
    }

    private Optional<PlannedReminder> escalation(ReminderPlan plan, PlannedUnit unit, Due due, Instant from,
                                                 Function<String, Optional<String>> supervisors) {
        Duration after = plan.policy().escalateAfter();
        if (!positive(after)) {
            return Optional.empty();
        }
        Instant raw = due.at().plus(after);
        if (raw.isBefore(from)) {
            return Optional.empty();
        }
        Optional<String> supervisor = supervisors.apply(unit.code());
        if (supervisor.isEmpty()) {
            log.info("Task {}: unit {} has no supervisor in units.directory, so no escalation is planned",
                    plan.taskId(), unit.code());
        }
        return supervisor
                .map(boss -> reminder(plan, unit, Stage.ESCALATION, plan.cycle(), revision(plan, null), 0,
                        boss, at(raw, plan.policy().workingHoursOnly())))
                .filter(reminder -> !plan.hasFired(reminder.reminderId()));
    }

    /** The due reminder, unless the deadline is already past. */
    private Optional<Instant> dueFire(Due due, Instant from, boolean workingHoursOnly) {
        if (due.at().isBefore(from)) {
            return Optional.empty();
        }
        if (!workingHoursOnly || due.day() == null) {
            return Optional.of(at(due.at(), workingHoursOnly));
        }
        Instant morning = morningOf(due.day());
        return Optional.of(morning.isBefore(from) ? at(from, true) : morning);
    }

    private Optional<Instant> beforeDueFire(Due due, Duration offset, Instant from, boolean workingHoursOnly) {
        boolean wholeDays = offset.toSeconds() % Duration.ofDays(1).toSeconds() == 0;
        Instant fire = workingHoursOnly && due.day() != null && wholeDays
                ? morningOf(due.day().minusDays(offset.toDays()))
                : at(due.at().minus(offset), workingHoursOnly);
        Instant raw = workingHoursOnly && due.day() != null && wholeDays ? fire : due.at().minus(offset);
        return raw.isBefore(from) ? Optional.empty() : Optional.of(fire);
    }

    /** 07:30 of the day, or of the working day before it when it is a day off. */
    private Instant morningOf(LocalDate day) {
        return calendar.workingDayStart(calendar.isWorkingDay(day) ? day : calendar.previousWorkingDay(day));
    }

    Instant at(Instant raw, boolean workingHoursOnly) {
        return workingHoursOnly ? calendar.nextWorkingSlot(raw) : raw;
    }

    /** The first repetition number, not below {@code atLeast}, whose instant is not before {@code from}. */
    private static long nextRepeat(Instant base, Duration every, long atLeast, Instant from) {
        Instant raw = base.plus(every.multipliedBy(atLeast));
        if (!raw.isBefore(from)) {
            return atLeast;
        }
        long behind = Duration.between(base, from).toMillis();
        long step = every.toMillis();
        return Math.max(atLeast, (behind + step - 1) / step);
    }

    private static boolean positive(Duration duration) {
        return duration != null && duration.isPositive();
    }

    /** Ids of deadline-bound reminders name the plan revision, so that a re-planned deadline notifies afresh. */
    private static Object revision(ReminderPlan plan, Object step) {
        if (plan.revision() == 0) {
            return step;
        }
        String base = "r" + plan.revision();
        return step == null ? base : base + "/" + (step instanceof Duration d ? d.toString() : step.toString());
    }

    private static PlannedReminder reminder(ReminderPlan plan, PlannedUnit unit, Stage stage, int cycle, Object step,
                                            int repeat, String recipient, Instant fireAt) {
        return new PlannedReminder(ReminderId.of(plan.taskId(), unit.code(), stage, cycle, step), unit.code(),
                unit.role(), stage, cycle, repeat, recipient, fireAt);
    }
}
