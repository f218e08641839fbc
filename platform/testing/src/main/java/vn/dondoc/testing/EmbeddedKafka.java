package vn.dondoc.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The one-node KRaft broker the tests and benchmarks run on, configured once. */
public final class EmbeddedKafka {

    private EmbeddedKafka() {
    }

    /**
     * A started broker with 3 partitions per topic and every internal topic at replication factor 1 (a single node);
     * consumer groups form without the usual initial delay.
     */
    public static EmbeddedKafkaKraftBroker start() {
        var kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1"));
        kafka.afterPropertiesSet();
        return kafka;
    }
}
