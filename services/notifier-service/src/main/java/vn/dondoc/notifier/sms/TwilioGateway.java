package vn.dondoc.notifier.sms;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import vn.dondoc.notifier.reminders.DeliveryFailed;

/** Twilio's Messages API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json}, form To/From/Body, Basic auth. */
final class TwilioGateway implements SmsProvider {

    private final SmsProperties.Provider provider;
    private final URI endpoint;
    private final String from;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    TwilioGateway(SmsProperties.Provider provider, String sender, HttpClient http, Duration timeout) {
        if (provider.url() == null || provider.accountSid() == null || provider.authToken() == null) {
            throw new IllegalArgumentException("Twilio provider " + provider.name()
                    + " needs url, account-sid and auth-token");
        }
        this.provider = provider;
        var base = provider.url().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(provider.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        this.from = provider.sender() != null ? provider.sender() : sender;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (provider.accountSid() + ":" + provider.authToken()).getBytes(StandardCharsets.UTF_8));
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public void send(String to, String text) throws DeliveryFailed {
        var form = "To=" + encode(to) + "&From=" + encode(from) + "&Body=" + encode(text);
        var request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        SmsProvider.exchange(name(), http, request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
