package vn.dondoc.console.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dondoc.console.ConsoleTest;
import vn.dondoc.console.StoredEntries;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.Topics;
import vn.dondoc.testing.Infrastructure;

@ConsoleTest
class FailuresTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void replaysADeadLetterToItsTopicWithItsOriginalBytesAndAuditsIt() throws Exception {
        String taskId = "T-" + UUID.randomUUID();
        var envelope = new Envelope<>(UUID.randomUUID().toString(), "/dondoc/task-service", Instant.now(), null,
                new TaskAssigned(taskId, "Nhiệm vụ bị lỗi <b>tạm thời</b>", List.of("NVY"), List.of(), null,
                        new Deadline(DeadlineKind.DATE, LocalDate.of(2026, 12, 1), null, null), null, null, Instant.now()));
        var headers = new RecordHeaders();
        byte[] value = new CloudEventSerializer().serialize(Topics.TASKS, headers, envelope);
        var deadLetter = new ProducerRecord<>(Topics.DEAD_LETTERS, null, taskId, value, headers);
        deadLetter.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.TASKS.getBytes(StandardCharsets.UTF_8));
        deadLetter.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(42).array());
        deadLetter.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "MongoDB tạm thời không truy cập được".getBytes(StandardCharsets.UTF_8));
        try (var producer = rawProducer()) {
            producer.send(deadLetter).get();
        }
        await().atMost(PATIENCE).until(() -> entries(taskId).size() == 1);
        String key = entries(taskId).getFirst().get("id").asString();

        HttpResponse<String> page = get("/failures");
        assertThat(page.body()).contains("Bản ghi lỗi (dead letters)", "MongoDB tạm thời không truy cập được", taskId, "Phát lại");
        String csrf = CSRF.matcher(page.body()).results().findFirst().orElseThrow().group(1);

        assertThat(post("/failures/replay", "key=" + encode(key)).statusCode()).as("no CSRF token, no replay").isEqualTo(403);
        HttpResponse<String> replayed = post("/failures/replay", "key=" + encode(key) + "&_csrf=" + encode(csrf));
        assertThat(replayed.statusCode()).isEqualTo(302);

        await().atMost(PATIENCE).until(() -> entries(taskId).size() == 2);
        JsonNode again = entries(taskId).getLast();
        assertThat(again.get("topic").asString()).isEqualTo(Topics.TASKS);
        assertThat(again.get("type").asString()).isEqualTo("task.assigned");
        assertThat(again.get("id").asString()).as("the same fact, same ce_id").isEqualTo(envelope.id());
        assertThat(again.get("data").get("title").asString()).isEqualTo("Nhiệm vụ bị lỗi <b>tạm thời</b>");

        Document audit = mongo.getCollection(AuditTrail.COLLECTION).find(new Document("target", key)).first();
        assertThat(audit).isNotNull();
        assertThat(audit.getString("user")).isEqualTo("admin");
        assertThat(audit.getString("action")).isEqualTo("replay");
        assertThat(audit.getBoolean("succeeded")).isTrue();
        assertThat(audit.getString("outcome")).startsWith("phát lại thành " + Topics.TASKS + "/");

        HttpResponse<String> after = get("/failures");
        assertThat(after.body()).contains("Đã phát lại bản ghi " + key, "Nhật ký thao tác")
                .doesNotContain("<b>tạm thời</b>");
        Document republished = StoredEntries.ofTask(mongo, taskId).stream()
                .filter(entry -> Topics.TASKS.equals(entry.getString("topic"))).findFirst().orElseThrow();
        assertThat(republished.getList("headers", Document.class)).extracting(header -> header.getString("name"))
                .contains("ce_id", "ce_type", "traceparent").noneMatch(name -> name.startsWith("kafka_dlt-"));
        assertThat(republished.getString("key")).isEqualTo(taskId);
    }

    private List<JsonNode> entries(String taskId) throws Exception {
        HttpResponse<String> response = get("/api/events?taskId=" + taskId);
        return JsonMapper.shared().readTree(response.body()).valueStream().toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(PATIENCE)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ConsoleTest.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }
}
