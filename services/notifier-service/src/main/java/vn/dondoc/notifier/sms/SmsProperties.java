package vn.dondoc.notifier.sms;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sender    the brandname or number messages come from, unless a provider names its own
 * @param timeout   how long a provider may take to answer one request
 * @param providers tried in this order; the next one only when a provider is down
 */
@ConfigurationProperties("dondoc.sms")
record SmsProperties(@DefaultValue("DONDOC") String sender, @DefaultValue("10s") Duration timeout,
                     @DefaultValue List<Provider> providers) {

    enum Type {
        /** an HTTP/JSON gateway (Vietnamese brandname gateways, the local simulator) */
        GENERIC,
        /** Twilio's REST API, or anything speaking it */
        TWILIO
    }

    /**
     * @param url          generic: the URL messages are POSTed to; Twilio: the API base, e.g.
     *                     {@code https://api.twilio.com}
     * @param authHeader   generic: a header sent with every request, e.g. {@code Authorization}
     * @param authValue    generic: its value, e.g. {@code Bearer …}
     * @param bodyTemplate generic: the JSON body, with {@code {to}}, {@code {text}} and {@code {sender}} replaced
     *                     by JSON-escaped values
     * @param accountSid   Twilio: the account (also the Basic auth user)
     * @param authToken    Twilio: the Basic auth password
     */
    record Provider(String name, @DefaultValue("generic") Type type, URI url, String sender, String authHeader,
                    String authValue,
                    @DefaultValue("{\"to\":\"{to}\",\"text\":\"{text}\",\"sender\":\"{sender}\"}") String bodyTemplate,
                    String accountSid, String authToken) {
    }
}
