package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dondoc.scheduler.reminders.TaskBuilder.aTask;
import static vn.dondoc.scheduler.reminders.TaskBuilder.acknowledged;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Stage;
import vn.dondoc.events.UnitRole;

/** The stages of a unit's reminders, at exact instants (workingHoursOnly=false; the calendar has its own tests). */
class ReminderStagesTests {

    static final Instant START = Instant.parse("2026-11-24T01:00:00Z");
    static final Instant DUE = START.plus(Duration.ofDays(10));
    static final ReminderProperties EXACT = ReminderProperties.of(
            List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1), Duration.ZERO),
            Duration.ofDays(2), Duration.ofDays(2), Duration.ofDays(5), false, TestScheduler.CHECK_EVERY);

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
    void resendsTheAssignmentEveryAckWithinUntilTheUnitAcknowledges() {
        String taskId = scheduler.publish(aTask().leadUnits("NVY", "NVD").dueAt(DUE).build());
        scheduler.advanceTo(START.plus(Duration.ofDays(5)));

        scheduler.publish(acknowledged(taskId, "NVY", scheduler.now()));
        scheduler.advanceTo(DUE.plus(Duration.ofHours(1)));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.ACK_RESEND)
                .extracting(ReminderDue::unit, ReminderDue::reminderId, ReminderDue::fireAt)
                .containsExactlyInAnyOrder(
                        tuple("NVY", taskId + "/NVY/ack_resend/1/1", START.plus(Duration.ofDays(2))),
                        tuple("NVD", taskId + "/NVD/ack_resend/1/1", START.plus(Duration.ofDays(2))),
                        tuple("NVY", taskId + "/NVY/ack_resend/1/2", START.plus(Duration.ofDays(4))),
                        tuple("NVD", taskId + "/NVD/ack_resend/1/2", START.plus(Duration.ofDays(4))),
                        tuple("NVD", taskId + "/NVD/ack_resend/1/3", START.plus(Duration.ofDays(6))),
                        tuple("NVD", taskId + "/NVD/ack_resend/1/4", START.plus(Duration.ofDays(8))));
    }

    @Test
    void keepsOnlyTheNextAssignmentResendInThePlan() {
        String taskId = scheduler.publish(aTask().dueAt(DUE).build());
        scheduler.advanceTo(START.plus(Duration.ofDays(2)));

        assertThat(scheduler.plan(taskId).pending()).filteredOn(reminder -> reminder.stage() == Stage.ACK_RESEND)
                .extracting(PlannedReminder::reminderId).containsExactly(taskId + "/NVY/ack_resend/1/2");
        assertThat(scheduler.plans()).last().satisfies(plan -> assertThat(plan.upcoming())
                .filteredOn(upcoming -> upcoming.stage() == Stage.ACK_RESEND).hasSize(1));
    }

    @Test
    void remindsOnTheDueInstantThenRepeatsEveryOverdueInterval() {
        String taskId = scheduler.publish(aTask().dueAt(DUE).build());
        scheduler.publish(acknowledged(taskId, "NVY", START));

        scheduler.advanceTo(DUE.plus(Duration.ofDays(7)));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.fireAt().compareTo(DUE) >= 0
                        && reminder.stage() != Stage.ESCALATION)
                .extracting(ReminderDue::stage, ReminderDue::reminderId, ReminderDue::fireAt)
                .containsExactly(
                        tuple(Stage.DUE, taskId + "/NVY/due/1", DUE),
                        tuple(Stage.OVERDUE, taskId + "/NVY/overdue/1/1", DUE.plus(Duration.ofDays(2))),
                        tuple(Stage.OVERDUE, taskId + "/NVY/overdue/1/2", DUE.plus(Duration.ofDays(4))),
                        tuple(Stage.OVERDUE, taskId + "/NVY/overdue/1/3", DUE.plus(Duration.ofDays(6))));
        assertThat(scheduler.plan(taskId).pending()).extracting(PlannedReminder::reminderId)
                .containsExactly(taskId + "/NVY/overdue/1/4");
    }

    @Test
    void escalatesToTheSupervisorOnceAfterEscalateAfter() {
        scheduler.directory(TaskBuilder.unit("NVY", "SYT"));
        String taskId = scheduler.publish(aTask().dueAt(DUE).build());

        scheduler.advanceTo(DUE.plus(Duration.ofDays(5)).minus(TestScheduler.CHECK_EVERY));
        assertThat(scheduler.reminders()).noneMatch(reminder -> reminder.stage() == Stage.ESCALATION);

        scheduler.advanceTo(DUE.plus(Duration.ofDays(20)));
        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.ESCALATION)
                .extracting(ReminderDue::reminderId, ReminderDue::unit, ReminderDue::recipient, ReminderDue::fireAt)
                .containsExactly(tuple(taskId + "/NVY/escalation/1", "NVY", "SYT", DUE.plus(Duration.ofDays(5))));
    }

    @Test
    void escalatesToTheSupervisorInOfficeWhenTheEscalationFires() {
        scheduler.directory(TaskBuilder.unit("NVY", "SYT"));
        scheduler.publish(aTask().dueAt(DUE).build());
        scheduler.advanceTo(DUE);

        scheduler.directory(TaskBuilder.unit("NVY", "UBND"));
        scheduler.advanceTo(DUE.plus(Duration.ofDays(6)));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.stage() == Stage.ESCALATION)
                .extracting(ReminderDue::recipient).containsExactly("UBND");
    }

    @Test
    void doesNotEscalateWhenTheUnitHasNoSupervisor() {
        scheduler.directory(TaskBuilder.unit("NVY", null));
        String taskId = scheduler.publish(aTask().dueAt(DUE).build());

        scheduler.advanceTo(DUE.plus(Duration.ofDays(20)));

        assertThat(scheduler.reminders()).noneMatch(reminder -> reminder.stage() == Stage.ESCALATION);
        assertThat(scheduler.plans()).flatExtracting(RemindersPlanned::upcoming)
                .noneMatch(upcoming -> upcoming.stage() == Stage.ESCALATION);
        assertThat(scheduler.plan(taskId).pending()).noneMatch(reminder -> reminder.stage() == Stage.ESCALATION);
    }

    @Test
    void informsCoordinatingUnitsOfTheAssignmentAndTheDueDayOnly() {
        scheduler.publish(aTask().leadUnits("NVY").coordinatingUnits("KHTH").dueAt(DUE).build());

        scheduler.advanceTo(DUE.plus(Duration.ofDays(20)));

        assertThat(scheduler.reminders()).filteredOn(reminder -> reminder.unit().equals("KHTH"))
                .extracting(ReminderDue::role, ReminderDue::stage, ReminderDue::fireAt)
                .containsExactly(tuple(UnitRole.COORDINATING, Stage.ASSIGNMENT, START),
                        tuple(UnitRole.COORDINATING, Stage.DUE, DUE));
    }

    @Test
    void announcesOnlyTheNextOccurrenceOfEachStagePerUnit() {
        scheduler.directory(TaskBuilder.unit("NVY", "SYT"));
        scheduler.publish(aTask().leadUnits("NVY", "NVD").dueAt(DUE).build());
        scheduler.advanceTo(DUE.plus(Duration.ofDays(30)));

        assertThat(scheduler.plans()).isNotEmpty().allSatisfy(plan -> assertThat(plan.upcoming().stream()
                        .filter(upcoming -> upcoming.stage() != Stage.BEFORE_DUE)
                        .map(upcoming -> upcoming.unit() + "/" + upcoming.stage()))
                .doesNotHaveDuplicates());
    }
}
