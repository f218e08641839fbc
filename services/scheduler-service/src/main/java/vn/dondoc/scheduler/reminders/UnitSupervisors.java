package vn.dondoc.scheduler.reminders;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.UnitChanged;
import vn.dondoc.events.UnitRegistered;

/**
 * Who supervises each unit, from the compacted {@code units.directory} topic: a global store (every instance holds
 * the whole directory, keyed by unit code), so escalations find the supervisor whatever partition the task is on.
 */
final class UnitSupervisors {

    static final String STORE = "unit-supervisors";

    private final ReadOnlyKeyValueStore<String, String> store;

    UnitSupervisors(ReadOnlyKeyValueStore<String, String> store) {
        this.store = store;
    }

    Optional<String> of(String unit) {
        return Optional.ofNullable(store.get(unit)).filter(supervisor -> !supervisor.isBlank());
    }

    /** Keeps the store in line with the directory: the latest entry of a unit wins, a tombstone removes it. */
    static final class Directory implements Processor<String, Envelope<?>, Void, Void> {

        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, Envelope<?>> record) {
            String supervisor = record.value() == null ? null : switch (record.value().data()) {
                case UnitRegistered registered -> registered.supervisor();
                case UnitChanged changed -> changed.supervisor();
                default -> null;
            };
            if (record.key() == null) {
                return;
            }
            if (supervisor == null || supervisor.isBlank()) {
                store.delete(record.key());
            } else {
                store.put(record.key(), supervisor);
            }
        }
    }
}
