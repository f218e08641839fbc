package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.dondoc.scheduler.reminders.TaskBuilder.aTask;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dondoc.events.CloudEventDeserializer;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Envelope;
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
    private static final ReminderProperties DEFAULTS = new ReminderProperties(
            List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1), Duration.ZERO),
            Duration.ofDays(2), Duration.ofDays(2), Duration.ofDays(5), true, CHECK_EVERY);

    private TopologyTestDriver driver;
    private TestInputTopic<String, Envelope<?>> tasks;
    private TestOutputTopic<String, Envelope<?>> output;
    private final List<TestRecord<String, Envelope<?>>> published = new ArrayList<>();
    private Instant now = START;

    @BeforeEach
    void startTopology(@TempDir Path stateDir) {
        var builder = new StreamsBuilder();
        ReminderTopology.addTo(builder, DEFAULTS.defaultPolicy(), DEFAULTS.checkEvery());
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scheduler-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "not-used:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
        driver = new TopologyTestDriver(builder.build(), config, START);
        tasks = driver.createInputTopic(Topics.TASKS, new StringSerializer(), new CloudEventSerializer());
        output = driver.createOutputTopic(Topics.REMINDERS, new StringDeserializer(), new CloudEventDeserializer());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
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
        assertThat(driver.<String, String>getKeyValueStore(DueIndex.STORE).approximateNumEntries()).isZero();
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
        assertThat(plans()).hasSize(1);
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
        assertThat(published).filteredOn(record -> record.value().data() instanceof ReminderDue)
                .allSatisfy(record -> {
                    assertThat(record.value().id()).isEqualTo(((ReminderDue) record.value().data()).reminderId());
                    assertThat(record.key()).isEqualTo("task-42");
                    assertThat(record.value().source()).isEqualTo("/dondoc/scheduler-service");
                });
    }

    @Test
    void continuesTheTraceOfTheAssignment() {
        var assigned = aTask().dueAt(DUE).build();
        publish(assigned);
        advanceBy(CHECK_EVERY);

        assertThat(published).allSatisfy(record -> assertThat(record.value().traceId()).isEqualTo(assigned.traceId()));
    }

    @Test
    void announcesTheUpcomingRemindersWhenATaskIsPlanned() {
        String taskId = publish(aTask().leadUnits("NVY").coordinatingUnits("KHTH").dueAt(DUE).build());

        assertThat(plans()).singleElement().satisfies(plan -> {
            assertThat(plan.taskId()).isEqualTo(taskId);
            assertThat(plan.upcoming()).extracting(RemindersPlanned.Upcoming::unit, RemindersPlanned.Upcoming::stage,
                            RemindersPlanned.Upcoming::fireAt)
                    .containsExactly(
                            tuple("KHTH", Stage.ASSIGNMENT, START),
                            tuple("NVY", Stage.ASSIGNMENT, START),
                            tuple("NVY", Stage.BEFORE_DUE, DUE.minus(Duration.ofDays(7))),
                            tuple("NVY", Stage.BEFORE_DUE, DUE.minus(Duration.ofDays(3))),
                            tuple("NVY", Stage.BEFORE_DUE, DUE.minus(Duration.ofDays(1))),
                            tuple("NVY", Stage.DUE, DUE));
        });
    }

    @Test
    void keepsOnlyTheRemindersStillToBeSentInThePlan() {
        String taskId = publish(aTask().dueAt(DUE).build());
        advanceTo(DUE.minus(Duration.ofDays(3)));

        ReminderPlan plan = driver.<String, ReminderPlan>getKeyValueStore(ReminderScheduler.PLANS).get(taskId);

        assertThat(plan.pending()).extracting(PlannedReminder::stage, PlannedReminder::fireAt).containsExactly(
                tuple(Stage.BEFORE_DUE, DUE.minus(Duration.ofDays(1))),
                tuple(Stage.DUE, DUE));
        assertThat(driver.<String, String>getKeyValueStore(DueIndex.STORE).approximateNumEntries()).isEqualTo(2);
    }

    @Test
    void skipsAnUnreadableTaskEventAndGoesOn() {
        // that it is parked on dead-letters is checked on the real broker (SchedulerServiceTests): under
        // exactly-once the test driver drops records sent by the deserialization exception handler
        var raw = driver.createInputTopic(Topics.TASKS, new StringSerializer(), new ByteArraySerializer());
        var headers = new RecordHeaders().add("ce_type", "task.mystery".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>("task-x", "{}".getBytes(StandardCharsets.UTF_8), headers, now));
        publish(aTask().dueAt(DUE).build());
        advanceBy(CHECK_EVERY);

        assertThat(reminders()).extracting(ReminderDue::stage).containsExactly(Stage.ASSIGNMENT);
    }

    private String publish(Envelope<?> event) {
        tasks.pipeInput(event.subject(), event, now);
        return event.subject();
    }

    private void advanceTo(Instant instant) {
        advanceBy(Duration.between(now, instant));
    }

    private void advanceBy(Duration duration) {
        driver.advanceWallClockTime(duration);
        now = now.plus(duration);
    }

    private List<ReminderDue> reminders() {
        return events(ReminderDue.class);
    }

    private List<RemindersPlanned> plans() {
        return events(RemindersPlanned.class);
    }

    private <E> List<E> events(Class<E> type) {
        published.addAll(output.readRecordsToList());
        return published.stream().map(record -> record.value().data()).filter(type::isInstance).map(type::cast).toList();
    }
}
