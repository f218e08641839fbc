package vn.dondoc.scheduler.reminders;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import vn.dondoc.events.Envelope;
import vn.dondoc.scheduler.calendar.BusinessCalendar;

/** Kafka Streams from {@code spring.kafka.streams.*} (exactly-once, see application.yml) running the reminder topology. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ReminderConfiguration {

    @Bean
    KStream<String, Envelope<?>> reminderTopology(StreamsBuilder builder, ReminderProperties properties,
                                                  BusinessCalendar calendar) {
        return ReminderTopology.addTo(builder, ReminderTiming.of(properties, calendar), properties.checkEvery(),
                properties.maxFiredPerCheck());
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new KafkaStreamsHealthIndicator(streams);
    }
}
