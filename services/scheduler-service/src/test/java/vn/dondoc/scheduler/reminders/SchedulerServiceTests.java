package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.dondoc.scheduler.reminders.TaskBuilder.aTask;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import vn.dondoc.events.CloudEventDeserializer;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderDue;
import vn.dondoc.events.Stage;
import vn.dondoc.events.Topics;
import vn.dondoc.testing.Infrastructure;
import vn.dondoc.testing.RealInfrastructure;

/** The whole service on the real embedded broker, with exactly-once Kafka Streams. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.streams.state-dir=${java.io.tmpdir}/streams-${random.uuid}")
@RealInfrastructure
class SchedulerServiceTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    KafkaTemplate<String, Envelope<?>> kafka;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @LocalServerPort
    int port;

    private RestClient http;

    @BeforeEach
    void waitForStreams() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        await().atMost(PATIENCE).until(() -> streams.getKafkaStreams() != null
                && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
    }

    @Test
    void remindsOfAnAssignedTaskAtOnceAndOnItsDueInstant(Infrastructure infrastructure) throws Exception {
        Instant due = Instant.now().plusSeconds(5);
        var task = aTask().leadUnits("NVY").dueAt(due).remindBefore(Duration.ZERO).assignedAt(Instant.now());
        var assigned = task.build();

        kafka.send(assigned.toRecord()).get();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode schedule = EventJson.MAPPER.readTree(get("/api/schedules/" + task.taskId()).getBody());
            assertThat(schedule.path("taskId").asString()).isEqualTo(task.taskId());
            assertThat(schedule.path("upcoming").findValuesAsString("stage")).contains("DUE");
            assertThat(schedule.path("upcoming").findValuesAsString("fireAt")).contains(due.toString());
        });
        try (var consumer = consumer(infrastructure, Topics.REMINDERS, new CloudEventDeserializer())) {
            List<Envelope<?>> reminders = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(task.taskId()) && record.value().data() instanceof ReminderDue) {
                        reminders.add(record.value());
                    }
                });
                assertThat(reminders).extracting(envelope -> ((ReminderDue) envelope.data()).stage())
                        .containsExactly(Stage.ASSIGNMENT, Stage.DUE);
            });
            assertThat(reminders.get(0).time()).isBefore(due);
            assertThat(reminders.get(1).time()).isAfterOrEqualTo(due);
            assertThat(reminders).extracting(Envelope::id)
                    .containsExactly(task.taskId() + "/NVY/assignment/1", task.taskId() + "/NVY/due/1");
            assertThat(reminders).allSatisfy(reminder -> assertThat(reminder.traceId()).isEqualTo(assigned.traceId()));
        }
        JsonNode after = EventJson.MAPPER.readTree(get("/api/schedules/" + task.taskId()).getBody());
        // only the next overdue reminder is left (no supervisor in the directory: no escalation)
        assertThat(after.path("upcoming").findValuesAsString("stage")).containsExactly("OVERDUE");
    }

    @Test
    void listsTasksAwaitingAnOutsideTriggerForAdmins() throws Exception {
        var task = aTask().deadline(new Deadline(DeadlineKind.AWAITING_TRIGGER, null, null,
                "Theo hướng dẫn của Trung ương", null, "khi Trung ương ban hành hướng dẫn")).assignedAt(Instant.now());

        kafka.send(task.build().toRecord()).get();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode waiting = EventJson.MAPPER.readTree(get("/api/schedules?awaiting=trigger").getBody());
            assertThat(waiting.findValuesAsString("taskId")).contains(task.taskId());
            assertThat(waiting.findValuesAsString("condition")).contains("khi Trung ương ban hành hướng dẫn");
        });
        JsonNode schedule = EventJson.MAPPER.readTree(get("/api/schedules/" + task.taskId()).getBody());
        assertThat(schedule.path("upcoming").isEmpty()).isTrue();
    }

    @Test
    void answersAProblemForAnUnknownTask() {
        ResponseEntity<String> response = get("/api/schedules/no-such-task");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("no-such-task");
    }

    @Test
    void reportsKafkaStreamsInItsHealth() {
        JsonNode health = EventJson.MAPPER.readTree(get("/actuator/health").getBody());

        assertThat(health.path("components").path("kafkaStreams").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafkaStreams").path("details").path("state").asString())
                .isEqualTo("RUNNING");
    }

    @Test
    void parksAnUnreadableTaskEventOnTheDeadLetterTopic(Infrastructure infrastructure) throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<String, byte[]>(Topics.TASKS, key, "{}".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "task.mystery".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }

        try (var consumer = consumer(infrastructure, Topics.DEAD_LETTERS, new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        parked.add(record);
                    }
                });
                assertThat(parked).hasSize(1);
            });
            assertThat(parked.getFirst().headers().lastHeader("__streams.errors.exception")).isNotNull();
        }
    }

    private ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    /** Reads only committed records, as every consumer of exactly-once output must. */
    private static <V> KafkaConsumer<String, V> consumer(Infrastructure infrastructure, String topic,
                                                         Deserializer<V> values) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), values);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
