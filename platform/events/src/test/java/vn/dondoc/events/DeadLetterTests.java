package vn.dondoc.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import vn.dondoc.events.kafka.InvalidEvent;
import vn.dondoc.testing.Infrastructure;
import vn.dondoc.testing.RealInfrastructure;

/** What every service gets from the shared auto-configuration when a record cannot be processed. */
@SpringBootTest(classes = DeadLetterTests.ListeningService.class, properties = {
        "spring.kafka.consumer.group-id=dead-letter-tests",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "dondoc.kafka.initial-back-off=50ms"})
@RealInfrastructure
class DeadLetterTests {

    private static final String SUBJECT = "T-" + UUID.randomUUID();
    /** The other test's record shares the subject and the dead-letter topic. */
    private static volatile String poisonId = "";

    @Autowired
    ListeningService service;

    @Autowired
    KafkaTemplate<String, Envelope<?>> template;

    @Test
    void unreadableMistypedAndOversizedRecordsBecomeDeadLettersAndTheListenerKeepsGoing(Infrastructure infrastructure) throws Exception {
        var clock = Clock.systemUTC();
        var before = Envelope.of("/dondoc/test", new TaskCancelled(SUBJECT, "trước", clock.instant()), clock);
        var after = Envelope.of("/dondoc/test", new TaskCancelled(SUBJECT, "sau", clock.instant()), clock);
        template.send(before.toRecord()).get();
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(rawRecord("task.exploded", "{\"taskId\":\"" + SUBJECT + "\"}", "unknown-type")).get();
            raw.send(rawRecord("task.cancelled", "{\"taskId\": \"" + SUBJECT + "\", ", "broken-json")).get();
            raw.send(rawRecord("task.assigned", "{\"taskId\":\"" + SUBJECT + "\",\"reason\":\"sai loại\"}",
                    "wrong-type")).get();
            raw.send(rawRecord("task.cancelled", "{\"taskId\":\"" + SUBJECT + "\",\"reason\":\""
                    + "x".repeat(CloudEventDeserializer.MAX_EVENT_BYTES) + "\"}", "oversized")).get();
        }
        template.send(after.toRecord()).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> service.received.size() >= 2);
        assertThat(service.received).extracting(Envelope::id).containsExactly(before.id(), after.id());

        var deadLetters = deadLettersFor(infrastructure, 4).stream()
                .filter(r -> !CloudEventHeaders.text(r.headers(), "ce_id").equals(poisonId))
                .toList();
        assertThat(deadLetters).extracting(r -> CloudEventHeaders.text(r.headers(), "ce_id"))
                .containsExactlyInAnyOrder("unknown-type", "broken-json", "wrong-type", "oversized");
        for (var letter : deadLetters) {
            assertThat(CloudEventHeaders.text(letter.headers(), "kafka_dlt-original-topic")).isEqualTo(Topics.TASKS);
            assertThat(CloudEventHeaders.text(letter.headers(), "kafka_dlt-exception-message")).isNotBlank();
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains(SUBJECT); // original bytes kept
        }
    }

    @Test
    void invalidEventsAreDeadLetteredWithoutRetrying(Infrastructure infrastructure) throws Exception {
        var clock = Clock.systemUTC();
        var poison = Envelope.of("/dondoc/test", new TaskCancelled(SUBJECT, ListeningService.POISON, clock.instant()), clock);
        poisonId = poison.id();
        template.send(poison.toRecord()).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersFor(infrastructure, 0).stream()
                .anyMatch(r -> poison.id().equals(CloudEventHeaders.text(r.headers(), "ce_id"))));
        assertThat(service.attempts.stream().filter(poison.id()::equals)).hasSize(1);
    }

    private static ProducerRecord<String, byte[]> rawRecord(String type, String json, String id) {
        var record = new ProducerRecord<>(Topics.TASKS, SUBJECT, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/dondoc/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", "2026-11-24T03:05:00Z".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Dead letters about this test's subject, read from the start; waits until at least {@code atLeast} arrived. */
    private static List<ConsumerRecord<String, byte[]>> deadLettersFor(Infrastructure infrastructure, int atLeast) {
        List<ConsumerRecord<String, byte[]>> found = new CopyOnWriteArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS));
            long deadline = System.nanoTime() + Duration.ofSeconds(atLeast == 0 ? 5 : 60).toNanos();
            while (System.nanoTime() < deadline && (atLeast == 0 || found.size() < atLeast)) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (SUBJECT.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (atLeast == 0 && !consumer.assignment().isEmpty() && !found.isEmpty()) {
                    break;
                }
            }
        }
        return found;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ListeningService {

        static final String POISON = "poison";
        final List<Envelope<?>> received = new CopyOnWriteArrayList<>();
        final List<String> attempts = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.TASKS)
        void on(Envelope<?> envelope) {
            if (!SUBJECT.equals(envelope.subject())) {
                return;
            }
            attempts.add(envelope.id());
            if (envelope.data() instanceof TaskCancelled cancelled && POISON.equals(cancelled.reason())) {
                throw new InvalidEvent("a task cannot be cancelled for reason 'poison'");
            }
            received.add(envelope);
        }
    }
}
