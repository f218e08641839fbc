package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dondoc.scheduler.reminders.ReminderStagesTests.DUE;
import static vn.dondoc.scheduler.reminders.ReminderStagesTests.EXACT;
import static vn.dondoc.scheduler.reminders.ReminderStagesTests.START;
import static vn.dondoc.scheduler.reminders.TaskBuilder.aTask;
import static vn.dondoc.scheduler.reminders.TaskBuilder.acknowledged;
import static vn.dondoc.scheduler.reminders.TaskBuilder.cancelled;
import static vn.dondoc.scheduler.reminders.TaskBuilder.completed;
import static vn.dondoc.scheduler.reminders.TaskBuilder.rejected;
import static vn.dondoc.scheduler.reminders.TaskBuilder.reopened;
import static vn.dondoc.scheduler.reminders.TaskBuilder.reported;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Stage;

/** What task events do to the plan: acknowledgement, report, deadline changes, replays, races with the clock. */
class ReminderEffectsTests {

    private static final Duration DAY = Duration.ofDays(1);

    private TestScheduler scheduler;

    @BeforeEach
    void start(@TempDir Path stateDir) {
        scheduler = new TestScheduler(EXACT, stateDir, START);
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void stopsRemindingAUnitOnceItReports() {
        String taskId = scheduler.publish(aTask().leadUnits("NVY", "NVD").dueAt(DUE).build());
        scheduler.advanceTo(START.plus(DAY));

        scheduler.publish(reported(taskId, "NVY", scheduler.now()));
        scheduler.advanceTo(DUE.plus(Duration.ofDays(30)));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("NVY"))
                .extracting(ReminderDue::stage).containsExactly(Stage.ASSIGNMENT);
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("NVD"))
                .extracting(ReminderDue::stage).contains(Stage.BEFORE_DUE, Stage.DUE, Stage.OVERDUE);
        assertThat(scheduler.plans()).filteredOn(plan -> plan.plannedAt().equals(START.plus(DAY))).singleElement()
                .satisfies(plan -> assertThat(plan.upcoming()).extracting(RemindersPlanned.Upcoming::unit).containsOnly("NVD"));
    }

    @Test
    void remindsAUnitAgainWhenAnAdminRejectsItsReport() {
        String taskId = scheduler.publish(aTask().leadUnits("NVY", "NVD").dueAt(DUE).build());
        scheduler.advanceTo(START.plus(DAY));
        scheduler.publish(reported(taskId, "NVY", scheduler.now()));
        scheduler.advanceTo(START.plus(DAY.multipliedBy(2)));

        scheduler.publish(rejected(taskId, "NVY", scheduler.now()));
        scheduler.advanceTo(DUE.plus(Duration.ofDays(30)));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("NVY"))
                .filteredOn(reminder -> reminder.fireAt().isAfter(START.plus(DAY)))
                .extracting(ReminderDue::stage).contains(Stage.DUE, Stage.OVERDUE).doesNotContain(Stage.ACK_RESEND);
    }

    @Test
    void reopensATaskCompletedByAReportThatIsRejected() {
        String taskId = scheduler.publish(aTask().leadUnits("NVY").dueAt(DUE).build());
        scheduler.advanceTo(START.plus(DAY));
        scheduler.publish(reported(taskId, "NVY", scheduler.now()));
        scheduler.publish(completed(taskId, scheduler.now()));
        scheduler.advanceTo(START.plus(DAY.multipliedBy(2)));
        assertThat(scheduler.plan(taskId).closed()).isTrue();

        scheduler.publish(rejected(taskId, "NVY", scheduler.now()));
        scheduler.advanceTo(DUE.plus(Duration.ofDays(30)));

        assertThat(scheduler.plan(taskId).closed()).isFalse();
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.fireAt().isAfter(START.plus(DAY)))
                .extracting(ReminderDue::stage).contains(Stage.DUE, Stage.OVERDUE);
    }

    @Test
    void remindsEveryUnitAgainWhenACancelledTaskIsReopened() {
        String taskId = scheduler.publish(aTask().leadUnits("NVY", "NVD").dueAt(DUE).build());
        scheduler.advanceTo(START.plus(DAY));
        scheduler.publish(cancelled(taskId, scheduler.now()));
        scheduler.advanceTo(START.plus(DAY.multipliedBy(2)));
        int beforeReopening = scheduler.reminders().size();

        var reopening = reopened(taskId, scheduler.now());
        scheduler.publish(reopening);
        scheduler.publish(reopening); // a replay changes nothing
        scheduler.advanceTo(DUE);

        var afterReopening = scheduler.reminders().subList(beforeReopening, scheduler.reminders().size());
        assertThat(afterReopening).extracting(ReminderDue::unit, ReminderDue::stage)
                .contains(tuple("NVY", Stage.DUE), tuple("NVD", Stage.DUE));
        assertThat(scheduler.reminders()).extracting(ReminderDue::reminderId).doesNotHaveDuplicates();
    }

    @Test
    void aCancelledTaskStaysQuietWithoutReopening() {
        String taskId = scheduler.publish(aTask().leadUnits("NVY").dueAt(DUE).build());
        scheduler.advanceTo(START.plus(DAY));
        scheduler.publish(cancelled(taskId, scheduler.now()));
        int beforeRejection = scheduler.reminders().size();

        scheduler.publish(reported(taskId, "NVY", scheduler.now()));
        scheduler.advanceTo(DUE.plus(Duration.ofDays(30)));

        assertThat(scheduler.reminders()).hasSize(beforeRejection);
    }

    @Test
    void acknowledgementStopsOnlyTheResendsOfThatUnit() {
        String taskId = scheduler.publish(aTask().leadUnits("NVY", "NVD").dueAt(DUE).build());

        scheduler.publish(acknowledged(taskId, "NVY", START));
        scheduler.advanceTo(DUE);

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("NVY"))
                .extracting(ReminderDue::stage)
                .containsExactly(Stage.ASSIGNMENT, Stage.BEFORE_DUE, Stage.BEFORE_DUE, Stage.BEFORE_DUE, Stage.DUE);
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("NVD"))
                .extracting(ReminderDue::stage).contains(Stage.ACK_RESEND);
    }

    @Test
    void aSentOneOffReminderIsMarkedByItsIndexTombstoneAloneAndNeverSentAgain() {
        var task = aTask().leadUnits("NVY").dueAt(DUE);
        String taskId = scheduler.publish(task.build());
        scheduler.publish(acknowledged(taskId, "NVY", START));
        scheduler.advanceTo(DUE.minus(Duration.ofDays(7)));
        String weekBefore = taskId + "/NVY/before_due/1/PT168H";

        // nothing followed the before-due reminder: the stored plan was not rewritten, the index says it went out
        assertThat(scheduler.storedPlan(taskId).pending()).extracting(PlannedReminder::reminderId).contains(weekBefore);
        assertThat(scheduler.plan(taskId).pending()).extracting(PlannedReminder::reminderId).doesNotContain(weekBefore);
        assertThat(scheduler.plan(taskId).hasFired(weekBefore)).isTrue();

        // re-planned for a new unit (same deadline and policy), then reported by it: the sent reminder stays sent
        scheduler.publish(task.leadUnits("NVY", "NVD").updated(scheduler.now()));
        scheduler.publish(reported(taskId, "NVD", scheduler.now()));
        scheduler.advanceTo(DUE.plus(DAY));

        assertThat(scheduler.reminders()).extracting(ReminderDue::reminderId).doesNotHaveDuplicates();
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("NVY"))
                .extracting(ReminderDue::stage)
                .containsExactly(Stage.ASSIGNMENT, Stage.BEFORE_DUE, Stage.BEFORE_DUE, Stage.BEFORE_DUE, Stage.DUE);
        assertThat(scheduler.plans()).last().satisfies(plan -> assertThat(plan.upcoming())
                .extracting(RemindersPlanned.Upcoming::reminderId).doesNotContain(weekBefore));
        assertThat(scheduler.indexed()).isEqualTo(scheduler.plan(taskId).pending().size());
    }

    @Test
    void replansFromNowWhenTheDeadlineMovesLater() {
        var task = aTask().dueAt(DUE);
        String taskId = scheduler.publish(task.build());
        scheduler.publish(acknowledged(taskId, "NVY", START));
        Instant newDue = DUE.plus(Duration.ofDays(10));
        scheduler.advanceTo(DUE.minus(Duration.ofDays(2)));

        scheduler.publish(task.extendedTo(newDue, scheduler.now()));
        scheduler.advanceTo(newDue.plus(Duration.ofHours(1)));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.fireAt().isAfter(DUE.minus(Duration.ofDays(2))))
                .extracting(ReminderDue::stage, ReminderDue::reminderId, ReminderDue::fireAt)
                .containsExactly(
                        tuple(Stage.BEFORE_DUE, taskId + "/NVY/before_due/1/r1/PT168H", newDue.minus(Duration.ofDays(7))),
                        tuple(Stage.BEFORE_DUE, taskId + "/NVY/before_due/1/r1/PT72H", newDue.minus(Duration.ofDays(3))),
                        tuple(Stage.BEFORE_DUE, taskId + "/NVY/before_due/1/r1/PT24H", newDue.minus(DAY)),
                        tuple(Stage.DUE, taskId + "/NVY/due/1/r1", newDue));
        // the extension announced the new plan: every deadline-bound reminder under the new revision
        assertThat(scheduler.plans()).last().satisfies(plan -> assertThat(plan.upcoming())
                .extracting(RemindersPlanned.Upcoming::reminderId)
                .containsExactly(taskId + "/NVY/before_due/1/r1/PT168H", taskId + "/NVY/before_due/1/r1/PT72H",
                        taskId + "/NVY/before_due/1/r1/PT24H", taskId + "/NVY/due/1/r1", taskId + "/NVY/overdue/1/r1/1"));
        assertThat(scheduler.reminders()).noneMatch(reminder -> reminder.fireAt().equals(DUE));
    }

    @Test
    void replansFromNowWhenTheDeadlineMovesEarlier() {
        var task = aTask().dueAt(DUE);
        String taskId = scheduler.publish(task.build());
        scheduler.publish(acknowledged(taskId, "NVY", START));
        scheduler.advanceTo(START.plus(DAY));
        Instant newDue = START.plus(Duration.ofDays(5));

        scheduler.publish(task.dueAt(newDue).updated(scheduler.now()));
        scheduler.advanceTo(DUE.plus(DAY));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() != Stage.ASSIGNMENT)
                .extracting(ReminderDue::stage, ReminderDue::fireAt)
                .containsExactly(
                        tuple(Stage.BEFORE_DUE, newDue.minus(Duration.ofDays(3))),
                        tuple(Stage.BEFORE_DUE, newDue.minus(DAY)),
                        tuple(Stage.DUE, newDue),
                        tuple(Stage.OVERDUE, newDue.plus(Duration.ofDays(2))),
                        tuple(Stage.OVERDUE, newDue.plus(Duration.ofDays(4))),
                        tuple(Stage.OVERDUE, newDue.plus(Duration.ofDays(6))));
        // no stale entry of the old deadline is left behind in the index
        assertThat(scheduler.indexed()).isEqualTo(scheduler.plan(taskId).pending().size());
    }

    @Test
    void remindsAUnitAddedByAnUpdateAndForgetsAUnitTakenOff() {
        var task = aTask().leadUnits("NVY").dueAt(DUE);
        String taskId = scheduler.publish(task.build());
        scheduler.advanceTo(START.plus(DAY));

        scheduler.publish(task.leadUnits("NVD").updated(scheduler.now()));
        scheduler.advanceTo(DUE);

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("NVY"))
                .extracting(ReminderDue::stage).containsExactly(Stage.ASSIGNMENT);
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("NVD"))
                .extracting(ReminderDue::stage, ReminderDue::fireAt)
                .startsWith(tuple(Stage.ASSIGNMENT, START.plus(DAY)))
                .contains(tuple(Stage.DUE, DUE));
        assertThat(scheduler.indexed()).isEqualTo(scheduler.plan(taskId).pending().size());
    }

    @Test
    void replansWhenThePolicyChanges() {
        var task = aTask().dueAt(DUE);
        String taskId = scheduler.publish(task.build());
        scheduler.publish(acknowledged(taskId, "NVY", START));
        scheduler.advanceTo(START.plus(DAY));

        scheduler.publish(task.policy(new vn.dondoc.events.ReminderPolicy(java.util.List.of(Duration.ofHours(2)),
                null, null, null, false)).updated(scheduler.now()));
        scheduler.advanceTo(DUE);

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.BEFORE_DUE)
                .extracting(ReminderDue::reminderId, ReminderDue::fireAt)
                .containsExactly(tuple(taskId + "/NVY/before_due/1/r1/PT2H", DUE.minus(Duration.ofHours(2))));
        assertThat(scheduler.plans()).last().satisfies(plan -> assertThat(plan.upcoming())
                .extracting(RemindersPlanned.Upcoming::reminderId).containsExactly(taskId + "/NVY/before_due/1/r1/PT2H",
                        taskId + "/NVY/due/1/r1", taskId + "/NVY/overdue/1/r1/1"));
    }

    @Test
    void ignoresADuplicateUpdate() {
        var task = aTask().dueAt(DUE);
        scheduler.publish(task.build());
        scheduler.advanceTo(START.plus(DAY));
        var update = task.dueAt(DUE.plus(DAY)).updated(scheduler.now());

        scheduler.publish(update);
        int plansAfterFirst = scheduler.plans().size();
        scheduler.publish(update);

        assertThat(scheduler.plans()).hasSize(plansAfterFirst);
        scheduler.advanceTo(DUE.plus(Duration.ofDays(2)));
        assertThat(scheduler.reminders()).extracting(ReminderDue::reminderId).doesNotHaveDuplicates();
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.DUE)
                .extracting(ReminderDue::fireAt).containsExactly(DUE.plus(DAY));
    }

    @Test
    void ignoresAnOlderUpdateArrivingAfterANewerOne() {
        var task = aTask().dueAt(DUE);
        String taskId = scheduler.publish(task.build());
        scheduler.advanceTo(START.plus(DAY));
        var older = task.dueAt(DUE.plus(DAY)).updated(scheduler.now());
        var newer = task.dueAt(DUE.plus(Duration.ofDays(3))).updated(scheduler.now().plusSeconds(60));

        scheduler.publish(newer);
        int plansAfterNewer = scheduler.plans().size();
        scheduler.publish(older);

        assertThat(scheduler.plans()).hasSize(plansAfterNewer);
        assertThat(scheduler.plan(taskId).pending()).filteredOn(reminder -> reminder.stage() == Stage.DUE)
                .extracting(PlannedReminder::fireAt).containsExactly(DUE.plus(Duration.ofDays(3)));
    }

    @Test
    void acknowledgementProcessedBeforeThePunctuationOfTheResendInstantStopsTheResend() {
        String taskId = scheduler.publish(aTask().dueAt(DUE).build());
        Instant resendAt = START.plus(Duration.ofDays(2));
        scheduler.advanceTo(resendAt.minus(TestScheduler.CHECK_EVERY));

        scheduler.publish(acknowledged(taskId, "NVY", resendAt));
        scheduler.advanceTo(resendAt);
        scheduler.advanceTo(DUE);

        assertThat(scheduler.reminders()).noneMatch(reminder -> reminder.stage() == Stage.ACK_RESEND);
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.DUE).hasSize(1);
    }

    @Test
    void acknowledgementProcessedAfterThePunctuationOfTheResendInstantStopsOnlyLaterResends() {
        String taskId = scheduler.publish(aTask().dueAt(DUE).build());
        Instant resendAt = START.plus(Duration.ofDays(2));
        scheduler.advanceTo(resendAt);

        scheduler.publish(acknowledged(taskId, "NVY", resendAt));
        scheduler.advanceTo(DUE);

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.ACK_RESEND)
                .extracting(ReminderDue::reminderId).containsExactly(taskId + "/NVY/ack_resend/1/1");
        assertThat(scheduler.plans()).last().satisfies(plan -> assertThat(plan.upcoming())
                .noneMatch(upcoming -> upcoming.stage() == Stage.ACK_RESEND));
    }

    @Test
    void acknowledgementAtTheDueInstantDoesNotStopTheDueReminder() {
        String taskId = scheduler.publish(aTask().dueAt(DUE).build());
        scheduler.advanceTo(DUE.minus(TestScheduler.CHECK_EVERY));

        scheduler.publish(acknowledged(taskId, "NVY", DUE));
        scheduler.advanceTo(DUE);

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.DUE)
                .extracting(ReminderDue::reminderId).containsExactly(taskId + "/NVY/due/1");
    }

    @Test
    void reportProcessedBeforeThePunctuationOfTheDueInstantStopsTheDueReminder() {
        String taskId = scheduler.publish(aTask().dueAt(DUE).build());
        scheduler.advanceTo(DUE.minus(TestScheduler.CHECK_EVERY));

        scheduler.publish(reported(taskId, "NVY", DUE));
        scheduler.advanceTo(DUE.plus(Duration.ofDays(10)));

        assertThat(scheduler.reminders()).noneMatch(reminder -> reminder.stage() == Stage.DUE
                || reminder.stage() == Stage.OVERDUE);
        assertThat(scheduler.indexed()).isZero();
    }
}
