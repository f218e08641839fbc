package vn.dondoc.events.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import vn.dondoc.events.CloudEventDeserializer;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Topics;

/**
 * Makes every service speak the same Kafka: string keys, CloudEvents values, idempotent producers, the topics of
 * DESIGN §2, and one error handler that retries a failing record a bounded number of times, then parks it on
 * {@link Topics#DEAD_LETTERS} and moves on. Records that cannot even be read are parked at once.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(EventsKafkaProperties.class)
public class EventsKafkaAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer cloudEventProducer() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer cloudEventConsumer() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, CloudEventDeserializer.class));
    }

    @Bean
    KafkaAdmin.NewTopics dondocTopics(EventsKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream().map(name -> topic(name, properties)).toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, EventsKafkaProperties properties) {
        var builder = TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas());
        if (name.equals(Topics.UNITS)) {
            builder.compact(); // the latest record per unit code is the directory entry
        }
        if (name.equals(Topics.DEAD_LETTERS)) {
            builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1"); // kept until replayed or purged by hand
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaProperties kafka, EventsKafkaProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate(kafka),
                (record, exception) -> new TopicPartition(Topics.DEAD_LETTERS, -1));
        var backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialBackOff().toMillis());
        backOff.setMaxInterval(properties.maxBackOff().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(SerializationException.class, InvalidEvent.class);
        return handler;
    }

    /** Dead letters are either raw bytes (unreadable records) or envelopes (records whose processing failed). */
    private static KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties kafka) {
        Map<Class<?>, org.apache.kafka.common.serialization.Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Envelope.class, new CloudEventSerializer());
        var factory = new DefaultKafkaProducerFactory<Object, Object>(kafka.buildProducerProperties(),
                new StringSerializerOfAnything(), new DelegatingByTypeSerializer(byType, true));
        return new KafkaTemplate<>(factory);
    }

    /** Keys of dead letters may arrive as bytes (unreadable key) or strings. */
    private static final class StringSerializerOfAnything implements org.apache.kafka.common.serialization.Serializer<Object> {
        private final StringSerializer strings = new StringSerializer();

        @Override
        public byte[] serialize(String topic, Object key) {
            return key instanceof byte[] bytes ? bytes : key == null ? null : strings.serialize(topic, key.toString());
        }
    }
}
