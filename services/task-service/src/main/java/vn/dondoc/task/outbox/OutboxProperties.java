package vn.dondoc.task.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval   how often the relay looks for pending events when no write woke it (a fallback: writes
 *                       wake it at once; this catches events left by a crash or by another instance)
 * @param publishTimeout how long the relay waits for the broker's acknowledgement of one event
 * @param batchSize      documents read per pass
 */
@ConfigurationProperties("dondoc.outbox")
record OutboxProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("30s") Duration publishTimeout,
                        @DefaultValue("100") int batchSize) {
}
