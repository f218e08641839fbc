package vn.dondoc.scheduler.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dondoc.events.CloudEventSerializer;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitChanged;
import vn.dondoc.events.UnitRegistered;
import vn.dondoc.testing.Infrastructure;
import vn.dondoc.testing.RealInfrastructure;

/**
 * A scheduler that starts with units already in the directory — every restart after the first, and every start
 * after a crash — restores its global supervisor store from {@code units.directory}. Kafka Streams does that without
 * the records' headers; the scheduler used to die there (found by the fault-injection suite, see docs/reliability.md).
 */
@RealInfrastructure
class UnitDirectoryRestoreTests {

    @Test
    void startsWithUnitsAlreadyInTheDirectoryAndKnowsTheirSupervisors(Infrastructure infrastructure, @TempDir Path state)
            throws Exception {
        String bootstrap = infrastructure.kafkaBootstrapServers();
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String registered = "R" + suffix;
        String changed = "C" + suffix;
        String later = "L" + suffix;
        String run = "restore-" + suffix.toLowerCase();
        ExactlyOnceBurstTests.createTopics(bootstrap, Topics.UNITS, run + ".tasks", run + ".reminders");
        publish(bootstrap, new UnitRegistered(registered, "Phòng Nghiệp vụ Y", List.of(), null, "BGD", List.of(),
                List.of(), true));
        publish(bootstrap, new UnitRegistered(changed, "Phòng Tổ chức cán bộ", List.of(), null, null, List.of(),
                List.of(), true));
        publish(bootstrap, new UnitChanged(changed, "Phòng Tổ chức cán bộ", List.of(), null, "VP", List.of(),
                List.of(), true));

        try (var streams = scheduler(bootstrap, state, run)) {
            streams.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
            ReadOnlyKeyValueStore<String, String> supervisors = streams.store(StoreQueryParameters.fromNameAndType(
                    UnitSupervisors.STORE, QueryableStoreTypes.keyValueStore()));
            assertThat(supervisors.get(registered)).isEqualTo("BGD");
            assertThat(supervisors.get(changed)).as("the latest entry wins").isEqualTo("VP");

            publish(bootstrap, new UnitRegistered(later, "Chi cục Dân số", List.of(), null, "BGD", List.of(),
                    List.of(), true));
            await().atMost(Duration.ofSeconds(30)).until(() -> "BGD".equals(supervisors.get(later)));
        }
    }

    private static KafkaStreams scheduler(String bootstrap, Path state, String run) {
        var builder = new StreamsBuilder();
        ReminderTopology.addTo(builder, ReminderTiming.of(BurstWorker.BURST, TestScheduler.CALENDAR),
                BurstWorker.BURST.checkEvery(), BurstWorker.FIRED_PER_CHECK, run + ".tasks", run + ".reminders");
        var config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, run);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        return new KafkaStreams(builder.build(), config);
    }

    private static void publish(String bootstrap, vn.dondoc.events.Event unit) throws Exception {
        try (var producer = new KafkaProducer<String, Envelope<?>>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringSerializer(), new CloudEventSerializer())) {
            producer.send(Envelope.of("/dondoc/task-service", unit, Clock.systemUTC()).toRecord()).get();
        }
    }
}
