package vn.dondoc.bench.scheduler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.dondoc.events.CloudEventHeaders;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.EventType;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.Topics;
import vn.dondoc.testing.Infrastructure;

/**
 * Issue 4's scheduler benchmark, black box, with db-scheduler in the same run. The scheduler-service exec jar runs
 * as its own process against the embedded broker (transactions v1, see the scheduler README). Phases:
 * <ol>
 *   <li>load: {@code open} tasks (one lead unit, deadline a year ahead) assigned on {@code tasks.events}; planned
 *       when each one's assignment reminder is visible;</li>
 *   <li>burst: {@code burst} more tasks due at one instant;</li>
 *   <li>steady: {@code steadySeconds × 1,000} tasks due one per millisecond, {@code gap} after the burst;</li>
 *   <li>memory (RSS, state dir) and restarts: clean stop, the group left empty, then the same state dir (warm) and
 *       an empty one (restore from the changelogs), each timed from process start to RUNNING;</li>
 *   <li>db-scheduler on an embedded PostgreSQL with the same workload ({@link DbSchedulerRun}).</li>
 * </ol>
 * Lateness = when a due reminder becomes visible to a {@code read_committed} consumer − when it was due.
 * Arguments: scheduler exec jar, open (default 1,000,000), burst (100,000), steady seconds (60), gap seconds (60),
 * db-scheduler threads (20, 0 = skip it), extra scheduler arguments.
 */
public final class BurstBench {

    private static final String GROUP = "scheduler-service";

    private BurstBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int open = intArg(args, 1, 1_000_000);
        int burst = intArg(args, 2, 100_000);
        int steadySeconds = intArg(args, 3, 60);
        int gapSeconds = intArg(args, 4, 60);
        int dbThreads = intArg(args, 5, 20);
        List<String> extra = args.length > 6 ? List.of(args).subList(6, args.length) : List.of();
        int steady = steadySeconds * 1_000;
        System.out.printf("load average at start: %s%n", loadAverage());

        String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
        prepareBroker(bootstrap);
        Path work = Files.createTempDirectory("scheduler-bench");
        int port = freePort();
        String run = UUID.randomUUID().toString().substring(0, 6);
        var reminders = new ReminderLog(bootstrap, run, open, burst, steady);
        reminders.start();
        Process scheduler = start(jar, bootstrap, work.resolve("state-1"), port, extra,
                work.resolve("scheduler-1.log"));
        waitRunning(port, Duration.ofMinutes(3));

        // 1. load
        Instant loading = Instant.now();
        try (var producer = producer(bootstrap)) {
            Instant yearAhead = loading.plus(Duration.ofDays(365));
            for (int i = 0; i < open; i++) {
                producer.send(assigned(run + "-L-" + i, yearAhead).toRecord());
            }
        }
        Duration produced = Duration.between(loading, Instant.now());
        Duration planned = reminders.awaitAssignments('L', open, loading, Duration.ofMinutes(60));
        double planRate = open * 1000.0 / Math.max(1, planned.toMillis());
        System.out.printf("load: %,d tasks produced in %s; all planned (assignment reminder visible) after %s → %,.0f "
                + "tasks/s; scheduler RSS %,d MiB%n", open, produced, planned, planRate, rss(scheduler) / 1024);

