package vn.dondoc.console.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dondoc.events.Channel;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Event;
import vn.dondoc.events.NotificationSent;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.ReminderId;
import vn.dondoc.events.Stage;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskSummary;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitRole;
import vn.dondoc.console.ConsoleTest;
import vn.dondoc.console.StoredEntries;
import vn.dondoc.testing.Infrastructure;

@ConsoleTest
class EventLogTests {

    static final String PASSWORD = ConsoleTest.PASSWORD;
    private static final String SOURCE = "/dondoc/task-service";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;
    @Autowired
    EventLogListener listener;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void logsEveryTopicOfATaskOldestFirst() throws Exception {
        String taskId = newTaskId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var assigned = envelope(assigned(taskId, List.of("NVY", "NVD")), t0);
        var due = envelope(reminderDue(taskId, "NVY"), t0.plusSeconds(1));
        var sent = envelope(sent(taskId, "NVY"), t0.plusSeconds(2));
        var acknowledged = envelope(new TaskAcknowledged(taskId, "NVY", t0.plusSeconds(3), "link", "203.113.1.2", "Mozilla/5.0"),
                t0.plusSeconds(3));
        // published out of order, across three topics
        publish(acknowledged, sent, assigned, due);

        await().atMost(PATIENCE).until(() -> events("taskId=" + taskId).size() == 4);
        List<JsonNode> entries = events("taskId=" + taskId);

        assertThat(entries).extracting(entry -> entry.get("type").asString())
                .containsExactly("task.assigned", "reminder.due", "notification.sent", "task.acknowledged");
        assertThat(entries).extracting(entry -> entry.get("id").asString())
                .containsExactly(assigned.id(), due.id(), sent.id(), acknowledged.id());
        assertThat(entries).extracting(entry -> entry.get("topic").asString())
                .containsExactly(Topics.TASKS, Topics.REMINDERS, Topics.NOTIFICATIONS, Topics.TASKS);
        JsonNode first = entries.getFirst();
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "type", "time", "taskId", "unit", "topic", "data");
        assertThat(first.get("time").asString()).isEqualTo(t0.toString());
        assertThat(first.get("taskId").asString()).isEqualTo(taskId);
        assertThat(first.get("unit").asString()).isEqualTo("NVY,NVD");
        assertThat(first.get("data").get("title").asString()).isEqualTo("Tham mưu ban hành Kế hoạch");
        assertThat(first.get("data").get("leadUnits").get(1).asString()).isEqualTo("NVD");
        assertThat(entries.get(1).get("unit").asString()).isEqualTo("NVY");

