package vn.dondoc.bench.scheduler;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.dondoc.events.CloudEventDeserializer;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.Topics;
import vn.dondoc.testing.Infrastructure;

/**
 * Burst benchmark of issue 4, black box: the scheduler-service jar runs as its own process against the embedded
 * broker; the harness assigns {@code tasks × units} reminders all due at one instant and measures, with a
 * {@code read_committed} consumer, when each due reminder becomes visible (lateness = visible − due instant), the
 * burst throughput, the scheduler's resident memory, and the time a fresh instance (empty state dir) takes to be
 * RUNNING again. Arguments: scheduler jar, tasks (default 20000), units per task (default 5), extra scheduler args.
 */
public final class BurstBench {

    private BurstBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int unitsPerTask = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> extra = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        List<String> units = IntStream.rangeClosed(1, unitsPerTask).mapToObj(i -> "U" + i).toList();
        int expected = tasks * unitsPerTask;

        String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
        prepareBroker(bootstrap);
        Path work = Files.createTempDirectory("scheduler-bench");
        int port = freePort();
        Process scheduler = start(jar, bootstrap, work.resolve("state-1"), port, extra, work.resolve("scheduler-1.log"));
        waitRunning(port, Duration.ofMinutes(3));
        System.out.printf("scheduler RUNNING; assigning %,d tasks × %d units%n", tasks, unitsPerTask);

        // due far enough ahead for the assignment notices to be out of the way first
        Instant due = Instant.now().plusSeconds(30 + tasks / 1_000);
        Instant producing = Instant.now();
        try (var producer = new KafkaProducer<String, Envelope<?>>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new CloudEventSerializer())) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < tasks; i++) {
                producer.send(assigned("bench-" + run + "-" + i, units, due).toRecord());
            }
            producer.flush();
        }
        System.out.printf("produced in %s; due at %s%n", Duration.between(producing, Instant.now()), due);

        List<Long> lateness = new ArrayList<>(expected);
        Set<String> ids = new HashSet<>();
        int assignments = 0;
        Instant assignmentsDone = null;
        Instant lastVisible = null;
        try (var consumer = readCommitted(bootstrap)) {
            Instant giveUp = due.plus(Duration.ofMinutes(10));
            while (lateness.size() < expected && Instant.now().isBefore(giveUp)) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    if (record.value().data() instanceof ReminderDue reminder) {
                        Instant now = Instant.now();
                        if (reminder.stage() == Stage.ASSIGNMENT && ++assignments == expected) {
                            assignmentsDone = now;
                        } else if (reminder.stage() == Stage.DUE) {
                            lateness.add(Duration.between(due, now).toMillis());
                            ids.add(reminder.reminderId());
                            lastVisible = now;
                        }
                    }
                }
            }
        }
        long rss = residentKiB(scheduler.pid());
        lateness.sort(null);
        Duration burst = Duration.between(due, lastVisible);
        System.out.printf("assignments planned and sent: %s after producing started (%s)%n",
                assignmentsDone == null ? "n/a" : Duration.between(producing, assignmentsDone),
                assignmentsDone != null && assignmentsDone.isBefore(due) ? "before the due instant" : "LATE");
        System.out.printf("due reminders: %,d visible, %,d distinct, expected %,d%n", lateness.size(), ids.size(), expected);
        System.out.printf("burst: all visible %d ms after the due instant → %,.0f reminders/s%n", burst.toMillis(),
                expected * 1000.0 / Math.max(1, burst.toMillis()));
        System.out.printf("lateness ms: p50 %d, p99 %d, max %d%n", percentile(lateness, 50), percentile(lateness, 99),
                lateness.getLast());
        System.out.printf("scheduler resident memory: %,d MiB%n", rss / 1024);

        scheduler.destroyForcibly().waitFor();
        Instant restart = Instant.now();
        Process second = start(jar, bootstrap, work.resolve("state-2"), port, extra, work.resolve("scheduler-2.log"));
        waitRunning(port, Duration.ofMinutes(5));
        System.out.printf("fresh instance (empty state dir, %,d plans to restore) RUNNING after %s (JVM and Spring start "
                + "included)%n", tasks, Duration.between(restart, Instant.now()));
        second.destroyForcibly().waitFor();
        System.exit(0);
    }

    private static Envelope<TaskAssigned> assigned(String taskId, List<String> units, Instant due) {
        var policy = new ReminderPolicy(List.of(Duration.ZERO), Duration.ofDays(2), Duration.ofDays(30),
                Duration.ofDays(5), false);
        var task = new TaskAssigned(taskId, "Báo cáo trước ngày 20/5/2026", units, List.of(), "Báo cáo",
                new Deadline(DeadlineKind.INSTANT, null, due, null), policy, null, Instant.now());
        return Envelope.of("/dondoc/task-service", task, Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    private static Process start(Path jar, String bootstrap, Path stateDir, int port, List<String> extra, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(),
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--server.port=" + port,
                "--logging.level.root=warn"));
        command.addAll(extra);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitRunning(int port, Duration patience) throws Exception {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"state\":\"RUNNING\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // polling a separate process: no test, no clock to move
        }
        throw new IllegalStateException("scheduler not RUNNING within " + patience);
    }

    /**
     * Same broker setup as ExactlyOnceBurstTests: transactions v1, because transactions v2 on Kafka 4.2 stalled the
     * scheduler's producer under a burst (see the scheduler README).
     */
    private static void prepareBroker(String bootstrap) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.updateFeatures(Map.of("transaction.version",
                    new FeatureUpdate((short) 1, FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)), new UpdateFeaturesOptions())
                    .all().get();
            for (String topic : Topics.ALL) {
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

    private static KafkaConsumer<String, Envelope<?>> readCommitted(String bootstrap) {
        var consumer = new KafkaConsumer<String, Envelope<?>>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                new StringDeserializer(), new CloudEventDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REMINDERS).stream()
                .map(info -> new TopicPartition(Topics.REMINDERS, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long residentKiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
