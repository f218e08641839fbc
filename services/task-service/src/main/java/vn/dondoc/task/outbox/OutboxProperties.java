package vn.dondoc.task.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval   how long the relay waits between retries when the broker did not acknowledge
 * @param sweepInterval  how often the relay looks for leftovers (events written before a crash, or by another
 *                       instance): a scan of every aggregate collection, so not too often; it also runs at start
 * @param publishTimeout how long the relay waits for the broker's acknowledgements of one batch
 * @param batchSize      documents published per batch
 */
@ConfigurationProperties("dondoc.outbox")
record OutboxProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("60s") Duration sweepInterval,
                        @DefaultValue("30s") Duration publishTimeout,
                        @DefaultValue("100") int batchSize) {
}
