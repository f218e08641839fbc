package vn.dondoc.notifier.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from        the sender of every reminder, e.g. {@code Đôn đốc <dondoc@soyte.gov.vn>}
 * @param connections how many SMTP connections are kept open between messages
 */
@ConfigurationProperties("dondoc.mail")
record EmailProperties(@DefaultValue("Đôn đốc <dondoc@localhost>") String from, @DefaultValue("4") int connections) {
}
