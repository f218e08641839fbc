package vn.dondoc.console.localtools;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param url the SMS simulator of the local stack; it lists what it received at {@code GET {url}/messages} */
@ConfigurationProperties("dondoc.sms.simulator")
record SmsSimulatorProperties(@DefaultValue("http://localhost:8025") URI url) {
}
