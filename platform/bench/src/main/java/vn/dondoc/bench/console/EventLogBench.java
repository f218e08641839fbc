package vn.dondoc.bench.console;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.h2.mvstore.MVStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dondoc.console.ConsoleServiceApplication;
import vn.dondoc.events.Channel;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.NotificationFailed;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.RemindersPlanned;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReported;
import vn.dondoc.events.TaskSummary;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitRole;
import vn.dondoc.testing.EmbeddedKafka;
import vn.dondoc.testing.MongoWire;

/**
 * Issue 7's benchmark. A million realistic events (about 19 per task: assignment, plans, reminders due at
 * assignment / 3 days before / on the day, email and SMS deliveries with 2 % failed SMS, acknowledgements, reports,
 * completion; spread over the last 120 days and published in time order, as they happen) go into the embedded
 * Kafka of platform/testing first. Then, per store, the real console-service starts in-process against a fresh
 * mongo-java-server (the local stack's H2 file backend, and the in-memory backend for comparison) and reads them
 * through its own listener: ingest = events stored / time since the context was up. The H2 file is filled with a
 * larger page cache than the local stack's, then reopened exactly as the local stack opens it (see
 * {@link #measure}). With all of them stored, it
 * times sequential HTTP requests (Basic credentials, like a script): the event log's first page as JSON
 * ({@code GET /api/events}, 200 entries) and as HTML ({@code /}, 50 rows), task timelines ({@code /tasks/{id}} and
 * {@code /api/events?taskId=}) of random tasks, and a few other reads with fewer requests; each endpoint gets a
 * warm-up, then {@code requests} requests or 90 s, whichever comes first (but at least 3). To tell where ingest time
 * goes, in the same run: Kafka alone (a plain consumer reading and parsing every record) and the store's floor (what
 * one tiny document insert and one update by {@code _id} cost, with the million already stored).
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -o -q -pl services/console-service install -DskipTests
 * ./mvnw -o -q -pl platform/bench package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx8g -cp platform/bench/target/classes:$(cat platform/bench/target/cp.txt) \
 *     vn.dondoc.bench.console.EventLogBench [events=1000000] [requests=200] [stores=h2,memory] [all|main]
 * </pre>
 */
public final class EventLogBench {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<String> UNITS = List.of("NVY", "NVD", "KHTH", "TCCB", "TCKT", "QLHN", "BTXH", "DS&TE", "ATTP");
    private static final String PASSWORD = "bench";
    private static final Duration BUDGET = Duration.ofSeconds(90);
    /**
     * The H2 page cache while ingesting; 0 (the default) opens the file exactly as the local stack does (16 MB).
     * Earlier runs filled it with a 2 GB cache: {@code -Dbench.h2.fillCacheMb=2048}.
     */
    private static final int FILL_CACHE_MB = Integer.getInteger("bench.h2.fillCacheMb", 0);

