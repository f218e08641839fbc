package vn.dondoc.scheduler.reminders;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import vn.dondoc.events.CloudEventSerde;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Topics;

/**
 * {@code tasks.events} → {@link ReminderScheduler} (stores {@value ReminderScheduler#PLANS} and
 * {@value DueIndex#STORE}) → {@code reminders.due}, with {@code units.directory} in the global store
 * {@value UnitSupervisors#STORE}. Both stores are persistent (RocksDB) and backed by changelog
 * topics, so a restarted or moved partition resumes with its plans.
 */
final class ReminderTopology {

    private ReminderTopology() {
    }

    static KStream<String, Envelope<?>> addTo(StreamsBuilder builder, ReminderTiming timing, Duration checkEvery,
                                              int maxFiredPerCheck) {
        return addTo(builder, timing, checkEvery, maxFiredPerCheck, Topics.TASKS, Topics.REMINDERS);
    }

    /** With other topics for task events and reminders: lets a test run its own scheduler beside the service's. */
    static KStream<String, Envelope<?>> addTo(StreamsBuilder builder, ReminderTiming timing, Duration checkEvery,
                                              int maxFiredPerCheck, String tasksTopic, String remindersTopic) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(UnitSupervisors.STORE), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(), // a global store restores from its own (compacted) topic
                // as bytes: Kafka Streams restores a global store without the records' headers, where the CloudEvents
                // type travels, so the directory's records are read by UnitSupervisors.Directory itself
                Topics.UNITS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("unit-directory"),
                UnitSupervisors.Directory::new);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ReminderScheduler.PLANS), Serdes.String(), PlanCodec.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DueIndex.STORE), Serdes.String(), Serdes.String()));
        KStream<String, Envelope<?>> reminders = builder
                .stream(tasksTopic, Consumed.with(Serdes.String(), new CloudEventSerde()).withName("task-events"))
                .process(() -> new ReminderScheduler(timing, checkEvery, maxFiredPerCheck), Named.as("reminder-scheduler"),
                        ReminderScheduler.PLANS, DueIndex.STORE);
        reminders.to(remindersTopic, Produced.with(Serdes.String(), new CloudEventSerde()).withName("reminders"));
        return reminders;
    }
}
