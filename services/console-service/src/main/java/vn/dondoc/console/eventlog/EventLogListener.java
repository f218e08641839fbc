package vn.dondoc.console.eventlog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every topic as raw bytes, updates the read models, stores each record once, then tells the live watchers.
 * The read models come first: a batch that fails there is read again, and it is not "already stored" yet.
 */
@Component
class EventLogListener {

    private final EventLog log;
    private final EventStream stream;
    private final List<Projection> projections;
    private final Clock clock;

    EventLogListener(EventLog log, EventStream stream, List<Projection> projections, Clock clock) {
        this.log = log;
        this.stream = stream;
        this.projections = projections;
        this.clock = clock;
    }

    @KafkaListener(id = "event-log", idIsGroup = false, topics = "#{T(vn.dondoc.events.Topics).ALL}",
            containerFactory = EventLogKafkaConfiguration.CONTAINER_FACTORY, batch = "true")
    void ingest(List<ConsumerRecord<String, byte[]>> records) {
        Instant now = clock.instant();
        List<LoggedEvent> batch = records.stream().map(record -> LoggedEvent.of(record, now)).toList();
        projections.forEach(projection -> projection.apply(batch));
        stream.publish(log.append(batch));
    }
}
