package vn.dondoc.events.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param partitions     partitions of each topic the services create (work is split by partition)
 * @param replicas       replication factor (1 on the local stack, 3 in production)
 * @param retries        how often a failing record is retried before it becomes a dead letter
 * @param initialBackOff first pause between retries; doubles up to {@code maxBackOff}
 */
@ConfigurationProperties("dondoc.kafka")
public record EventsKafkaProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
                                    @DefaultValue("4") int retries, @DefaultValue("200ms") Duration initialBackOff,
                                    @DefaultValue("5s") Duration maxBackOff) {
}
