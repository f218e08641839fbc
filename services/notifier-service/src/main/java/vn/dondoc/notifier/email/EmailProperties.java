package vn.dondoc.notifier.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param from the sender of every reminder, e.g. {@code Đôn đốc <dondoc@soyte.gov.vn>} */
@ConfigurationProperties("dondoc.mail")
record EmailProperties(@DefaultValue("Đôn đốc <dondoc@localhost>") String from) {
}
