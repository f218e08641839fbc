package vn.dondoc.notifier.reminders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unknownUnitWait          how long a reminder for a unit not yet in the directory is retried before it
 *                                 becomes a dead letter
 * @param unknownUnitRetryInterval pause between those retries
 * @param publishTimeout           how long to wait for Kafka to accept an outcome event
 */
@ConfigurationProperties("dondoc.reminders")
record ReminderProperties(@DefaultValue("30s") Duration unknownUnitWait,
                          @DefaultValue("2s") Duration unknownUnitRetryInterval,
                          @DefaultValue("30s") Duration publishTimeout) {
}
