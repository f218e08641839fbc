package vn.dondoc.bench.notifier;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import vn.dondoc.events.CloudEventDeserializer;
import vn.dondoc.events.CloudEventHeaders;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.EventType;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskSummary;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitRegistered;
import vn.dondoc.events.UnitRole;
import vn.dondoc.notifier.NotifierServiceApplication;
import vn.dondoc.testing.Infrastructure;

/**
 * Issue 5's benchmark: N {@code ReminderDue} (default 10,000) published at once → emails accepted by a local SMTP
 * server (GreenMail of the embedded infrastructure), through the real notifier in-process with deduplication
 * (MongoDB claims) and outcome events on. Throughput = N / (last {@code NotificationSent.sentAt} − first publish);
 * latency per reminder = its {@code sentAt} (taken right after the server's 250) − its record's publish time, so
 * in a burst it includes the wait in the topic. The ceiling is a bare Jakarta Mail sender, with as many kept
 * connections as the notifier uses, building and sending the very subject, text and HTML of one of the
 * notifier's emails (multipart/alternative, like the notifier's) to the same server in the same run, between
 * the notifier's warm-up and its measured run and again right after it; the ratio is taken against the higher.
 * Both sides' CPU time per email (of this whole JVM) is printed too: on a shared machine it moves less than the
 * throughput, and the run is CPU-bound, so its quotient is what the ratio tends to in a quiet minute.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -o -q -pl services/notifier-service install -DskipTests
 * ./mvnw -o -q -pl platform/bench package -DskipTests
 * ./mvnw -o -q -pl platform/bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp platform/bench/target/classes:$(cat platform/bench/target/cp.txt) vn.dondoc.bench.notifier.NotifierBench [n] [connections] [consumers]
 * </pre>
 */
public final class NotifierBench {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int WARM_UP = 2_000;
    private static final AtomicBoolean DESCRIBED = new AtomicBoolean();

    private NotifierBench() {
    }