        // 2. burst and 3. steady: assigned now, due once they are all planned (estimated from the load's rate)
        Instant producing = Instant.now();
        Instant due = producing.plusMillis(10_000 + (long) ((burst + steady) * 1.5 * 1000 / planRate));
        Instant steadyFrom = due.plusSeconds(gapSeconds);
        try (var producer = producer(bootstrap)) {
            for (int i = 0; i < burst; i++) {
                producer.send(assigned(run + "-B-" + i, due).toRecord());
            }
            for (int i = 0; i < steady; i++) {
                producer.send(assigned(run + "-S-" + i, steadyFrom.plusMillis(i)).toRecord());
            }
        }
        Duration burstPlanned = reminders.awaitAssignments('B', burst, producing, Duration.ofMinutes(30));
        Duration steadyPlanned = reminders.awaitAssignments('S', steady, producing, Duration.ofMinutes(30));
        Instant allPlanned = producing.plus(burstPlanned.compareTo(steadyPlanned) > 0 ? burstPlanned : steadyPlanned);
        System.out.printf("burst and steady tasks planned %s after producing started, %s the burst instant %s%n",
                Duration.between(producing, allPlanned), allPlanned.isBefore(due) ? "before" : "AFTER (late)", due);
        reminders.awaitDue(steadyFrom.plusSeconds(steadySeconds + 600));
        Lateness burstLateness = reminders.lateness('B', i -> due.toEpochMilli());
        Lateness steadyLateness = reminders.lateness('S', i -> steadyFrom.toEpochMilli() + i);
        long rss = rss(scheduler);
        long peak = status(scheduler, "VmHWM:");
        long stateBytes = size(work.resolve("state-1"));
        reminders.finish();
        System.out.printf("burst: %s → %,.0f reminders/s%n", burstLateness.describe(),
                burstLateness.burstThroughput());
        System.out.printf("steady 1,000/s for %d s: %s%n", steadySeconds, steadyLateness.describe());
        System.out.printf("scheduler RSS %,d MiB (peak %,d MiB), state dir %,d MiB; plans in the store: %,d%n",
                rss / 1024, peak / 1024, stateBytes / (1024 * 1024), open + burst + steady);

        // 4. restarts (-Dbench.restarts=false: not this time, e.g. when comparing settings of the burst)
        if (Boolean.parseBoolean(System.getProperty("bench.restarts", "true"))) {
            stop(scheduler, bootstrap);
            restarts(jar, bootstrap, work, port, extra, open + burst + steady);
        } else {
            scheduler.destroy(); // SIGTERM; nothing more is measured, so no wait for the group to empty
            scheduler.waitFor();
        }

