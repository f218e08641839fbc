package vn.dondoc.bench.tasks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import vn.dondoc.events.CloudEventHeaders;
import vn.dondoc.events.Topics;
import vn.dondoc.task.TaskServiceApplication;
import vn.dondoc.testing.Infrastructure;

/**
 * Issue 3's figures: task creation through the API (requests/s, p50/p99) with the outbox lag (from the moment a task
 * is recorded to its TaskAssigned arriving on {@code tasks.events}), then the import of a 2,000-row plan table.
 * The task service runs in-process against the embedded infrastructure the tests use (KRaft broker,
 * mongo-java-server in memory); the clients are virtual threads on the same 2 cores, so the figures are a floor.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -o -q -pl platform/bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp platform/bench/target/classes:$(cat platform/bench/target/cp.txt) vn.dondoc.bench.tasks.TaskCreationBench [tasks] [clients]
 * </pre>
 */
public final class TaskCreationBench {

    private static final String PASSWORD = "bench";
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static final LocalDate DUE = LocalDate.now().plusDays(30);

    private TaskCreationBench() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // "16" = 16 closed-loop clients (each sends its next request when the last is answered);
        // "1000/s" = open loop: one request every millisecond whatever the answers, latency from the planned send
        Load load = Load.parse(args.length > 1 ? args[1] : "32");
        var infrastructure = Infrastructure.shared();
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties());
        properties.put("spring.mongodb.database", "bench-tasks");
        properties.put("server.port", "0");
        properties.put("dondoc.admin.password", PASSWORD);
        properties.put("logging.level.root", "WARN");
        var linkKey = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        properties.put("dondoc.links.public-key", "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(linkKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        // -Dservice.x.y=v sets the service's property x.y for one run (to compare settings in the same conditions)
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("service."))
                .forEach(name -> properties.put(name.substring("service.".length()), System.getProperty(name)));
        // as command-line arguments: they outrank application.yml (builder properties would only be defaults)
        var context = new SpringApplicationBuilder(TaskServiceApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var api = new Api("http://localhost:" + port);

        api.post("/api/units", "{\"code\":\"NVY\",\"name\":\"Phòng Nghiệp vụ Y\",\"emails\":[\"nvy@soyte.local\"]}");
        var lag = new OutboxLag(infrastructure.kafkaBootstrapServers());
        lag.start();

        // First closed loop (an open loop into a cold JIT only measures the queue it builds), then the measured load
        // itself, so that the run starts in its steady state: with 2,000 closed-loop requests and nothing else, an open
        // loop at 1,000/s spent its first 10-20 s working off the queue of its start (measured, 2026-11-25).
        System.out.printf("warm-up: %d tasks with 8 clients, then %d with %s%n", tasks / 20, tasks / 10, load);
        new Load(8, 0).create(port, tasks / 20);
        load.create(port, tasks / 10);
        lag.reset();

        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long[] gcStart = collections();
        long start = System.nanoTime();
        long[] latencies = load.create(port, tasks);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerTask = (os.getProcessCpuTime() - cpuStart) / 1e6 / tasks;
        long[] gcEnd = collections();
        lag.awaitAtLeast(tasks, Duration.ofMinutes(5));
        if (load.perSecond() > 0) {
            stalls(latencies, load.perSecond());
        }
        Arrays.sort(latencies);
        System.out.printf("created %,d tasks with %s in %.1f s: %.0f tasks/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                tasks, load, seconds, tasks / seconds, ms(percentile(latencies, 50)), ms(percentile(latencies, 99)),
                ms(latencies[latencies.length - 1]));
        // CPU of this whole JVM (service, broker, MongoDB-wire server, clients) per creation: steadier than the rate
        // when other processes share the cores, and 2 cores / this is the rate the machine could reach alone
        System.out.printf("CPU per creation (whole JVM): %.2f ms, so at most %.0f tasks/s on %d cores%n", cpuPerTask,
                Runtime.getRuntime().availableProcessors() * 1000 / cpuPerTask, Runtime.getRuntime().availableProcessors());
        System.out.printf("garbage collections while creating: %d, %d ms in all%n", gcEnd[0] - gcStart[0],
                gcEnd[1] - gcStart[1]);
        long[] lags = lag.sorted();
        System.out.printf("outbox lag over %,d TaskAssigned: p50 %d ms, p99 %d ms, max %d ms; published %.0f events/s "
                        + "(first to last arrival)%n", lags.length, percentile(lags, 50), percentile(lags, 99),
                lags[lags.length - 1], lag.rate());

        if (Boolean.parseBoolean(System.getProperty("bench.import", "true"))) {
            importPlanTable(api, 2_000);
        }
        lag.stop();
        context.close();
        infrastructure.stop();
        System.exit(0);
    }

    /** How requests are sent: by a fixed number of closed-loop clients, or at a fixed rate (open loop). */
    private record Load(int clients, int perSecond) {

        static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);

        static Load parse(String text) {
            return text.endsWith("/s") ? new Load(0, Integer.parseInt(text.substring(0, text.length() - 2)))
                    : new Load(Integer.parseInt(text), 0);
        }

        long[] create(int port, int count) throws Exception {
            try (var client = new KeepAliveClient(port, AUTHORIZATION, clients > 0 ? clients : CONNECTIONS)) {
                return clients > 0 ? closedLoop(client, count) : openLoop(client, count);
            }
        }

        private long[] closedLoop(KeepAliveClient client, int count) throws Exception {
            var next = new AtomicInteger();
            var latencies = new ConcurrentLinkedQueue<Long>();
            var running = new ArrayList<java.util.concurrent.Future<?>>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    running.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            long t = System.nanoTime();
                            createOne(client, i);
                            latencies.add(System.nanoTime() - t);
                        }
                        return null;
                    }));
                }
                for (var loop : running) {
                    loop.get(); // a refused or failed request ends the run: every figure counts answered creations
                }
            }
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }

        /**
         * Request i is due at start + i / rate and sent then on a virtual thread of its own, whether or not earlier
         * ones were answered; its latency counts from when it was due, so a stall is charged to every request it
         * delayed (no coordinated omission) and a service slower than the rate shows as ever-growing latency. At most
         * {@link #CONNECTIONS} requests are in flight (as many keep-alive connections, like wrk2's): a request due
         * while all are busy waits for one, and that wait is part of its latency.
         */
        private long[] openLoop(KeepAliveClient client, int count) throws Exception {
            long[] latencies = new long[count];
            var sent = new ArrayList<java.util.concurrent.Future<?>>(count);
            long interval = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < count; i++) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    int n = i;
                    sent.add(pool.submit(() -> {
                        createOne(client, n);
                        latencies[n] = System.nanoTime() - due;
                    }));
                }
                for (var request : sent) {
                    request.get(); // a refused or failed request ends the run
                }
            }
            return latencies;
        }

        private static void createOne(KeepAliveClient client, int i) {
            client.post("/api/tasks", "{\"title\":\"Báo cáo tiến độ triển khai bệnh án điện tử " + i
                    + "\",\"leadUnits\":[\"NVY\"],\"deadline\":{\"date\":\"" + DUE + "\"}}");
        }

        @Override
        public String toString() {
            return clients > 0 ? clients + " clients" : "an open loop at " + perSecond + "/s";
        }
    }

    private static void importPlanTable(Api api, int rows) {
        var tsv = new StringBuilder("TT\tTên nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tKết quả đầu ra\tThời gian thực hiện\n");
        tsv.append("I. Nhiệm vụ thử tải\t\t\t\t\t\n");
        String[] times = {"Quý IV/2027", "Trong năm 2027", "Thường xuyên", "trước ngày 30/6/2027", "Hằng năm"};
        for (int i = 1; i <= rows; i++) {
            tsv.append(i).append("\tTriển khai nhiệm vụ số ").append(i).append(" của kế hoạch\tPhòng NVY\t\tBáo cáo\t")
                    .append(times[i % times.length]).append('\n');
        }
        long start = System.nanoTime();
        String draft = api.upload("/api/imports", "ke-hoach.tsv", tsv.toString().getBytes(StandardCharsets.UTF_8));
        double drafted = ms(System.nanoTime() - start);
        String id = draft.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        start = System.nanoTime();
        api.post("/api/imports/" + id + "/confirm", "{}");
        double confirmed = ms(System.nanoTime() - start);
        System.out.printf("import of a %,d-row plan table: draft %.0f ms, confirm (assigns %,d tasks) %.0f ms%n", rows,
                drafted, rows, confirmed);
    }

    /** When, in an open loop (request i is due at i / rate), the requests slower than 100 ms were due: second by second. */
    private static void stalls(long[] latencies, int perSecond) {
        var slowBySecond = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] > 100_000_000L) {
                slowBySecond.merge(i / perSecond, 1, Integer::sum);
            }
        }
        System.out.printf("requests slower than 100 ms, by the second they were due in: %s%n", slowBySecond);
    }

    /** Count and accumulated time (ms) of every collector's collections so far. */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Time from an event's {@code ce_time} (when the task was recorded) to its arrival here. */
    private static final class OutboxLag {
        // only the ce_time header is read: parsing every event would add the lag reader's own work to the CPU that
        // the service shares with it
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicBoolean counting = new AtomicBoolean(true);
        private volatile long firstArrival;
        private volatile long lastArrival;
        private Thread thread;

        OutboxLag(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        void start() {
            consumer.subscribe(List.of(Topics.TASKS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            thread = Thread.ofPlatform().name("outbox-lag").start(() -> {
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        var time = record.headers().lastHeader(CloudEventHeaders.TIME);
                        if (counting.get() && record.value() != null && time != null) {
                            lags.add(Instant.now().toEpochMilli()
                                    - Instant.parse(new String(time.value(), StandardCharsets.UTF_8)).toEpochMilli());
                            lastArrival = System.nanoTime();
                            if (firstArrival == 0) {
                                firstArrival = lastArrival;
                            }
                        }
                    }
                }
                consumer.close();
            });
        }

        void reset() {
            lags.clear();
            firstArrival = 0;
        }

        /** Events per second between the first and the last arrival counted. */
        double rate() {
            return lags.size() / ((lastArrival - firstArrival) / 1e9);
        }

        void awaitAtLeast(int count, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (lags.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            counting.set(false);
        }

        long[] sorted() {
            long[] values = lags.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(values);
            return values;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    /** A minimal admin API client: Basic credentials, keep-alive connections. */
    private record Api(String base, HttpClient http) {

        Api(String base) {
            this(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }

        String post(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(json)));
        }

        String upload(String path, String filename, byte[] content) {
            String boundary = "dondoc" + UUID.randomUUID();
            var body = new ArrayList<byte[]>();
            body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: text/tab-separated-values\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.add(content);
            body.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(BodyPublishers.ofByteArrays(body)));
        }

        private String send(HttpRequest.Builder request) {
            try {
                var response = http.send(request.header("Authorization", AUTHORIZATION).build(), BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                return response.body();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
