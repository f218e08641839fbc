package vn.dondoc.notifier.reminders;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.dondoc.events.Stage;

/**
 * @param smsStages            the stages also sent by SMS (email carries every stage)
 * @param transientAttempts    how many attempts a delivery gets while its server is otherwise healthy (a 4xx
 *                             answer for one address) before its failure is final; attempts during an outage
 *                             do not run out
 * @param postponeInterval     how long a postponed reminder waits before it is read again
 */
@ConfigurationProperties("dondoc.notify")
record NotifyProperties(@DefaultValue({"DUE", "OVERDUE", "ESCALATION"}) Set<Stage> smsStages,
                        @DefaultValue("5") int transientAttempts,
                        @DefaultValue("2s") Duration postponeInterval) {
}
