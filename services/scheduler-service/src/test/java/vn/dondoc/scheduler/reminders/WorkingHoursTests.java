package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dondoc.scheduler.reminders.TaskBuilder.aTask;
import static vn.dondoc.scheduler.reminders.TaskBuilder.acknowledged;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Stage;

/** workingHoursOnly on the real holiday table of calendar.yml (weekends, Tết 2026, public holidays). */
class WorkingHoursTests {

    private static final ReminderProperties WORKING_HOURS = ReminderProperties.of(
            List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1), Duration.ZERO),
            Duration.ofDays(2), Duration.ofDays(2), Duration.ofDays(5), true, TestScheduler.CHECK_EVERY);

    @TempDir
    Path stateDir;
    private TestScheduler scheduler;

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void movesAReminderFallingOnAWeekendToMondayMorning() {
        scheduler = new TestScheduler(WORKING_HOURS, stateDir, hanoi("2026-11-25T09:00"));
        String taskId = scheduler.publish(aTask().dueAt(hanoi("2026-11-28T10:00")).assignedAt(scheduler.now()).build());
        scheduler.publish(acknowledged(taskId, "NVY", scheduler.now()));

        scheduler.advanceTo(hanoi("2026-12-01T09:00"));

        assertThat(scheduler.reminders()).extracting(ReminderDue::stage, ReminderDue::fireAt).containsExactly(
                tuple(Stage.ASSIGNMENT, hanoi("2026-11-25T09:00")),
                tuple(Stage.BEFORE_DUE, hanoi("2026-11-25T10:00")),
                tuple(Stage.BEFORE_DUE, hanoi("2026-11-27T10:00")),
                tuple(Stage.DUE, hanoi("2026-11-30T07:30")),
                // two days after the due instant: Monday 10:00 is in working hours already
                tuple(Stage.OVERDUE, hanoi("2026-11-30T10:00")));
    }

    @Test
    void holdsAnAssignmentMadeOnSaturdayUntilMondayMorning() {
        scheduler = new TestScheduler(WORKING_HOURS, stateDir, hanoi("2026-11-28T15:00"));
        scheduler.publish(aTask().dueOn("2026-12-31").assignedAt(scheduler.now()).build());

        scheduler.advanceTo(hanoi("2026-11-30T07:29"));
        assertThat(scheduler.reminders()).isEmpty();

        scheduler.advanceTo(hanoi("2026-11-30T07:30"));
        assertThat(scheduler.reminders()).extracting(ReminderDue::stage, ReminderDue::fireAt)
                .containsExactly(tuple(Stage.ASSIGNMENT, hanoi("2026-11-30T07:30")));
    }

    @Test
    void remindsOfADateDeadlineOnTheMorningOfTheDay() {
        scheduler = new TestScheduler(WORKING_HOURS, stateDir, hanoi("2026-11-24T09:00"));
        scheduler.publish(aTask().dueOn("2026-12-10").assignedAt(scheduler.now()).build());

        assertThat(scheduler.plans()).singleElement().satisfies(plan -> assertThat(plan.upcoming())
                .filteredOn(upcoming -> upcoming.stage() == Stage.BEFORE_DUE || upcoming.stage() == Stage.DUE)
                .extracting(RemindersPlanned.Upcoming::stage, RemindersPlanned.Upcoming::fireAt).containsExactly(
                        tuple(Stage.BEFORE_DUE, hanoi("2026-12-03T07:30")),
                        tuple(Stage.BEFORE_DUE, hanoi("2026-12-07T07:30")),
                        tuple(Stage.BEFORE_DUE, hanoi("2026-12-09T07:30")),
                        tuple(Stage.DUE, hanoi("2026-12-10T07:30"))));
    }

    @Test
    void sendsNothingDuringTet() {
        scheduler = new TestScheduler(WORKING_HOURS, stateDir, hanoi("2026-02-02T09:00"));
        String taskId = scheduler.publish(aTask().leadUnits("NVY").dueOn("2026-02-24").assignedAt(scheduler.now()).build());

        assertThat(scheduler.plans()).singleElement().satisfies(plan -> assertThat(plan.upcoming())
                .filteredOn(upcoming -> upcoming.stage() == Stage.BEFORE_DUE || upcoming.stage() == Stage.DUE)
                .extracting(RemindersPlanned.Upcoming::reminderId, RemindersPlanned.Upcoming::fireAt).containsExactly(
                        // 7 and 3 days before (17/2, 21/2) are in Tết: both move to Friday 13/2, once
                        tuple(taskId + "/NVY/before_due/1/PT168H", hanoi("2026-02-13T07:30")),
                        tuple(taskId + "/NVY/before_due/1/PT24H", hanoi("2026-02-23T07:30")),
                        tuple(taskId + "/NVY/due/1", hanoi("2026-02-24T07:30"))));

        scheduler.advanceTo(hanoi("2026-02-25T09:00"));
        assertThat(scheduler.reminders()).isNotEmpty().allSatisfy(reminder -> {
            assertThat(reminder.fireAt().isAfter(hanoi("2026-02-13T17:00"))
                    && reminder.fireAt().isBefore(hanoi("2026-02-23T07:30"))).as("%s in Tết", reminder).isFalse();
            assertThat(TestScheduler.CALENDAR.nextWorkingSlot(reminder.fireAt())).isEqualTo(reminder.fireAt());
        });
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.ACK_RESEND)
                .extracting(ReminderDue::fireAt)
                .contains(hanoi("2026-02-23T07:30"));
    }

    @Test
    void remindsOnThePreviousWorkingDayWhenTheDueDateIsAHoliday() {
        scheduler = new TestScheduler(WORKING_HOURS, stateDir, hanoi("2026-04-01T09:00"));
        scheduler.publish(aTask().dueOn("2026-04-30").assignedAt(scheduler.now()).build());

        assertThat(scheduler.plans()).singleElement().satisfies(plan -> assertThat(plan.upcoming())
                .filteredOn(upcoming -> upcoming.stage() == Stage.BEFORE_DUE || upcoming.stage() == Stage.DUE)
                .extracting(RemindersPlanned.Upcoming::stage, RemindersPlanned.Upcoming::fireAt).containsExactly(
                        tuple(Stage.BEFORE_DUE, hanoi("2026-04-23T07:30")),
                        // 27/4 is the day off for Giỗ Tổ Hùng Vương
                        tuple(Stage.BEFORE_DUE, hanoi("2026-04-24T07:30")),
                        // 29/4 would take the one-day reminder too: the due reminder stands alone
                        tuple(Stage.DUE, hanoi("2026-04-29T07:30"))));
    }

    @Test
    void firesAtTheExactInstantWhenThePolicyAllowsAnyHour() {
        scheduler = new TestScheduler(WORKING_HOURS, stateDir, hanoi("2026-11-25T09:00"));
        String taskId = scheduler.publish(aTask().dueAt(hanoi("2026-11-28T22:15")).assignedAt(scheduler.now())
                .policy(new ReminderPolicy(List.of(Duration.ZERO), null, null, null, false)).build());
        scheduler.publish(acknowledged(taskId, "NVY", scheduler.now()));

        scheduler.advanceTo(hanoi("2026-11-28T22:15"));

        assertThat(scheduler.reminders()).extracting(ReminderDue::stage, ReminderDue::fireAt).containsExactly(
                tuple(Stage.ASSIGNMENT, hanoi("2026-11-25T09:00")),
                tuple(Stage.DUE, hanoi("2026-11-28T22:15")));
    }

    private static Instant hanoi(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TaskBuilder.HANOI).toInstant();
    }
}
