package vn.dondoc.scheduler.reminders;

import java.time.Duration;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.core.JacksonException;
import vn.dondoc.events.CloudEventSerde;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.Topics;

/**
 * {@code tasks.events} → {@link ReminderScheduler} (stores {@value ReminderScheduler#PLANS} and
 * {@value DueIndex#STORE}) → {@code reminders.due}. Both stores are persistent (RocksDB) and backed by changelog
 * topics, so a restarted or moved partition resumes with its plans.
 */
final class ReminderTopology {

    private ReminderTopology() {
    }

    static KStream<String, Envelope<?>> addTo(StreamsBuilder builder, ReminderPolicy defaults, Duration checkEvery) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ReminderScheduler.PLANS), Serdes.String(), planSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DueIndex.STORE), Serdes.String(), Serdes.String()));
        KStream<String, Envelope<?>> reminders = builder
                .stream(Topics.TASKS, Consumed.with(Serdes.String(), new CloudEventSerde()).withName("task-events"))
                .process(() -> new ReminderScheduler(defaults, checkEvery), Named.as("reminder-scheduler"),
                        ReminderScheduler.PLANS, DueIndex.STORE);
        reminders.to(Topics.REMINDERS, Produced.with(Serdes.String(), new CloudEventSerde()).withName("reminders"));
        return reminders;
    }

    static Serde<ReminderPlan> planSerde() {
        return Serdes.serdeFrom(
                (topic, plan) -> {
                    try {
                        return plan == null ? null : EventJson.MAPPER.writeValueAsBytes(plan);
                    } catch (JacksonException e) {
                        throw new SerializationException("Cannot write the plan of task " + plan.taskId(), e);
                    }
                },
                (topic, bytes) -> {
                    try {
                        return bytes == null ? null : EventJson.MAPPER.readValue(bytes, ReminderPlan.class);
                    } catch (JacksonException e) {
                        throw new SerializationException("Cannot read a reminder plan", e);
                    }
                });
    }
}
