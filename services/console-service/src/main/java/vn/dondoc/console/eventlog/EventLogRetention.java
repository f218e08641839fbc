package vn.dondoc.console.eventlog;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the log to {@code dondoc.console.event-log.retention}. A scheduled purge rather than a TTL index, because
 * the local stack's MongoDB-wire server never expires documents.
 */
@Component
class EventLogRetention {

    private static final Logger log = LoggerFactory.getLogger(EventLogRetention.class);

    private final EventLog events;
    private final EventLogProperties properties;
    private final Clock clock;

    EventLogRetention(EventLog events, EventLogProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${dondoc.console.event-log.purge-every:PT1H}")
    void scheduledPurge() {
        purge();
    }

    /** Forgets what is older than the retention; returns how many entries went. */
    long purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        long purged = events.purgeBefore(cutoff);
        if (purged > 0) {
            log.info("Purged {} event log entries older than {} (retention {})", purged, cutoff, properties.retention());
        }
        return purged;
    }
}
