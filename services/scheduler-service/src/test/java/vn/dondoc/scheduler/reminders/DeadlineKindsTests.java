package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dondoc.scheduler.reminders.ReminderStagesTests.EXACT;
import static vn.dondoc.scheduler.reminders.TaskBuilder.aTask;
import static vn.dondoc.scheduler.reminders.TaskBuilder.acknowledged;
import static vn.dondoc.scheduler.reminders.TaskBuilder.reported;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Stage;

/** Recurring, continuous and trigger-bound deadlines (exact instants: workingHoursOnly=false). */
class DeadlineKindsTests {

    private static final Instant START = hanoi("2026-11-24T09:00");

    @TempDir
    Path stateDir;
    private TestScheduler scheduler;

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void plansTheNextYearlyCycleOnceTheCurrentOneFallsDue() {
        scheduler = new TestScheduler(EXACT, stateDir, START);
        String taskId = scheduler.publish(aTask().deadline(DeadlineKind.RECURRING_YEARLY).assignedAt(START).build());
        scheduler.publish(acknowledged(taskId, "NVY", START));

        scheduler.advanceTo(hanoi("2026-12-15T17:00"));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.DUE)
                .extracting(ReminderDue::reminderId, ReminderDue::cycle, ReminderDue::fireAt)
                .containsExactly(tuple(taskId + "/NVY/due/1", 1, hanoi("2026-12-15T17:00")));
        assertThat(scheduler.plan(taskId).pending())
                .extracting(PlannedReminder::stage, PlannedReminder::reminderId, PlannedReminder::fireAt)
                .contains(tuple(Stage.DUE, taskId + "/NVY/due/2", hanoi("2027-12-15T17:00")));
        assertThat(scheduler.plan(taskId).pending()).noneMatch(reminder -> reminder.stage() == Stage.OVERDUE);
        assertThat(scheduler.plans()).last().satisfies(plan -> assertThat(plan.upcoming())
                .extracting(RemindersPlanned.Upcoming::reminderId).contains(taskId + "/NVY/before_due/2/PT168H"));
    }

    @Test
    void startsTheNextMonthlyCycleWhenEveryLeadUnitHasReported() {
        scheduler = new TestScheduler(EXACT, stateDir, START);
        String taskId = scheduler.publish(aTask().leadUnits("NVY", "NVD").deadline(DeadlineKind.RECURRING_MONTHLY)
                .assignedAt(START).build());
        scheduler.advanceTo(hanoi("2026-12-01T09:00"));

        scheduler.publish(reported(taskId, "NVY", scheduler.now()));
        assertThat(scheduler.plan(taskId).cycle()).isEqualTo(1);
        scheduler.publish(reported(taskId, "NVD", scheduler.now()));

        ReminderPlan plan = scheduler.plan(taskId);
        assertThat(plan.cycle()).isEqualTo(2);
        assertThat(plan.pending()).filteredOn(reminder -> reminder.stage() == Stage.DUE)
                .extracting(PlannedReminder::unit, PlannedReminder::fireAt).containsExactlyInAnyOrder(
                        tuple("NVY", hanoi("2027-01-15T17:00")), tuple("NVD", hanoi("2027-01-15T17:00")));
        scheduler.advanceTo(hanoi("2026-12-31T09:00"));
        assertThat(scheduler.reminders()).noneMatch(reminder -> reminder.cycle() == 1
                && reminder.fireAt().isAfter(hanoi("2026-12-01T09:00")));
    }

    @Test
    void fallsQuarterlyCyclesDueOnTheConfiguredDay() {
        var properties = new ReminderProperties(EXACT.remindBefore(), EXACT.repeatOverdueEvery(), EXACT.ackWithin(),
                EXACT.escalateAfter(), false, EXACT.checkEvery(), 5000, Period.ofMonths(3),
                new ReminderProperties.Recurring("12-15", 20, 15));
        scheduler = new TestScheduler(properties, stateDir, START);

        String taskId = scheduler.publish(aTask().deadline(DeadlineKind.RECURRING_QUARTERLY).assignedAt(START).build());

        assertThat(scheduler.plan(taskId).pending()).filteredOn(reminder -> reminder.stage() == Stage.DUE)
                .extracting(PlannedReminder::fireAt).containsExactly(hanoi("2026-12-20T17:00"));
        scheduler.advanceTo(hanoi("2026-12-21T09:00"));
        assertThat(scheduler.plan(taskId).pending()).filteredOn(reminder -> reminder.stage() == Stage.DUE)
                .extracting(PlannedReminder::fireAt).containsExactly(hanoi("2027-03-20T17:00"));
    }

    @Test
    void remindsContinuousTasksOfTheirProgressEveryQuarterFromTheStartDate() {
        scheduler = new TestScheduler(EXACT, stateDir, START);
        String taskId = scheduler.publish(aTask()
                .deadline(new Deadline(DeadlineKind.FROM_DATE, null, null, "Từ năm 2026", LocalDate.parse("2026-01-01"), null))
                .assignedAt(START).build());
        scheduler.publish(acknowledged(taskId, "NVY", START));

        assertThat(scheduler.plan(taskId).pending()).extracting(PlannedReminder::stage)
                .containsExactly(Stage.ASSIGNMENT, Stage.PROGRESS);
        scheduler.advanceTo(hanoi("2027-04-01T09:00"));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.PROGRESS)
                .extracting(ReminderDue::reminderId, ReminderDue::fireAt).containsExactly(
                        tuple(taskId + "/NVY/progress/1/4", hanoi("2027-01-01T07:30")),
                        tuple(taskId + "/NVY/progress/1/5", hanoi("2027-04-01T07:30")));
        assertThat(scheduler.plan(taskId).pending()).extracting(PlannedReminder::reminderId)
                .containsExactly(taskId + "/NVY/progress/1/6");
    }

    @Test
    void sendsNothingForATaskAwaitingAnOutsideTrigger() {
        scheduler = new TestScheduler(EXACT, stateDir, START);
        String taskId = scheduler.publish(aTask().deadline(new Deadline(DeadlineKind.AWAITING_TRIGGER, null, null,
                "Theo hướng dẫn của Trung ương", null, "khi Trung ương ban hành hướng dẫn")).assignedAt(START).build());

        scheduler.advanceTo(START.plus(Duration.ofDays(400)));

        assertThat(scheduler.reminders()).isEmpty();
        assertThat(scheduler.plan(taskId).awaitingTrigger()).isTrue();
    }

    @Test
    void startsRemindingOnceATriggeredTaskGetsADeadline() {
        scheduler = new TestScheduler(EXACT, stateDir, START);
        var task = aTask().deadline(DeadlineKind.AWAITING_TRIGGER).assignedAt(START);
        String taskId = scheduler.publish(task.build());
        scheduler.advanceTo(START.plus(Duration.ofDays(1)));

        scheduler.publish(task.dueAt(START.plus(Duration.ofDays(5))).updated(scheduler.now()));
        scheduler.advanceTo(START.plus(Duration.ofDays(5)));

        assertThat(scheduler.reminders()).extracting(ReminderDue::stage)
                .containsExactly(Stage.ASSIGNMENT, Stage.BEFORE_DUE, Stage.ACK_RESEND, Stage.BEFORE_DUE, Stage.DUE);
        assertThat(scheduler.plan(taskId).awaitingTrigger()).isFalse();
    }

    private static Instant hanoi(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TaskBuilder.HANOI).toInstant();
    }
}
