package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dondoc.events.CloudEventDeserializer;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.Topics;
import vn.dondoc.testing.Infrastructure;
import vn.dondoc.testing.RealInfrastructure;

/**
 * Exactly-once through a crash: 2,000 tasks × 5 lead units fall due at one instant (10,000 due reminders); the
 * scheduler process is killed (SIGKILL) in the middle of the burst and a new one, with an empty state dir, restores
 * the plans from the changelog and finishes. A {@code read_committed} consumer must see every reminder exactly once.
 */
@RealInfrastructure
class ExactlyOnceBurstTests {

    private static final int TASKS = 2_000;
    private static final List<String> UNITS = List.of("U1", "U2", "U3", "U4", "U5");
    private static final int DUE_REMINDERS = TASKS * UNITS.size();

    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void killWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    @Test
    void emitsEveryReminderOfABurstExactlyOnceThroughACrash(Infrastructure infrastructure, @TempDir Path dir)
            throws Exception {
        String run = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        String tasksTopic = run + ".tasks";
        String remindersTopic = run + ".reminders";
        String bootstrap = infrastructure.kafkaBootstrapServers();
        createTopics(bootstrap, tasksTopic, remindersTopic, Topics.UNITS);
        transactionsVersionOne(bootstrap);
        Path logs = Files.createDirectories(Path.of("target", "burst-workers"));

        Instant due = Instant.now().plusSeconds(30);
        try (var producer = new KafkaProducer<String, Envelope<?>>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new CloudEventSerializer())) {
            for (int i = 0; i < TASKS; i++) {
                var assigned = assigned(run + "-task-" + i, due);
                producer.send(new ProducerRecord<>(tasksTopic, assigned.subject(), assigned));
            }
            producer.flush();
        }
        Process first = startWorker(bootstrap, run, dir.resolve("first"), tasksTopic, remindersTopic, logs.resolve(run + "-first.log"));

        Map<Stage, List<String>> seen = new HashMap<>();
        try (var consumer = readCommitted(bootstrap, remindersTopic)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10))
                    .alias("the burst starts (seen so far: %s)".formatted(seen.keySet())).until(() -> {
                        poll(consumer, seen);
                        return count(seen, Stage.DUE) >= 1_000;
                    });
            first.destroyForcibly().waitFor();
            poll(consumer, seen);
            int dueBeforeCrash = count(seen, Stage.DUE);
            assertThat(dueBeforeCrash).as("killed in the middle of the burst").isBetween(1_000, DUE_REMINDERS - 1);

            startWorker(bootstrap, run, dir.resolve("second"), tasksTopic, remindersTopic, logs.resolve(run + "-second.log"));
            // the killed instance's open transaction blocks read_committed readers until it times out (10 s)
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
                poll(consumer, seen);
                assertThat(count(seen, Stage.DUE)).as("due reminders (%d assignments) after the restart",
                        count(seen, Stage.ASSIGNMENT)).isGreaterThanOrEqualTo(DUE_REMINDERS);
            });
            // and nothing more comes afterwards
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
                poll(consumer, seen);
                return count(seen, Stage.DUE) == DUE_REMINDERS;
            });
        }

        for (Stage stage : List.of(Stage.ASSIGNMENT, Stage.DUE)) {
            List<String> ids = seen.get(stage);
            assertThat(ids).as(stage.name()).hasSize(DUE_REMINDERS);
            assertThat(Set.copyOf(ids)).as(stage.name()).hasSize(DUE_REMINDERS);
        }
        Set<String> expected = new HashSet<>();
        IntStream.range(0, TASKS).forEach(i -> UNITS.forEach(unit -> expected.add(run + "-task-" + i + "/" + unit + "/due/1")));
        assertThat(Set.copyOf(seen.get(Stage.DUE))).isEqualTo(expected);
    }

    private static Envelope<TaskAssigned> assigned(String taskId, Instant due) {
        var task = new TaskAssigned(taskId, "Báo cáo trước ngày 20/5/2026", UNITS, List.of(), "Báo cáo",
                new Deadline(DeadlineKind.INSTANT, null, due, null), null, null, Instant.now());
        return Envelope.of(TaskBuilder.TASK_SERVICE, task, Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    private Process startWorker(String bootstrap, String applicationId, Path stateDir, String tasksTopic,
                                String remindersTopic, Path log) throws Exception {
        Files.createDirectories(stateDir);
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), BurstWorker.class.getName(),
                bootstrap, applicationId, stateDir.toString(), tasksTopic, remindersTopic)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(process);
        return process;
    }

    /** Creates the topics (3 partitions) that do not exist yet. */
    static void createTopics(String bootstrap, String... topics) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Kafka 4.2 with transactions v2 (KIP-890, the default on a new cluster) stalled the scheduler's producer under
     * this burst: a produce answered CONCURRENT_TRANSACTIONS, its retry OUT_OF_ORDER_SEQUENCE_NUMBER, and the stream
     * thread made no more progress. The classic transaction protocol does not.
     */
    private static void transactionsVersionOne(String bootstrap) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.updateFeatures(Map.of("transaction.version",
                    new FeatureUpdate((short) 1, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)),
                    new UpdateFeaturesOptions()).all().get();
        }
    }

    private static KafkaConsumer<String, Envelope<?>> readCommitted(String bootstrap, String topic) {
        var consumer = new KafkaConsumer<String, Envelope<?>>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new CloudEventDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, 3).mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static void poll(KafkaConsumer<String, Envelope<?>> consumer, Map<Stage, List<String>> seen) {
        consumer.poll(Duration.ofMillis(100)).forEach(record -> {
            if (record.value().data() instanceof ReminderDue reminder) {
                seen.computeIfAbsent(reminder.stage(), stage -> new ArrayList<>()).add(reminder.reminderId());
            }
        });
    }

    private static int count(Map<Stage, List<String>> seen, Stage stage) {
        return seen.getOrDefault(stage, List.of()).size();
    }
}
