package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dondoc.scheduler.reminders.TaskBuilder.aTask;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.Stage;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitRole;

/** The reminder topology on Kafka Streams' test driver: time moves only when a test moves the wall clock. */
class ReminderTopologyTests {

    private static final Instant START = Instant.parse("2026-11-24T01:00:00Z");
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final Instant DUE = START.plus(Duration.ofDays(10));
    private static final ReminderProperties DEFAULTS = ReminderProperties.of(
            List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1), Duration.ZERO),
            Duration.ofDays(2), Duration.ofDays(2), Duration.ofDays(5), true, CHECK_EVERY);

    private TestScheduler scheduler;
    private TopologyTestDriver driver;
    private Instant now = START;

    @BeforeEach
    void startTopology(@TempDir Path stateDir) {
        scheduler = new TestScheduler(DEFAULTS, stateDir, START);
        driver = scheduler.driver();
    }

    @AfterEach
    void stopTopology() {
        scheduler.close();
    }

    @Test
    void sendsTheAssignmentAtOnceToEveryUnit() {
        publish(aTask().leadUnits("NVY", "NVD").coordinatingUnits("KHTH").dueAt(DUE).build());

        assertThat(reminders()).isEmpty();
        advanceBy(CHECK_EVERY);

        assertThat(reminders()).extracting(ReminderDue::unit, ReminderDue::role, ReminderDue::stage, ReminderDue::recipient,
                        ReminderDue::fireAt)
                .containsExactlyInAnyOrder(
                        tuple("NVY", UnitRole.LEAD, Stage.ASSIGNMENT, "NVY", START),
                        tuple("NVD", UnitRole.LEAD, Stage.ASSIGNMENT, "NVD", START),
                        tuple("KHTH", UnitRole.COORDINATING, Stage.ASSIGNMENT, "KHTH", START));
    }

    @Test
    void remindsAtEachOffsetBeforeTheDeadlineAndNotBefore() {
        publish(aTask().leadUnits("NVY", "NVD").dueAt(DUE).build());
        advanceBy(CHECK_EVERY);

        for (Duration offset : List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1))) {
            advanceTo(DUE.minus(offset).minus(CHECK_EVERY));
            assertThat(reminders()).filteredOn(reminder -> reminder.stage() == Stage.BEFORE_DUE)
                    .allMatch(reminder -> !reminder.fireAt().equals(DUE.minus(offset)));

            advanceTo(DUE.minus(offset));
            assertThat(reminders()).filteredOn(reminder -> reminder.fireAt().equals(DUE.minus(offset)))
                    .extracting(ReminderDue::unit, ReminderDue::stage)
                    .containsExactlyInAnyOrder(tuple("NVY", Stage.BEFORE_DUE),
                            tuple("NVD", Stage.BEFORE_DUE));
        }
    }

    @Test
    void remindsThreeDaysBeforeDeadline() {
        String taskId = publish(aTask().dueAt(DUE).build());

        advanceTo(DUE.minus(Duration.ofDays(3)));

        assertThat(reminders()).extracting(ReminderDue::reminderId)
                .containsExactly(taskId + "/NVY/assignment/1", taskId + "/NVY/before_due/1/PT168H",
                        taskId + "/NVY/before_due/1/PT72H");
    }

    @Test
    void remindsOnTheDueInstant() {
        publish(aTask().dueAt(DUE).build());

        advanceTo(DUE.minus(CHECK_EVERY));
        assertThat(reminders()).noneMatch(reminder -> reminder.stage() == Stage.DUE);

        advanceTo(DUE);
        assertThat(reminders()).filteredOn(reminder -> reminder.stage() == Stage.DUE)
                .singleElement()
                .satisfies(reminder -> assertThat(reminder.fireAt()).isEqualTo(DUE));
    }

    @Test
    void skipsOffsetsAlreadyPastWhenTheTaskIsAssigned() {
        publish(aTask().dueAt(START.plus(Duration.ofDays(2))).build());

        advanceTo(START.plus(Duration.ofDays(3)));

        assertThat(reminders()).extracting(ReminderDue::stage)
                .containsExactly(Stage.ASSIGNMENT, Stage.BEFORE_DUE, Stage.DUE);
        assertThat(reminders()).filteredOn(reminder -> reminder.stage() == Stage.BEFORE_DUE)
                .extracting(ReminderDue::reminderId).singleElement().asString().endsWith("/PT24H");
    }

    @Test
    void stopsRemindingOnceTheTaskIsCancelled() {
        String taskId = publish(aTask().leadUnits("NVY", "NVD").dueAt(DUE).build());
        advanceTo(DUE.minus(Duration.ofDays(7)));
        int sentBeforeCancellation = reminders().size();

        publish(TaskBuilder.cancelled(taskId, now));
        advanceTo(DUE.plus(Duration.ofDays(30)));

        assertThat(sentBeforeCancellation).isEqualTo(4);
        assertThat(reminders()).hasSize(sentBeforeCancellation);
        assertThat(plans()).last().satisfies(plan -> assertThat(plan.upcoming()).isEmpty());
        assertThat(scheduler.indexed()).isZero();
    }

    @Test
    void stopsRemindingOnceTheTaskIsCompleted() {
        String taskId = publish(aTask().dueAt(DUE).build());
        advanceBy(CHECK_EVERY);

        publish(TaskBuilder.completed(taskId, now));
        advanceTo(DUE.plus(Duration.ofDays(30)));

        assertThat(reminders()).extracting(ReminderDue::stage).containsExactly(Stage.ASSIGNMENT);
    }

    @Test
    void ignoresADuplicateAssignment() {
        var task = aTask().leadUnits("NVY").dueAt(DUE);
        var assigned = task.build();
        publish(assigned);
        publish(assigned); // the outbox relay published it again
        publish(task.build()); // same task, another event id: still the same task
        advanceTo(DUE);

        assertThat(reminders()).extracting(ReminderDue::reminderId).doesNotHaveDuplicates().hasSize(5);
        assertThat(plans()).filteredOn(plan -> plan.plannedAt().equals(START)).hasSize(1);
    }

    @Test
    void doesNotReviveACancelledTaskWhenItsAssignmentIsRepublished() {
        var assigned = aTask().dueAt(DUE).build();
        publish(assigned);
        advanceBy(CHECK_EVERY);
        publish(TaskBuilder.cancelled(assigned.subject(), now));

        publish(assigned);
        advanceTo(DUE);

        assertThat(reminders()).extracting(ReminderDue::stage).containsExactly(Stage.ASSIGNMENT);
    }

    @Test
    void givesRemindersDeterministicIdsThatAreAlsoTheirEventIds() {
        publish(aTask().id("task-42").leadUnits("NVY").dueAt(DUE).build());
        advanceTo(DUE);

        assertThat(reminders()).extracting(ReminderDue::reminderId).containsExactly(
                "task-42/NVY/assignment/1",
                "task-42/NVY/before_due/1/PT168H",
                "task-42/NVY/before_due/1/PT72H",
                "task-42/NVY/before_due/1/PT24H",
                "task-42/NVY/due/1");
        assertThat(scheduler.records()).filteredOn(record -> record.value().data() instanceof ReminderDue)
                .allSatisfy(record -> {
                    assertThat(record.value().id()).isEqualTo(((ReminderDue) record.value().data()).reminderId());
                    assertThat(record.key()).isEqualTo("task-42");
                    assertThat(record.value().source()).isEqualTo("/dondoc/scheduler-service");
                });
    }

    @Test
    void firesFromAPlanStoredAsJsonByAnEarlierVersionAndStoresItAnew() {
        String taskId = publish(aTask().leadUnits("NVY").dueAt(DUE).build());
        advanceBy(CHECK_EVERY);
        // the plan as versions before the binary form stored it (and as their changelog restores it)
        KeyValueStore<Bytes, byte[]> stored = storedBytes();
        stored.put(Bytes.wrap(taskId.getBytes(StandardCharsets.UTF_8)),
                EventJson.MAPPER.writeValueAsBytes(scheduler.plan(taskId)));

        advanceTo(DUE);

        assertThat(reminders()).extracting(ReminderDue::stage).contains(Stage.ASSIGNMENT, Stage.BEFORE_DUE, Stage.DUE);
        assertThat(stored.get(Bytes.wrap(taskId.getBytes(StandardCharsets.UTF_8)))[0]).isEqualTo(PlanCodec.VERSION_1);
        assertThat(scheduler.plan(taskId).pending()).extracting(PlannedReminder::stage).containsExactly(Stage.OVERDUE);
    }

    @Test
    void continuesTheTraceOfTheAssignment() {
        var assigned = aTask().dueAt(DUE).build();
        publish(assigned);
        advanceBy(CHECK_EVERY);

        assertThat(scheduler.records()).allSatisfy(record -> {
            assertThat(record.value().traceId()).isEqualTo(assigned.traceId());
            assertThat(record.value().traceparent()).matches("00-\\p{XDigit}{32}-\\p{XDigit}{16}-01")
                    .isNotEqualTo(assigned.traceparent());
        });
    }

    @Test
    void announcesTheUpcomingRemindersWhenATaskIsPlanned() {
        String taskId = publish(aTask().leadUnits("NVY").coordinatingUnits("KHTH").dueAt(DUE).build());

        assertThat(plans()).singleElement().satisfies(plan -> {
            assertThat(plan.taskId()).isEqualTo(taskId);
            assertThat(plan.upcoming()).filteredOn(upcoming -> upcoming.stage() != Stage.ACK_RESEND
                            && upcoming.stage() != Stage.OVERDUE)
                    .extracting(RemindersPlanned.Upcoming::unit, RemindersPlanned.Upcoming::stage,
                            RemindersPlanned.Upcoming::fireAt)
                    .containsExactly(
                            tuple("KHTH", Stage.ASSIGNMENT, START),
                            tuple("NVY", Stage.ASSIGNMENT, START),
                            tuple("NVY", Stage.BEFORE_DUE, DUE.minus(Duration.ofDays(7))),
                            tuple("NVY", Stage.BEFORE_DUE, DUE.minus(Duration.ofDays(3))),
                            tuple("NVY", Stage.BEFORE_DUE, DUE.minus(Duration.ofDays(1))),
                            tuple("KHTH", Stage.DUE, DUE),
                            tuple("NVY", Stage.DUE, DUE));
        });
    }

    @Test
    void keepsOnlyTheRemindersStillToBeSentInThePlan() {
        String taskId = publish(aTask().dueAt(DUE).build());
        advanceTo(DUE.minus(Duration.ofDays(3)));

        ReminderPlan plan = scheduler.plan(taskId);

        assertThat(plan.pending()).extracting(PlannedReminder::stage, PlannedReminder::fireAt).containsExactly(
                tuple(Stage.ACK_RESEND, START.plus(Duration.ofDays(8))),
                tuple(Stage.BEFORE_DUE, DUE.minus(Duration.ofDays(1))),
                tuple(Stage.DUE, DUE),
                // two days after the due instant is a Sunday: Monday 07:30 in Hanoi
                tuple(Stage.OVERDUE, Instant.parse("2026-12-07T00:30:00Z")));
        assertThat(scheduler.indexed()).isEqualTo(4);
    }

    @Test
    void skipsAnUnreadableTaskEventAndGoesOn() {
        // that it is parked on dead-letters is checked on the real broker (SchedulerServiceTests): under
        // exactly-once the test driver drops records sent by the deserialization exception handler
        var raw = scheduler.driver().createInputTopic(Topics.TASKS, new StringSerializer(), new ByteArraySerializer());
        var headers = new RecordHeaders().add("ce_type", "task.mystery".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>("task-x", "{}".getBytes(StandardCharsets.UTF_8), headers, scheduler.now()));
        publish(aTask().dueAt(DUE).build());
        advanceBy(CHECK_EVERY);

        assertThat(reminders()).extracting(ReminderDue::stage).containsExactly(Stage.ASSIGNMENT);
    }

    private String publish(Envelope<?> event) {
        return scheduler.publish(event);
    }

    private void advanceTo(Instant instant) {
        scheduler.advanceTo(instant);
        now = scheduler.now();
    }

    private void advanceBy(Duration duration) {
        scheduler.advanceBy(duration);
        now = scheduler.now();
    }

    /** The reminders of the stages these tests are about (assignment re-sends have their own tests). */
    /** The plans store beneath its serde, as RocksDB holds it. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<Bytes, byte[]> storedBytes() {
        KeyValueStore<String, ReminderPlan> typed = driver.getKeyValueStore(ReminderScheduler.PLANS);
        return ((WrappedStateStore<KeyValueStore<Bytes, byte[]>, ?, ?>) typed).wrapped();
    }

    private List<ReminderDue> reminders() {
        return scheduler.reminders().stream().filter(reminder -> reminder.stage() != Stage.ACK_RESEND).toList();
    }

    private List<RemindersPlanned> plans() {
        return scheduler.plans();
    }
}