    private EventLogBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<String> stores = List.of((args.length > 2 ? args[2] : "h2,memory").split(","));
        // "main": only the first pages and timelines (the other reads take the same path in both designs)
        boolean all = args.length <= 3 || !args[3].equals("main");
        System.out.printf("%,d events, %d requests per endpoint, stores %s; %d cores, max heap %d MiB%n", n, requests,
                stores, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        var kafka = EmbeddedKafka.start();
        try {
            var world = World.generate(n, new Random(42));
            produce(kafka.getBrokersAsString(), world);
            if (all) {
                kafkaCeiling(kafka.getBrokersAsString(), world.specs().size());
            }
            for (String store : stores) {
                measure(store.trim(), kafka.getBrokersAsString(), world, requests, all);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            kafka.destroy();
            System.exit(1); // the broker's and the console's threads would keep the JVM (and the bench lock) alive
        }
        kafka.destroy();
        System.exit(0);
    }

    // ---- the events ----------------------------------------------------------------------------------------------

    private enum Kind { ASSIGNED, PLANNED, DUE, EMAIL, SMS, SMS_FAILED, ACKNOWLEDGED, REPORTED, COMPLETED }

    private static final Stage[] STAGES = {Stage.ASSIGNMENT, Stage.BEFORE_DUE, Stage.DUE};

    private record Task(String id, String title, List<String> leads, List<String> coordinating, LocalDate due,
                        Instant dueAt) {
    }

    /** One event to publish: which task, what, for which of its lead units and at which stage, when. */
    private record Spec(long millis, int task, Kind kind, int unit, int stage) {
    }

    private record World(List<Task> tasks, List<Spec> specs, Map<String, Integer> perTask, Instant newest) {

        static World generate(int n, Random random) {
            Instant now = Instant.now();
            long window = Duration.ofDays(120).toMillis();
            List<Task> tasks = new ArrayList<>();
            List<Spec> specs = new ArrayList<>(n + 64);
            while (specs.size() < n) {
                int index = tasks.size();
                long t0 = now.toEpochMilli() - window + (long) (random.nextDouble() * window);
                var leads = pick(random, 1 + random.nextInt(2), List.of());
                var coordinating = pick(random, random.nextInt(3), leads);
                LocalDate due = Instant.ofEpochMilli(t0).atZone(VIETNAM).toLocalDate().plusDays(7 + random.nextInt(24));
                Instant dueAt = due.atTime(17, 0).atZone(VIETNAM).toInstant();
                tasks.add(new Task("T-%06d-%s".formatted(index, UUID.nameUUIDFromBytes(("task" + index).getBytes()).toString()
                        .substring(0, 8)), title(random, index), leads, coordinating, due, dueAt));
                List<Spec> mine = new ArrayList<>();
                mine.add(new Spec(t0, index, Kind.ASSIGNED, 0, 0));
                mine.add(new Spec(t0 + 500, index, Kind.PLANNED, 0, 0));
                long acknowledgedLast = t0;
                for (int u = 0; u < leads.size(); u++) {
                    long[] stageAt = {t0 + 1_000, dueAt.toEpochMilli() - Duration.ofDays(3).toMillis(), dueAt.toEpochMilli()};
                    for (int s = 0; s < STAGES.length; s++) {
                        mine.add(new Spec(stageAt[s], index, Kind.DUE, u, s));
                        mine.add(new Spec(stageAt[s] + 800 + random.nextInt(400), index, Kind.EMAIL, u, s));
                        if (s > 0) {
                            mine.add(new Spec(stageAt[s] + 1_300 + random.nextInt(400), index,
                                    random.nextInt(50) == 0 ? Kind.SMS_FAILED : Kind.SMS, u, s));
                        }
                    }
                    long acknowledged = t0 + Duration.ofMinutes(30 + random.nextInt(48 * 60)).toMillis();
                    acknowledgedLast = Math.max(acknowledgedLast, acknowledged);
                    mine.add(new Spec(acknowledged, index, Kind.ACKNOWLEDGED, u, 0));
                    mine.add(new Spec(dueAt.toEpochMilli() + Duration.ofMinutes(random.nextInt(3 * 24 * 60)).toMillis(),
                            index, Kind.REPORTED, u, 0));
                }
                mine.add(new Spec(acknowledgedLast + 1_000, index, Kind.PLANNED, 0, 1));
                long lastReport = mine.stream().filter(spec -> spec.kind() == Kind.REPORTED).mapToLong(Spec::millis).max().orElseThrow();
                mine.add(new Spec(lastReport + Duration.ofHours(2).toMillis(), index, Kind.COMPLETED, 0, 0));
                mine.stream().filter(spec -> spec.millis() <= now.toEpochMilli()).forEach(specs::add);
            }
            specs.sort(Comparator.comparingLong(Spec::millis));
            List<Spec> kept = List.copyOf(specs.subList(0, n));
            Map<String, Integer> perTask = new HashMap<>();
            kept.forEach(spec -> perTask.merge(tasks.get(spec.task()).id(), 1, Integer::sum));
            return new World(tasks, kept, perTask, Instant.ofEpochMilli(kept.getLast().millis()));
        }

        private static List<String> pick(Random random, int count, List<String> except) {
            List<String> chosen = new ArrayList<>();
            while (chosen.size() < count) {
                String unit = UNITS.get(random.nextInt(UNITS.size()));
                if (!chosen.contains(unit) && !except.contains(unit)) {
                    chosen.add(unit);
                }
            }
            return List.copyOf(chosen);
        }

        private static String title(Random random, int index) {
            String[] what = {"Tham mưu ban hành Kế hoạch triển khai", "Rà soát, báo cáo tình hình thực hiện",
                    "Xây dựng đề án", "Tổ chức kiểm tra", "Tổng hợp số liệu"};
            String[] about = {"chuyển đổi số y tế", "an toàn thực phẩm dịp Tết", "phòng, chống dịch sốt xuất huyết",
                    "công tác dân số và phát triển", "quản lý hành nghề y dược tư nhân"};
            return what[random.nextInt(what.length)] + " " + about[random.nextInt(about.length)] + " (nhiệm vụ " + index + ")";
        }

        List<String> sampleTasks(int count, Random random) {
            List<String> ids = new ArrayList<>(perTask.keySet());
            ids.sort(null);
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sample.add(ids.get(random.nextInt(ids.size())));
            }
            return sample;
        }

        Envelope<?> envelope(Spec spec) {
            Task task = tasks.get(spec.task());
            Instant at = Instant.ofEpochMilli(spec.millis());
            String unit = task.leads().get(spec.unit());
            Stage stage = STAGES[spec.stage()];
            String reminderId = ReminderId.of(task.id(), unit, stage, 1, stage.name());
            var deadline = new Deadline(DeadlineKind.DATE, task.due(), task.dueAt(),
                    "trước ngày " + task.due().getDayOfMonth() + "/" + task.due().getMonthValue() + "/" + task.due().getYear());
            var source = new SourceDocument("%d/TB-SYT".formatted(100 + spec.task() % 900), task.due().minusDays(30),
                    "Sở Y tế", String.valueOf(1 + spec.task() % 12));
            String address = unit.toLowerCase().replace("&", "") + "@soyte.local";
            String phone = "+8490" + (1_000_000 + Math.floorMod(unit.hashCode(), 8_000_000));
            Event event = switch (spec.kind()) {
                case ASSIGNED -> new TaskAssigned(task.id(), task.title(), task.leads(), task.coordinating(),
                        "Báo cáo kết quả gửi Sở Y tế", deadline, ReminderPolicy.defaults(), source, at);
                case PLANNED -> new RemindersPlanned(task.id(), task.leads().stream().flatMap(lead -> Stream.of(
                        new RemindersPlanned.Upcoming(ReminderId.of(task.id(), lead, Stage.BEFORE_DUE, 1, "BEFORE_DUE"), lead,
                                Stage.BEFORE_DUE, task.dueAt().minus(Duration.ofDays(3))),
                        new RemindersPlanned.Upcoming(ReminderId.of(task.id(), lead, Stage.DUE, 1, "DUE"), lead, Stage.DUE,
                                task.dueAt())))
                        .toList(), at);
                case DUE -> new ReminderDue(reminderId, task.id(), unit, UnitRole.LEAD, stage, 1, unit, at,
                        new TaskSummary(task.title(), "Báo cáo kết quả gửi Sở Y tế", task.leads(), task.coordinating(),
                                deadline, source));
                case EMAIL -> new NotificationSent(reminderId, task.id(), unit, Channel.EMAIL, address, "smtp", 1, at, false);
                case SMS -> new NotificationSent(reminderId, task.id(), unit, Channel.SMS, phone, "simulator", 1, at, false);
                case SMS_FAILED -> new NotificationFailed(reminderId, task.id(), unit, Channel.SMS, phone,
                        "Gateway trả lời 503", false, 3, at);
                case ACKNOWLEDGED -> new TaskAcknowledged(task.id(), unit, at, "link", "203.113.1.2",
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
                case REPORTED -> new TaskReported(task.id(), unit, at, "Đã hoàn thành, gửi kèm báo cáo", null, "link",
                        "203.113.1.2", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
                case COMPLETED -> new TaskCompleted(task.id(), at, !at.isAfter(task.dueAt().plus(Duration.ofDays(2))));
            };
            String source2 = switch (spec.kind()) {
                case PLANNED, DUE -> "/dondoc/scheduler-service";
                case EMAIL, SMS, SMS_FAILED -> "/dondoc/notifier-service";
                default -> "/dondoc/task-service";
            };
            var trace = UUID.nameUUIDFromBytes(task.id().getBytes()).toString().replace("-", "");
            var span = Long.toHexString(0x1000_0000_0000_0000L | spec.millis());
            return new Envelope<>(UUID.nameUUIDFromBytes((task.id() + spec).getBytes()).toString(), source2, at,
                    "00-" + trace + "-" + span + "-01", event);
        }
    }

    private static void produce(String brokers, World world) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(Topics.ALL.stream().map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all().get();
        }
        long start = System.nanoTime();
        var failure = new AtomicReference<Exception>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024), new StringSerializer(), new CloudEventSerializer())) {
            for (Spec spec : world.specs()) {
                producer.send(world.envelope(spec).toRecord(), (metadata, e) -> {
                    if (e != null) {
                        failure.set(e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("published %,d events of %,d tasks in %.1f s (%.0f/s), newest %s%n", world.specs().size(),
                world.perTask().size(), seconds, world.specs().size() / seconds, world.newest());
    }

    // ---- one store -----------------------------------------------------------------------------------------------

    /**
     * One store: ingest, then the reads. The H2 file is filled with the page cache {@link #FILL_CACHE_MB} (by default
     * as the local stack opens it), then closed and reopened exactly as the local stack opens it
     * ({@code MVStore.open(file)}) for the reads.
     */
    private static void measure(String kind, String brokers, World world, int requests, boolean all) throws Exception {
        Path folder = Files.createTempDirectory("console-bench-" + kind);
        boolean h2 = kind.equals("h2");
        String group = "console-bench-" + UUID.randomUUID();
        var store = Store.start(kind, folder, h2 ? FILL_CACHE_MB : 0);
        System.out.printf("%n== store: %s (%s)%n", kind, h2 ? folder.resolve("dondoc.mv") + (FILL_CACHE_MB == 0
                ? ", opened as the local stack opens it" : ", filled with a " + FILL_CACHE_MB + " MB page cache") : "heap");
        System.out.println("load average at start: " + loadAverage());
        ConfigurableApplicationContext console = null;
        try {
            long contextStart = System.nanoTime();
            console = console(brokers, store.uri(), group);
            long up = System.nanoTime();
            System.out.printf("console up in %.1f s%n", (up - contextStart) / 1e9);
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
                ingest(admin, group, world, up);
            }
            if (h2) {
                console.close();
                console = null;
                store.close();
                System.out.printf("H2 file after ingest: %,d MiB; reopened as the local stack opens it (16 MB cache)%n",
                        Files.size(folder.resolve("dondoc.mv")) >> 20);
                store = Store.start(kind, folder, 0);
                console = console(brokers, store.uri(), group);
            }
            try (var client = MongoClients.create(store.uri())) {
                reads(console, client, world, requests, all, h2 ? 20_000 : 200_000);
            }
            System.out.println("load average at end: " + loadAverage());
        } finally {
            if (console != null) {
                console.close();
            }
            store.close();
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Waits until the console has stored every record: its consumer group commits a batch's offsets only after the
     * batch is stored, and the topics held nothing else, so the committed offsets add up to the records stored.
     */
    private static void ingest(Admin admin, String group, World world, long up) throws Exception {
        long firstStored = 0;
        long half = 0;
        long lastReport = up;
        long count;
        while ((count = committed(admin, group)) < world.specs().size()) {
            long now = System.nanoTime();
            if (count > 0 && firstStored == 0) {
                firstStored = now;
            }
            if (count >= world.specs().size() / 2 && half == 0) {
                half = now;
            }
            if (now - lastReport > 15e9) {
                System.out.printf("  %,d stored after %.0f s (load %s)%n", count, (now - up) / 1e9, loadAverage());
                lastReport = now;
            }
            if (now - up > Duration.ofMinutes(60).toNanos()) {
                throw new IllegalStateException("not all events stored within 60 minutes: " + count);
            }
            Thread.sleep(100); // a harness waiting for the system under test, not a test
        }
        long done = System.nanoTime();
        int n = world.specs().size();
        System.out.printf("ingest: %,d events in %.1f s = %.0f events/s (from the context up; %.0f/s from the first "
                        + "stored; first half %.0f/s, second half %.0f/s)%n", n, (done - up) / 1e9, n / ((done - up) / 1e9),
                n / ((done - firstStored) / 1e9), (n / 2.0) / ((half - up) / 1e9), (n / 2.0) / ((done - half) / 1e9));
        System.out.println("load average after ingest: " + loadAverage());
    }

    private static long committed(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(java.util.Objects::nonNull).mapToLong(org.apache.kafka.clients.consumer.OffsetAndMetadata::offset).sum();
    }

    private static void reads(ConfigurableApplicationContext console, com.mongodb.client.MongoClient client, World world,
                              int requests, boolean all, int ceilingDocuments) throws Exception {
        var web = new Web(Integer.parseInt(console.getEnvironment().getProperty("local.server.port")));
        check(web, world);
        var random = new Random(7);
        var tasks = world.sampleTasks(requests, random);
        web.time("GET /api/events (first page, 200 entries)", List.of("/api/events"), requests);
        web.time("GET / (first page HTML, 50 rows)", List.of("/"), requests);
        web.time("GET /tasks/{id} (timeline HTML)", tasks.stream().map(id -> "/tasks/" + id).toList(), requests);
        web.time("GET /api/events?taskId= (timeline API)", tasks.stream().map(id -> "/api/events?taskId=" + id).toList(),
                requests);
        int few = Math.max(5, requests / 20);
        long monthAgo = world.newest().minus(Duration.ofDays(30)).toEpochMilli();
        web.time("GET /?beforeTime=(30 days back) (an older page)", List.of("/?beforeTime=" + monthAgo + "&beforeKey=~"), few);
        if (all) {
            web.time("GET /api/events?unit=NVY&limit=50", List.of("/api/events?unit=NVY&limit=50"), few);
            web.time("GET /api/events?type=task.completed&limit=50", List.of("/api/events?type=task.completed&limit=50"), few);
            web.time("GET /board", List.of("/board"), few);
            web.time("GET /failures", List.of("/failures"), few);
        }
        storeFloor(client, ceilingDocuments);
    }

    /**
     * What one document write costs on this store whatever its size: {@code n} tiny documents ({@code _id} and one
     * number) inserted 500 per {@code insertMany}, then {@code n / 10} of them updated by {@code _id} ({@code $set} of
     * one field), 500 per bulk write, into a collection of their own.
     */
    private static void storeFloor(com.mongodb.client.MongoClient client, int n) {
        var floor = client.getDatabase("dondoc-console").getCollection("floor");
        long start = System.nanoTime();
        for (int done = 0; done < n; done += 500) {
            var batch = new ArrayList<org.bson.Document>(500);
            for (int i = done; i < done + 500; i++) {
                batch.add(new org.bson.Document("_id", "floor/" + i).append("v", i));
            }
            floor.insertMany(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("store floor: %,d tiny documents inserted (insertMany of 500) in %.1f s = %.0f documents/s, %.3f ms each%n",
                n, seconds, n / seconds, seconds * 1e3 / n);
        int updates = n / 10;
        start = System.nanoTime();
        for (int done = 0; done < updates; done += 500) {
            var writes = new ArrayList<com.mongodb.client.model.WriteModel<org.bson.Document>>(500);
            for (int i = done; i < done + 500; i++) {
                writes.add(new com.mongodb.client.model.UpdateOneModel<>(com.mongodb.client.model.Filters.eq("_id", "floor/" + (i * 7 % n)),
                        com.mongodb.client.model.Updates.set("w", i)));
            }
            floor.bulkWrite(writes);
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("store floor: %,d updates by _id ($set of one field, bulk of 500) in %.1f s = %.0f updates/s, %.3f ms each%n",
                updates, seconds, updates / seconds, seconds * 1e3 / updates);
    }

    /** Kafka alone: every record read as bytes by a consumer of its own and its JSON parsed, nothing stored. */
    private static void kafkaCeiling(String brokers, int n) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.<String, Object>of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "ceiling-" + UUID.randomUUID(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(Topics.ALL);
            long start = System.nanoTime();
            int read = 0;
            while (read < n) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    EventJson.MAPPER.readTree(record.value());
                    read++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Kafka alone: %,d records read and parsed in %.1f s = %.0f records/s%n", n, seconds, n / seconds);
        }
    }

    /** The first page holds the newest events, and a timeline every event of its task. */
    private static void check(Web web, World world) throws Exception {
        List<?> first = EventJson.MAPPER.readValue(web.get("/api/events"), List.class);
        Object newest = ((Map<?, ?>) first.getLast()).get("time");
        System.out.printf("check: first page has %d entries, newest %s (published newest %s)%n", first.size(), newest,
                world.newest());
        if (first.size() != 200 || !Instant.parse(newest.toString()).equals(world.newest())) {
            throw new IllegalStateException("the first page does not end with the newest event");
        }
        for (String task : world.sampleTasks(5, new Random(3))) {
            List<?> timeline = EventJson.MAPPER.readValue(web.get("/api/events?taskId=" + task + "&limit=1000"), List.class);
            if (timeline.size() != world.perTask().get(task)) {
                throw new IllegalStateException("timeline of " + task + ": " + timeline.size() + " entries, published "
                        + world.perTask().get(task));
            }
        }
        System.out.println("check: 5 timelines complete");
    }

    private static ConfigurableApplicationContext console(String brokers, String mongoUri, String group) throws Exception {
        // the console's own application.yml, by path: other services' jars on this classpath have one too
        var yml = Files.createTempFile("console-bench", ".yml");
        var resources = ConsoleServiceApplication.class.getClassLoader().getResources("application.yml");
        while (resources.hasMoreElements()) {
            var url = resources.nextElement();
            if (url.toString().contains("console-service")) {
                try (var stream = url.openStream()) {
                    Files.write(yml, stream.readAllBytes());
                }
            }
        }
        if (Files.size(yml) == 0) {
            throw new IllegalStateException("console-service's application.yml is not on the classpath");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.config.location", "file:" + yml);
        properties.put("spring.kafka.bootstrap-servers", brokers);
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("spring.kafka.consumer.group-id", group);
        properties.put("dondoc.admin.password", PASSWORD);
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(ConsoleServiceApplication.class)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    /** mongo-java-server as the local stack starts it (platform/devstack's Mongo), or in memory. */
    private record Store(MongoServer server, AbstractMongoBackend backend, String uri) {

        /** With {@code cacheMb} 0 the H2 file is opened exactly as platform/devstack opens it. */
        static Store start(String kind, Path folder, int cacheMb) {
            String file = folder.resolve("dondoc.mv").toString();
            AbstractMongoBackend backend = switch (kind) {
                case "h2" -> new H2Backend(cacheMb == 0 ? MVStore.open(file)
                        : new MVStore.Builder().fileName(file).cacheSize(cacheMb).open()) {
                    @Override
                    public Document handleCommand(io.netty.channel.Channel channel, String database, String command, Document query) {
                        return MongoWire.handle(command, query, (name, doc) -> super.handleCommand(channel, database, name, doc));
                    }
                };
                case "memory" -> new MemoryBackend() {
                    @Override
                    public Document handleCommand(io.netty.channel.Channel channel, String database, String command, Document query) {
                        return MongoWire.handle(command, query, (name, doc) -> super.handleCommand(channel, database, name, doc));
                    }
                };
                default -> throw new IllegalArgumentException("store h2 or memory, not " + kind);
            };
            // as platform/devstack and platform/testing run it
            backend.enableOplog();
            var server = new MongoServer(backend);
            var address = server.bind();
            return new Store(server, backend, "mongodb://127.0.0.1:" + address.getPort());
        }

        void close() {
            server.shutdownNow();
            backend.close();
        }
    }

    /** Sequential GETs with the admin's Basic credentials. */
    private static final class Web {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;
        private final String authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        Web(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        String get(String path) throws Exception {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        void time(String label, List<String> paths, int requests) throws Exception {
            int warmUp = Math.max(2, Math.min(20, requests / 10));
            long budgetEnd = System.nanoTime() + BUDGET.toNanos();
            for (int i = 0; i < warmUp && System.nanoTime() < budgetEnd; i++) {
                long start = System.nanoTime();
                get(paths.get(i % paths.size()));
                if (System.nanoTime() - start > 5e9) {
                    break; // a scan: one is warm enough
                }
            }
            List<Double> millis = new ArrayList<>();
            long bytes = 0;
            budgetEnd = System.nanoTime() + BUDGET.toNanos();
            // at least 3 measured requests, however slow they are
            for (int i = 0; i < requests && (i < 3 || System.nanoTime() < budgetEnd); i++) {
                long start = System.nanoTime();
                bytes += get(paths.get(i % paths.size())).length();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            millis.sort(null);
            System.out.printf("%-52s n=%3d  median %8.1f ms  p99 %8.1f ms  max %8.1f ms  (%,d chars/response)%n", label,
                    millis.size(), percentile(millis, 0.5), percentile(millis, 0.99), millis.getLast(), bytes / millis.size());
        }

        private static double percentile(List<Double> sorted, double p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1));
        }
    }
}
