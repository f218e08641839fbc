package vn.dondoc.scheduler.reminders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads plans from the local {@value ReminderScheduler#PLANS} store (interactive queries, read-only).
 * <p>
 * Only this instance's partitions are visible: with several instances a task may live on another one, which
 * would need {@code application.server} and a forward to that host (not done yet; one instance runs today).
 */
@Component
class Schedules {

    private final StreamsBuilderFactoryBean streams;

    Schedules(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** @throws SchedulesUnavailable while Kafka Streams is starting, rebalancing or down */
    Optional<ReminderPlan> find(String taskId) {
        // the plan and the due index are read one after the other, not at one instant: a reminder sent in between
        // shows as sent, which it is
        return Optional.ofNullable(DueIndex.settle(store().get(taskId), store(DueIndex.STORE)));
    }

    /** Open tasks that wait for an outside trigger (no deadline yet), in task id order. */
    List<ReminderPlan> awaitingTrigger() {
        List<ReminderPlan> waiting = new ArrayList<>();
        try (var all = store().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.awaitingTrigger()) {
                    waiting.add(entry.value);
                }
            });
        }
        return waiting;
    }

    private ReadOnlyKeyValueStore<String, ReminderPlan> store() {
        return store(ReminderScheduler.PLANS);
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new SchedulesUnavailable(null);
        }
        try {
            return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new SchedulesUnavailable(e);
        }
    }

    static final class SchedulesUnavailable extends RuntimeException {
        SchedulesUnavailable(Throwable cause) {
            super("Kafka Streams is not ready to answer queries", cause);
        }
    }
}