        // 5. db-scheduler
        if (dbThreads > 0) {
            Map<String, Lateness> db = dbScheduler(open, burst, steadySeconds, gapSeconds, dbThreads);
            Lateness dbBurst = db.get("burst");
            Lateness dbSteady = db.get("steady");
            System.out.printf("db-scheduler burst: %s → %,.0f/s%n", dbBurst.describe(), dbBurst.burstThroughput());
            System.out.printf("db-scheduler steady: %s%n", dbSteady.describe());
            System.out.printf("ratio scheduler / db-scheduler, burst throughput: %.2f×; burst p99 %,d vs %,d ms; "
                    + "steady p99 %,d vs %,d ms%n", burstLateness.burstThroughput() / dbBurst.burstThroughput(),
                    burstLateness.p99(), dbBurst.p99(), steadyLateness.p99(), dbSteady.p99());
        }
        System.out.printf("load average at end: %s%n", loadAverage());
        System.exit(0);
    }

    /** Reads {@code reminders.due} ({@code read_committed}) and notes when each bench reminder became visible. */
    private static final class ReminderLog extends Thread {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String run;
        private final Map<Character, AtomicInteger> assignments = new HashMap<>();
        private final Map<Character, long[]> visible = new HashMap<>();
        private final AtomicInteger dueSeen = new AtomicInteger();
        private final Map<Character, AtomicInteger> repeats = new HashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final int dueExpected;

        ReminderLog(String bootstrap, String run, int open, int burst, int steady) {
            super("reminder-log");
            this.run = run + "-";
            this.consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REMINDERS).stream()
                    .map(info -> new TopicPartition(Topics.REMINDERS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is produced
            for (char kind : new char[] {'L', 'B', 'S'}) {
                assignments.put(kind, new AtomicInteger());
                repeats.put(kind, new AtomicInteger());
            }
            visible.put('B', Lateness.unseen(burst));
            visible.put('S', Lateness.unseen(steady));
            dueExpected = burst + steady;
        }

        /**
         * Reads only what lateness needs: the key (task id) and two headers, never the event's JSON; that is harness
         * overhead, on the same 2 cores as the scheduler and the broker (db-scheduler's side measures in its handler).
         */
        @Override
        public void run() {
            byte[] reminderDue = EventType.REMINDER_DUE.logicalName().getBytes(StandardCharsets.UTF_8);
            byte[] prefix = run.getBytes(StandardCharsets.UTF_8);
            byte[] dueStage = "/due/1".getBytes(StandardCharsets.UTF_8); // the reminder id ends so (ReminderId)
            while (running.get()) {
                for (var record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    byte[] key = record.key();
                    var type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (key == null || key.length <= prefix.length + 2
                            || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)
                            || type == null || !Arrays.equals(type.value(), reminderDue)) {
                        continue; // not ours, or the RemindersPlanned that go with them
                    }
                    char kind = (char) key[prefix.length];
                    byte[] id = record.headers().lastHeader(CloudEventHeaders.ID).value();
                    if (Arrays.equals(id, id.length - dueStage.length, id.length, dueStage, 0, dueStage.length)) {
                        long[] times = visible.get(kind);
                        int index = index(key, prefix.length + 2);
                        synchronized (times) {
                            if (times[index] == Lateness.UNSEEN) {
                                times[index] = now;
                                dueSeen.incrementAndGet();
                            } else {
                                repeats.get(kind).incrementAndGet();
                            }
                        }
                    } else {
                        assignments.get(kind).incrementAndGet();
                    }
                }
            }
            consumer.close();
        }

        /** The decimal number at the end of a key ({@code <run>-B-<index>}). */
        private static int index(byte[] key, int from) {
            int index = 0;
            for (int i = from; i < key.length; i++) {
                index = index * 10 + (key[i] - '0');
            }
            return index;
        }

        Duration awaitAssignments(char kind, int expected, Instant since, Duration patience)
                throws InterruptedException {
            Instant giveUp = Instant.now().plus(patience);
            Instant report = Instant.now().plusSeconds(30);
            while (assignments.get(kind).get() < expected) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("only %,d of %,d %s tasks planned within %s".formatted(
                            assignments.get(kind).get(), expected, kind, patience));
                }
                if (Instant.now().isAfter(report)) {
                    System.out.printf("  … %,d of %,d %s tasks planned after %s%n", assignments.get(kind).get(),
                            expected, kind, Duration.between(since, Instant.now()));
                    report = report.plusSeconds(30);
                }
                Thread.sleep(20); // watching another process: no clock to move
            }
            return Duration.between(since, Instant.now());
        }

        void awaitDue(Instant giveUp) throws InterruptedException {
            while (dueSeen.get() < dueExpected && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
            }
        }

        Lateness lateness(char kind, IntToLongFunction due) {
            long[] times = visible.get(kind);
            synchronized (times) {
                return Lateness.of(times, due, repeats.get(kind).get());
            }
        }

        void finish() throws InterruptedException {
            running.set(false);
            join();
        }
    }

    /** Timings of one restart, from process start: first health answer (Spring up), RUNNING (state restored). */
    private record Restart(Duration answering, Duration running, long rssKiB) {

        @Override
        public String toString() {
            return "first health answer after %s, RUNNING after %s (JVM and Spring start included), RSS %,d MiB"
                    .formatted(answering, running, rssKiB / 1024);
        }
    }

    private static void restarts(Path jar, String bootstrap, Path work, int port, List<String> extra, int plans)
            throws Exception {
        Restart warm = restart(jar, bootstrap, work.resolve("state-1"), port, extra, work.resolve("scheduler-2.log"));
        System.out.printf("restart, same state dir: %s%n", warm);
        Restart fresh = restart(jar, bootstrap, work.resolve("state-3"), port, extra, work.resolve("scheduler-3.log"));
        System.out.printf("restart, empty state dir (restore %,d plans from the changelogs): %s%n", plans, fresh);
    }

    private static Restart restart(Path jar, String bootstrap, Path stateDir, int port, List<String> extra, Path log)
            throws Exception {
        Instant started = Instant.now();
        Process process = start(jar, bootstrap, stateDir, port, extra, log);
        Duration answering = waitAnswering(port, Duration.ofMinutes(3));
        waitRunning(port, Duration.ofMinutes(30));
        Duration running = Duration.between(started, Instant.now());
        long rss = rss(process);
        stop(process, bootstrap);
        return new Restart(answering, running, rss);
    }

    /** SIGTERM (Spring closes Kafka Streams cleanly, state checkpointed), then until the group has no member left. */
    private static void stop(Process process, String bootstrap) throws Exception {
        Instant stopping = Instant.now();
        process.destroy();
        process.waitFor();
        Duration stopped = Duration.between(stopping, Instant.now());
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).groupState()
                    != GroupState.EMPTY) {
                Thread.sleep(250);
            }
        }
        System.out.printf("  (stopped in %s; its member left the group %s after the stop began)%n", stopped,
                Duration.between(stopping, Instant.now()));
    }

    /** Runs {@link DbSchedulerRun} in a JVM of its own, like the scheduler-service, and reads its results. */
    private static Map<String, Lateness> dbScheduler(int open, int burst, int steadySeconds, int gapSeconds,
                                                     int threads) throws Exception {
        Process process = new ProcessBuilder(javaBin(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                DbSchedulerRun.class.getName(), Integer.toString(open), Integer.toString(burst),
                Integer.toString(steadySeconds), Integer.toString(gapSeconds), Integer.toString(threads))
                .redirectErrorStream(true).start();
        Map<String, Lateness> results = new HashMap<>();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ", 3);
                    results.put(parts[1], Lateness.decode(parts[2]));
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        if (process.waitFor() != 0 || results.size() != 2) {
            throw new IllegalStateException("db-scheduler run failed (exit " + process.exitValue() + ")");
        }
        return results;
    }

    private static Envelope<TaskAssigned> assigned(String taskId, Instant due) {
        var policy = new ReminderPolicy(List.of(Duration.ZERO), Duration.ofDays(2), Duration.ofDays(30),
                Duration.ofDays(5), false);
        var task = new TaskAssigned(taskId, "Báo cáo trước ngày 20/5/2026", List.of("U1"), List.of(), "Báo cáo",
                new Deadline(DeadlineKind.INSTANT, null, due, null), policy, null, Instant.now());
        return Envelope.of("/dondoc/task-service", task, Clock.systemUTC());
    }

    private static KafkaProducer<String, Envelope<?>> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new CloudEventSerializer());
    }

    private static Process start(Path jar, String bootstrap, Path stateDir, int port, List<String> extra, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx1g"));
        // e.g. -Dbench.scheduler.jvm=-XX:StartFlightRecording=filename=burst.jfr to profile the scheduler
        command.addAll(List.of(System.getProperty("bench.scheduler.jvm", "").split(" ")).stream()
                .filter(option -> !option.isBlank()).toList());
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--server.port=" + port,
                "--logging.level.root=warn"));
        command.addAll(extra);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Duration waitAnswering(int port, Duration patience) throws Exception {
        Instant started = Instant.now();
        waitHealth(port, patience, body -> true);
        return Duration.between(started, Instant.now());
    }

    private static void waitRunning(int port, Duration patience) throws Exception {
        waitHealth(port, patience, body -> body.contains("\"state\":\"RUNNING\""));
    }

    private static void waitHealth(int port, Duration patience, Predicate<String> until)
            throws Exception {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            try {
                if (until.test(http.send(request, HttpResponse.BodyHandlers.ofString()).body())) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // polling a separate process: no test, no clock to move
        }
        throw new IllegalStateException("scheduler not ready within " + patience);
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

    private static long rss(Process process) throws IOException {
        return status(process, "VmRSS:");
    }

    private static long status(Process process, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith(field))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static int intArg(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index].replace("_", "")) : otherwise;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
