package vn.dondoc.notifier.units;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.Topics;
import vn.dondoc.events.UnitChanged;
import vn.dondoc.events.UnitRegistered;

/**
 * Keeps the local unit copy in step with the directory. Both events carry the whole entry, so saving it is an
 * idempotent upsert: replays and duplicates need no bookkeeping.
 */
@Component
class UnitDirectoryListener {

    private final Units units;

    UnitDirectoryListener(Units units) {
        this.units = units;
    }

    @KafkaListener(id = "unit-directory", topics = Topics.UNITS)
    void on(ConsumerRecord<String, Envelope<?>> record) {
        if (record.value() == null) {
            return; // a compaction tombstone; task-service deactivates units rather than deleting them
        }
        switch (record.value().data()) {
            case UnitRegistered registered -> units.save(Unit.from(registered));
            case UnitChanged changed -> units.save(Unit.from(changed));
            default -> {
                // nothing else travels on this topic; an unexpected type is not ours to judge
            }
        }
    }
}
