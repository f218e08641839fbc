package vn.dondoc.task.outbox;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Transient;
import vn.dondoc.events.Event;

/**
 * A document whose changes are told to other services. Behaviour methods {@link #record(Event) record} events;
 * {@link Outbox#save(Aggregate)} writes the new state and those events in one single-document update.
 */
public abstract class Aggregate {

    /** Optimistic lock: a write applies only to the version it was read at, so no concurrent change is lost. */
    private Long version;

    @Transient
    private final List<Event> recorded = new ArrayList<>();

    /** The document id, which is also the default Kafka key of the events (their subject). */
    public abstract String id();

    protected final void record(Event event) {
        recorded.add(event);
    }

    /** Events recorded since the last save, oldest first. */
    public final List<Event> recordedEvents() {
        return List.copyOf(recorded);
    }

    final Long version() {
        return version;
    }

    final void saved(long newVersion) {
        version = newVersion;
        recorded.clear();
    }
}
