package vn.dondoc.scheduler.reminders;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import vn.dondoc.events.EventJson;
import vn.dondoc.events.UnitChanged;

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

    /**
     * Keeps the store in line with the directory: the latest entry of a unit wins, a tombstone removes it. Both kinds
     * of directory record ({@code unit.registered}, {@code unit.changed}) carry the whole unit, so the supervisor is
     * read from the JSON without the {@code ce_type} header, which Kafka Streams does not pass on when it restores a
     * global store after a crash (a decoder that needs it stopped the scheduler from starting again).
     */
    static final class Directory implements Processor<String, byte[], Void, Void> {

        private static final Logger log = LoggerFactory.getLogger(Directory.class);

        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            String supervisor = record.value() == null ? null : supervisor(record.key(), record.value());
            if (supervisor == null || supervisor.isBlank()) {
                store.delete(record.key());
            } else {
                store.put(record.key(), supervisor);
            }
        }

        private static String supervisor(String unit, byte[] json) {
            try {
                return EventJson.MAPPER.readValue(json, UnitChanged.class).supervisor();
            } catch (JacksonException e) {
                log.warn("Unreadable directory entry of unit {}; its supervisor is unknown: {}", unit, e.getMessage());
                return null;
            }
        }
    }
}
