package vn.dondoc.scheduler.reminders;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Spring Boot has no Kafka Streams health contributor. Up while the topology runs or rebalances; down when it has
 * not started, is shutting down or has failed (reminders would silently stop otherwise).
 */
class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        super("Kafka Streams state cannot be read");
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            builder.down().withDetail("state", "NOT_STARTED");
            return;
        }
        KafkaStreams.State state = kafkaStreams.state();
        (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING ? builder.up() : builder.down())
                .withDetail("state", state.name())
                .withDetail("threads", kafkaStreams.metadataForLocalThreads().size());
    }
}
