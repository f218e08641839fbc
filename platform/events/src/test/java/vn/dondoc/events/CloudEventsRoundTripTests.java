package vn.dondoc.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.dondoc.testing.Infrastructure;
import vn.dondoc.testing.RealInfrastructure;

@RealInfrastructure
class CloudEventsRoundTripTests {

    @Test
    void everyEventTypeSurvivesTheBrokerWithItsCloudEventsHeaders(Infrastructure infrastructure) throws Exception {
        String taskId = "T-" + UUID.randomUUID();
        Clock clock = Clock.fixed(SampleEvents.AT, java.time.ZoneOffset.UTC);
        List<Envelope<?>> sent = Arrays.stream(EventType.values())
                .<Envelope<?>>map(type -> Envelope.of("/dondoc/test", SampleEvents.of(type, taskId), clock))
                .toList();

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new CloudEventSerializer())) {
            for (Envelope<?> envelope : sent) {
                producer.send(envelope.toRecord()).get();
            }
        }

        Map<String, ConsumerRecord<String, Envelope<?>>> received = consumeUntil(infrastructure, sent.size(), taskId);
        for (Envelope<?> envelope : sent) {
            var record = received.get(envelope.id());
            assertThat(record).as(envelope.type().logicalName()).isNotNull();
            assertThat(record.topic()).isEqualTo(envelope.type().topic());
            assertThat(record.key()).isEqualTo(envelope.subject());
            assertThat(record.value()).isEqualTo(envelope);
            var headers = record.headers();
            assertThat(CloudEventHeaders.text(headers, "ce_id")).isEqualTo(envelope.id());
            assertThat(CloudEventHeaders.text(headers, "ce_type")).isEqualTo(envelope.type().logicalName())
                    .doesNotContain("vn.dondoc");
            assertThat(CloudEventHeaders.text(headers, "ce_source")).isEqualTo("/dondoc/test");
            assertThat(CloudEventHeaders.text(headers, "ce_time")).isEqualTo("2026-11-24T03:05:00Z");
            assertThat(CloudEventHeaders.text(headers, "ce_subject")).isEqualTo(envelope.subject());
            assertThat(CloudEventHeaders.text(headers, "ce_specversion")).isEqualTo("1.0");
            assertThat(CloudEventHeaders.text(headers, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        }
    }

    private static Map<String, ConsumerRecord<String, Envelope<?>>> consumeUntil(Infrastructure infrastructure,
                                                                                 int expected, String subject) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "round-trip-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, Envelope<?>>> received = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.TASKS, Topics.UNITS, Topics.REMINDERS, Topics.NOTIFICATIONS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (subject.equals(record.key())) {
                        received.put(record.value().id(), record);
                    }
                }
            }
        }
        return received;
    }

    @Test
    void envelopeDataIsPlainJsonWithIsoDates() {
        var event = SampleEvents.of(EventType.TASK_ASSIGNED, "T-1");
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        var envelope = Envelope.of("/dondoc/test", event, Clock.systemUTC());

        String json = new String(new CloudEventSerializer().serialize(Topics.TASKS, headers, envelope),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).contains("\"dueDate\":\"2026-06-30\"", "\"assignedAt\":\"2026-11-24T03:05:00Z\"",
                "\"remindBefore\":[\"PT168H\",\"PT72H\",\"PT0S\"]", "\"title\":\"Tham mưu UBND tỉnh");
        assertThat(new ArrayList<>(List.of(json.split("\"")))).doesNotContain("@class", "vn.dondoc.events.TaskAssigned");
    }
}
