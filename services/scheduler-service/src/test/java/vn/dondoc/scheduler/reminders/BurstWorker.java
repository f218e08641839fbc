package vn.dondoc.scheduler.reminders;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler instance in a process of its own, so that {@link ExactlyOnceBurstTests} can kill it like a crash
 * (SIGKILL: no clean shutdown, an open transaction left behind). The topology is the service's, on topics of the
 * test's own. Arguments: bootstrap servers, application id, state dir, tasks topic, reminders topic.
 */
final class BurstWorker {

    static final ReminderProperties BURST = ReminderProperties.of(List.of(Duration.ZERO), Duration.ofDays(2),
            Duration.ofDays(30), Duration.ofDays(5), false, Duration.ofMillis(100));
    /** Small batches spread the burst over a few seconds, so that the test can kill the instance in the middle. */
    static final int FIRED_PER_CHECK = 500;

    private BurstWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        var builder = new StreamsBuilder();
        ReminderTopology.addTo(builder, ReminderTiming.of(BURST, TestScheduler.CALENDAR), BURST.checkEvery(),
                FIRED_PER_CHECK, args[3], args[4]);
        var config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
        config.put(StreamsConfig.STATE_DIR_CONFIG, args[2]);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // a killed instance must give its partitions and its open transaction up quickly for the test to stay short
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 10000);
        var streams = new KafkaStreams(builder.build(), config);
        streams.setStateListener((now, before) -> System.out.println("STATE " + now));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        streams.start();
        stopped.await();
    }
}
