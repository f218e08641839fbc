package vn.dondoc.events.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** Spring Boot has no Kafka health contributor: this one asks the cluster who is there, with a short timeout. */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka is not reachable");
        this.adminConfig = admin.getConfigurationProperties();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (AdminClient client = AdminClient.create(adminConfig)) {
            var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            int brokers = cluster.nodes().get().size();
            builder.up().withDetail("clusterId", cluster.clusterId().get()).withDetail("brokers", brokers);
        }
    }
}