    public static void main(String[] args) {
        try {
            bench(args);
        } catch (Throwable failed) {
            // the embedded infrastructure's threads would keep the JVM (and the benchmark lock) alive
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void bench(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int consumers = args.length > 2 ? Integer.parseInt(args[2]) : 3; // the notifier's default, one per partition
        // The notifier names Jakarta Mail's StreamProvider itself (see its EmailCourier); named here before
        // anything starts, so that GreenMail (in this JVM) and the bare sender do not scan this class path of
        // ~250 jars for it several times per message either. Without it both were measured at less than half speed.
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        var infrastructure = Infrastructure.shared();
        System.out.printf("%d reminders, %d kept SMTP connections (notifier: %d consumers, %d delivery lanes), %d cores%n",
                n, connections, consumers, connections, Runtime.getRuntime().availableProcessors());

        // as command-line arguments: they must win over the ${…:localhost} defaults of application.yml
        var app = new SpringApplicationBuilder(NotifierServiceApplication.class).web(WebApplicationType.NONE)
                .run(notifierProperties(infrastructure, connections, consumers).entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
        try (var producer = producer(infrastructure); var sent = new SentLog(infrastructure)) {
            var unit = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            var address = unit.toLowerCase() + "@soyte.local";
            producer.send(serialized(Envelope.of("/dondoc/task-service", new UnitRegistered(unit,
                    "Phòng đo hiệu năng " + unit, List.of(), "SYT", "BGD", List.of(address), List.of(), true), CLOCK)))
                    .get();
            run("warm-up", producer, sent, unit, Math.min(n, WARM_UP));

            // the ceiling sends what the notifier sent: the same subject, text and HTML, as multipart/alternative
            var first = infrastructure.mailbox().messagesTo(address).getFirst();
            var sample = Sample.of(first);
            // both sides must write the same MIME: same parts, same transfer encodings
            System.out.printf("notifier's email: %s%n", structure(first));
            var ceilingWarmup = ceiling(infrastructure, sample, Math.min(n, WARM_UP), connections);
            var ceilingBefore = ceiling(infrastructure, sample, n, connections);

            var result = run("measured", producer, sent, unit, n);
            // measured again right after: other work on a shared machine moves both figures, and the ratio is
            // taken against the higher of the two, never the lower
            var ceilingAfter = ceiling(infrastructure, sample, n, connections);
            var ceiling = Math.max(ceilingBefore[0], ceilingAfter[0]);
            var ceilingCpu = (ceilingBefore[1] + ceilingAfter[1]) / 2;
            System.out.printf("ceiling (bare Jakarta Mail, %d connections, %d-byte messages): %.0f messages/s "
                    + "(before the notifier's run %.0f/s, after it %.0f/s; warm-up %.0f/s); CPU per message %.3f ms "
                    + "(before %.3f, after %.3f)%n", connections, sample.size(), ceiling, ceilingBefore[0],
                    ceilingAfter[0], ceilingWarmup[0], ceilingCpu, ceilingBefore[1], ceilingAfter[1]);
            System.out.printf("notifier: %.0f emails/s = %.2f of the ceiling; latency record → 250: p50 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms; CPU per email %.3f ms = %.2f× the ceiling's (its inverse %.2f)%n",
                    result[0], result[0] / ceiling, result[1], result[2], result[3], result[4], result[4] / ceilingCpu,
                    ceilingCpu / result[4]);
        } finally {
            app.close();
            infrastructure.stop();
        }
    }

    private static double[] run(String label, KafkaProducer<String, byte[]> producer, SentLog sent, String unit,
                                int n) throws Exception {
        Map<String, Long> published = new HashMap<>();
        Map<String, ProducerRecord<String, byte[]>> reminders = new LinkedHashMap<>(n);
        for (int i = 0; i < n; i++) {
            var reminder = reminder(unit);
            reminders.put(reminder.data().reminderId(), serialized(reminder)); // the harness's work, done before
        }
        var cpu = cpuNanos();
        var start = System.currentTimeMillis();
        for (var reminder : reminders.entrySet()) {
            published.put(reminder.getKey(), System.currentTimeMillis());
            producer.send(reminder.getValue());
        }
        producer.flush();
        var deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!sent.all(published.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50); // a harness waiting for the system under test, not a test
        }
        if (!sent.all(published.keySet())) {
            throw new IllegalStateException(label + ": not every reminder was sent within 10 minutes");
        }
        var cpuPerEmail = (cpuNanos() - cpu) / 1e6 / n;
        double[] latencies = published.entrySet().stream()
                .mapToDouble(e -> sent.at(e.getKey()).toEpochMilli() - e.getValue()).sorted().toArray();
        var last = published.keySet().stream().mapToLong(id -> sent.at(id).toEpochMilli()).max().orElseThrow();
        var rate = n * 1000.0 / Math.max(1, last - start);
        System.out.printf("%s: %d emails in %d ms = %.0f/s, %.3f ms of CPU per email%n", label, n, last - start, rate,
                cpuPerEmail);
        return new double[] {rate, percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[latencies.length - 1],
                cpuPerEmail};
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private static Envelope<ReminderDue> reminder(String unit) {
        var taskId = UUID.randomUUID().toString();
        var due = LocalDate.now(HANOI).plusDays(3);
        var reminderId = ReminderId.of(taskId, unit, Stage.BEFORE_DUE, 1, Duration.ofDays(3));
        var task = new TaskSummary("Tham mưu ban hành Kế hoạch triển khai chuyển đổi số y tế " + taskId.substring(0, 6),
                "Kế hoạch", List.of(unit), List.of("KHTC"),
                new Deadline(DeadlineKind.DATE, due, due.atTime(17, 0).atZone(HANOI).toInstant(), null),
                new SourceDocument("123/TB-UBND", LocalDate.of(2024, 3, 5), "UBND tỉnh", "9.1"));
        var reminder = new ReminderDue(reminderId, taskId, unit, UnitRole.LEAD, Stage.BEFORE_DUE, 1, unit,
                Instant.now(CLOCK), task);
        return new Envelope<>(reminderId, "/dondoc/scheduler-service", Instant.now(CLOCK), null, reminder);
    }

    /** Each part's content type and transfer encoding, e.g. {@code multipart/alternative[text/plain qp, …]}. */
    private static String structure(jakarta.mail.Part part) throws Exception {
        var type = part.getContentType().replaceAll("\\s+", " ").replaceAll(";? ?boundary=.*", "");
        if (part.isMimeType("multipart/*")) {
            var multipart = (jakarta.mail.Multipart) part.getContent();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                parts.add(structure(multipart.getBodyPart(i)));
            }
            return type + parts;
        }
        var encoding = part instanceof MimeBodyPart body ? body.getEncoding()
                : part instanceof MimeMessage message ? message.getEncoding() : null;
        return type + " " + encoding;
    }

    /** Messages/s of a bare sender: one kept connection per thread, each message built like the notifier's. */
    private static double[] ceiling(Infrastructure infrastructure, Sample sample, int n, int connections)
            throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", infrastructure.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(infrastructure.smtpPort()));
        var session = Session.getInstance(properties);
        var from = new InternetAddress("Đôn đốc <dondoc@localhost>", true);
        var to = new InternetAddress("ceiling@soyte.local");
        var cpu = cpuNanos();
        var start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(connections)) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int share = n / connections + (c < n % connections ? 1 : 0);
                done.add(pool.submit(() -> {
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        for (int i = 0; i < share; i++) {
                            var message = new MimeMessage(session);
                            message.setFrom(from);
                            message.setRecipient(Message.RecipientType.TO, to);
                            message.setSubject(sample.subject() + " " + i, "UTF-8");
                            var plain = new MimeBodyPart();
                            plain.setText(sample.text(), "UTF-8");
                            var rich = new MimeBodyPart();
                            rich.setText(sample.html(), "UTF-8", "html");
                            var alternative = new MimeMultipart("alternative");
                            alternative.addBodyPart(plain);
                            alternative.addBodyPart(rich);
                            message.setContent(alternative);
                            message.setHeader("X-Dondoc-Reminder-Id", UUID.randomUUID().toString());
                            message.saveChanges();
                            transport.sendMessage(message, message.getAllRecipients());
                            if (i == 0 && DESCRIBED.compareAndSet(false, true)) {
                                System.out.printf("ceiling's email: %s%n", structure(message));
                            }
                        }
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
        }
        return new double[] {n / ((System.nanoTime() - start) / 1e9), (cpuNanos() - cpu) / 1e6 / n};
    }

    /**
     * CPU used by this whole JVM (notifier, embedded infrastructure, harness): per email, a measure of the work
     * that other agents' load on the machine changes much less than the throughput.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** What a reminder email of the notifier says, taken from one it sent. */
    private record Sample(String subject, String text, String html, int size) {

        static Sample of(MimeMessage sent) throws Exception {
            var bytes = new java.io.ByteArrayOutputStream();
            sent.writeTo(bytes);
            return new Sample(sent.getSubject(), part(sent, "text/plain"), part(sent, "text/html"), bytes.size());
        }

        private static String part(jakarta.mail.Part part, String type) throws Exception {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                var multipart = (jakarta.mail.Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    var found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }

    private static Map<String, Object> notifierProperties(Infrastructure infrastructure, int connections,
                                                          int consumers) throws IOException {
        // the notifier's own application.yml, by path: other services' jars on this classpath have one too
        var yml = Files.createTempFile("notifier-bench", ".yml");
        var resources = NotifierServiceApplication.class.getClassLoader().getResources("application.yml");
        while (resources.hasMoreElements()) {
            var url = resources.nextElement();
            if (url.toString().contains("notifier-service")) {
                try (var stream = url.openStream()) {
                    Files.write(yml, stream.readAllBytes());
                }
            }
        }
        if (Files.size(yml) == 0) {
            throw new IllegalStateException("notifier-service's application.yml is not on the classpath");
        }
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties());
        properties.put("spring.config.location", "file:" + yml);
        properties.put("spring.mongodb.database", "bench-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("spring.kafka.consumer.group-id", "notifier-bench-" + UUID.randomUUID());
        properties.put("dondoc.mail.connections", String.valueOf(connections));
        properties.put("dondoc.notify.consumers", String.valueOf(consumers));
        properties.put("dondoc.admin.password", "bench");
        properties.put("logging.level.root", "WARN");
        return properties;
    }

    /** Publishes records serialized beforehand, so that the harness spends little CPU during a measured run. */
    private static KafkaProducer<String, byte[]> producer(Infrastructure infrastructure) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    /** The record the services' producers would send: CloudEvents headers and the event's JSON. */
    private static ProducerRecord<String, byte[]> serialized(Envelope<?> envelope) {
        var record = envelope.toRecord();
        var headers = new RecordHeaders();
        var value = new CloudEventSerializer().serialize(record.topic(), headers, envelope);
        return new ProducerRecord<>(record.topic(), null, record.key(), value, headers);
    }

    /**
     * Every NotificationSent on the notifications topic, by reminder id, read on a thread of its own. Only the
     * two fields wanted are picked out of the JSON (the whole event is read only if that fails): the harness's
     * reading competes with the notifier for the CPU.
     */
    private static final class SentLog implements AutoCloseable {

        /** As written in the events: parsed only when asked, after the run. */
        private final Map<String, String> sentAt = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread reader;

        SentLog(Infrastructure infrastructure) {
            var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    // fewer, fuller fetches; sentAt is read from the event, so waiting for them changes no figure
                    ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.NOTIFICATIONS));
            var sentType = EventType.NOTIFICATION_SENT.logicalName().getBytes(StandardCharsets.UTF_8);
            var events = new CloudEventDeserializer();
            reader = Thread.ofPlatform().name("sent-log").start(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (var record : consumer.poll(Duration.ofMillis(100))) {
                            var type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                            if (record.value() == null || type == null || !Arrays.equals(type.value(), sentType)) {
                                continue;
                            }
                            var json = new String(record.value(), StandardCharsets.UTF_8);
                            var reminderId = field(json, "reminderId");
                            var at = field(json, "sentAt");
                            if (reminderId != null && at != null) {
                                sentAt.putIfAbsent(reminderId, at);
                            } else if (events.deserialize(record.topic(), record.headers(), record.value()).data()
                                    instanceof NotificationSent sent) {
                                sentAt.putIfAbsent(sent.reminderId(), sent.sentAt().toString());
                            }
                        }
                    }
                }
            });
        }

        /** A string field of flat JSON as Jackson writes it, or null. */
        private static String field(String json, String name) {
            var key = "\"" + name + "\":\"";
            var from = json.indexOf(key);
            if (from < 0) {
                return null;
            }
            from += key.length();
            var to = json.indexOf('"', from);
            var value = to < 0 ? null : json.substring(from, to);
            return value == null || value.indexOf('\\') >= 0 ? null : value;
        }

        boolean all(java.util.Set<String> ids) {
            return sentAt.keySet().containsAll(ids);
        }

        Instant at(String id) {
            return Instant.parse(sentAt.get(id));
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            reader.join();
        }
    }

}
