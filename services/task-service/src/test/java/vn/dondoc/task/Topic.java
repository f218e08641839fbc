package vn.dondoc.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.dondoc.events.CloudEventDeserializer;
import vn.dondoc.events.Envelope;
import vn.dondoc.testing.Infrastructure;

/** Reads a topic from the beginning as any consumer would, with a plain Kafka consumer of its own. */
public final class Topic implements AutoCloseable {

    private final KafkaConsumer<String, Envelope<?>> consumer;
    private final List<ConsumerRecord<String, Envelope<?>>> seen = new ArrayList<>();

    public Topic(String name) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "task-service-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(name));
    }

    /** Everything read so far that matches, after one more poll. */
    public List<ConsumerRecord<String, Envelope<?>>> records(Predicate<ConsumerRecord<String, Envelope<?>>> matching) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(matching).toList();
    }

    public static Predicate<ConsumerRecord<String, Envelope<?>>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
