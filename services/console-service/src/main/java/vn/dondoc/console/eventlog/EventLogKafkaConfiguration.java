package vn.dondoc.console.eventlog;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The log's own consumers. Unlike every other listener they read values as raw bytes, because the log must keep
 * records nobody can parse; and they never dead-letter: when MongoDB fails they retry the batch until it is back
 * (a dead letter of the dead-letter topic would come straight back here).
 */
@Configuration(proxyBeanMethods = false)
class EventLogKafkaConfiguration {

    static final String CONTAINER_FACTORY = "eventLogContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> eventLogContainerFactory(KafkaProperties kafka,
                                                                                     EventLogProperties log) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, log.maxPollRecords());
        var consumers = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(log.concurrency());
        var backOff = new ExponentialBackOff(log.retryBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
