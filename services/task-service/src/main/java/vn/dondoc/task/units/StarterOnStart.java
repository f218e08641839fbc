package vn.dondoc.task.units;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the {@link StarterDirectory} when the service is ready, if configured: the local stack does it with example
 * addresses, so that a newcomer can assign tasks to the units of the samples at once. Loading is idempotent, so every
 * start may do it.
 */
@Component
class StarterOnStart {

    private static final Logger log = LoggerFactory.getLogger(StarterOnStart.class);

    /** What to load at start: nothing (the default), the units, or the units with example addresses. */
    enum Load { NONE, UNITS, WITH_EXAMPLE_CONTACTS }

    /** @param starterOnStart whether the starter directory is loaded when the service starts */
    @ConfigurationProperties("dondoc.units")
    record Properties(@DefaultValue("none") Load starterOnStart) {
    }

    private final StarterDirectory starter;
    private final Properties properties;

    StarterOnStart(StarterDirectory starter, Properties properties) {
        this.starter = starter;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (properties.starterOnStart() == Load.NONE) {
            return;
        }
        var loaded = starter.load(properties.starterOnStart() == Load.WITH_EXAMPLE_CONTACTS);
        log.info("Starter directory loaded: {} registered, {} changed, {} unchanged", loaded.registered().size(),
                loaded.changed().size(), loaded.unchanged().size());
    }
}