        assertThat(events("taskId=" + taskId + "&type=reminder.due")).extracting(entry -> entry.get("id").asString())
                .containsExactly(due.id());
        assertThat(events("taskId=" + taskId + "&unit=NVD")).extracting(entry -> entry.get("id").asString())
                .containsExactly(assigned.id());
        assertThat(events("taskId=" + taskId + "&after=" + encode(t0.plusSeconds(1).toString())))
                .extracting(entry -> entry.get("id").asString())
                .containsExactly(sent.id(), acknowledged.id());
        assertThat(events("taskId=" + taskId + "&limit=2")).extracting(entry -> entry.get("id").asString())
                .as("the latest two, oldest first")
                .containsExactly(sent.id(), acknowledged.id());
    }

    @Test
    void storesARedeliveredRecordOnce() throws Exception {
        String taskId = newTaskId();
        var envelope = envelope(assigned(taskId, List.of("NVY")), Instant.now());
        var headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(Topics.TASKS, headers, envelope);
        long offset = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50); // far beyond the real records
        var record = new ConsumerRecord<>(Topics.TASKS, 0, offset, envelope.time().toEpochMilli(),
                TimestampType.CREATE_TIME, taskId.length(), value.length, taskId, value, headers, Optional.empty());

        listener.ingest(List.of(record));
        listener.ingest(List.of(record));

        assertThat(events("taskId=" + taskId)).extracting(entry -> entry.get("id").asString())
                .containsExactly(envelope.id());
        assertThat(StoredEntries.ofTask(mongo, taskId)).hasSize(1);
    }

    @Test
    void logsDeadLettersNobodyCanRead() throws Exception {
        String taskId = newTaskId();
        byte[] garbage = ("{không phải JSON " + taskId).getBytes(StandardCharsets.UTF_8);
        var record = new ProducerRecord<String, byte[]>(Topics.DEAD_LETTERS, taskId, garbage);
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.TASKS.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(42).array());
        record.headers().add("ce_subject", taskId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("binary", new byte[] {(byte) 0xff, 0x00, (byte) 0xfe});
        try (var producer = rawProducer()) {
            producer.send(record).get();
        }

        await().atMost(PATIENCE).until(() -> events("taskId=" + taskId).size() == 1);
        JsonNode entry = events("taskId=" + taskId).getFirst();
        assertThat(entry.get("type").asString()).isEqualTo("dead-letter");
        assertThat(entry.get("topic").asString()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(entry.get("id").asString()).matches("dead-letters/\\d+/\\d+");
        assertThat(entry.get("data").asString()).isEqualTo(new String(garbage, StandardCharsets.UTF_8));
        assertThat(events("type=dead-letter&limit=1000")).extracting(e -> e.get("id").asString()).contains(entry.get("id").asString());

        Document stored = StoredEntries.ofTask(mongo, taskId).getFirst();
        assertThat(stored.getList("headers", Document.class)).extracting(h -> h.getString("name") + "=" + h.getString("value"))
                .contains(KafkaHeaders.DLT_ORIGINAL_TOPIC + "=" + Topics.TASKS, KafkaHeaders.DLT_ORIGINAL_OFFSET + "=42",
                        "binary=base64:" + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 0x00, (byte) 0xfe}));
        assertThat(stored.get("raw", org.bson.types.Binary.class).getData()).isEqualTo(garbage);
    }

    @Test
    void streamsEventsOnceTheyAreStored() throws Exception {
        String taskId = newTaskId();
        var request = authorized("/api/events/stream?taskId=" + taskId).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        var lines = new ConcurrentLinkedQueue<String>();
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                // the test closed the stream
            }
        });
        try {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            await().atMost(PATIENCE).until(() -> lines.contains(":connected"));

            publish(envelope(sent(newTaskId(), "NVY"), Instant.now())); // another task: filtered out
            var sent = envelope(sent(taskId, "NVY"), Instant.now());
            publish(sent);

            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(taskId)));
            assertThat(lines).contains("event:notification.sent", "id:" + sent.id());
            JsonNode data = lines.stream().filter(line -> line.startsWith("data:")).map(line -> JSON.readTree(line.substring(5)))
                    .filter(node -> taskId.equals(node.get("taskId").asString())).findFirst().orElseThrow();
            assertThat(data.get("id").asString()).isEqualTo(sent.id());
            assertThat(data.get("type").asString()).isEqualTo("notification.sent");
            assertThat(data.get("data").get("address").asString()).isEqualTo("nvy@soyte.local");
            assertThat(lines.stream().filter(line -> line.startsWith("data:"))).hasSize(1);
        } finally {
            response.body().close();
        }
    }

    @Test
    void showsTheLatestEventsInVietnameseEscaped() throws Exception {
        String taskId = newTaskId();
        // far in the future so it is among the latest whatever else the log holds
        publish(envelope(sent(taskId, "<b>NVY</b>"), Instant.parse("2099-01-01T17:30:00Z")));
        await().atMost(PATIENCE).until(() -> events("taskId=" + taskId).size() == 1);

        HttpResponse<String> page = http.send(authorized("/").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nhật ký sự kiện", taskId, "02/01/2099 00:30", "notification.sent",
                "&lt;b&gt;NVY&lt;/b&gt;").doesNotContain("<b>NVY</b>");
    }

    @Test
    void letsOnlyTheAdminIn() throws Exception {
        var anonymousApi = http.send(request("/api/events").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousApi.statusCode()).isEqualTo(401);
        assertThat(anonymousApi.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        var wrongPassword = http.send(request("/api/events").header("Authorization", basic("admin", "sai")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        var anonymousPage = http.send(request("/").header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousPage.statusCode()).isEqualTo(302);
        assertThat(anonymousPage.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));

        var login = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Đăng nhập", "name=\"_csrf\"");

        var health = http.send(request("/actuator/health").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(http.send(request("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void rejectsAnUnreadableAfterWithAProblem() throws Exception {
        var response = http.send(authorized("/api/events?after=h%C3%B4m-qua").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("ISO-8601");
    }

    // --- helpers

    private static String newTaskId() {
        return "T-" + UUID.randomUUID();
    }

    private static Envelope<Event> envelope(Event event, Instant time) {
        return new Envelope<>(UUID.randomUUID().toString(), SOURCE, time, null, event);
    }

    private static TaskAssigned assigned(String taskId, List<String> leadUnits) {
        return new TaskAssigned(taskId, "Tham mưu ban hành Kế hoạch", leadUnits, List.of("KHTC"), "Kế hoạch",
                deadline(), null, null, Instant.now());
    }

    private static ReminderDue reminderDue(String taskId, String unit) {
        var summary = new TaskSummary("Tham mưu ban hành Kế hoạch", "Kế hoạch", List.of(unit), List.of(), deadline(), null);
        return new ReminderDue(ReminderId.of(taskId, unit, Stage.BEFORE_DUE, 1, Duration.ofDays(3)), taskId, unit,
                UnitRole.LEAD, Stage.BEFORE_DUE, 1, unit, Instant.now(), summary);
    }

    private static NotificationSent sent(String taskId, String unit) {
        return new NotificationSent(taskId + "/" + unit + "/due/1", taskId, unit, Channel.EMAIL, "nvy@soyte.local", "smtp",
                1, Instant.now(), false);
    }

    private static Deadline deadline() {
        return new Deadline(DeadlineKind.DATE, LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T10:00:00Z"), null);
    }

    private void publish(Envelope<?>... envelopes) throws Exception {
        for (Envelope<?> envelope : envelopes) {
            kafka.send(envelope.toRecord()).get();
        }
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private List<JsonNode> events(String query) throws Exception {
        var response = http.send(authorized("/api/events?" + query).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).valueStream().toList();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(PATIENCE);
    }

    private HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", basic("admin", PASSWORD));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
