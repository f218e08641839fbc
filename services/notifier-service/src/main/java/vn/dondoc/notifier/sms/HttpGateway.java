package vn.dondoc.notifier.sms;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import vn.dondoc.notifier.reminders.DeliveryFailed;

/**
 * A generic HTTP/JSON gateway, as Vietnamese brandname gateways work: one POST per message with a configurable
 * JSON body and authentication header. The local SMS simulator is one of these.
 */
final class HttpGateway implements SmsProvider {

    private final SmsProperties.Provider provider;
    private final String sender;
    private final HttpClient http;
    private final Duration timeout;

    HttpGateway(SmsProperties.Provider provider, String sender, HttpClient http, Duration timeout) {
        if (provider.url() == null) {
            throw new IllegalArgumentException("SMS provider " + provider.name() + " needs a url");
        }
        this.provider = provider;
        this.sender = provider.sender() != null ? provider.sender() : sender;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public void send(String to, String text) throws DeliveryFailed {
        var body = provider.bodyTemplate().replace("{to}", json(to)).replace("{text}", json(text))
                .replace("{sender}", json(sender));
        var request = HttpRequest.newBuilder(provider.url()).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (provider.authHeader() != null && provider.authValue() != null) {
            request.header(provider.authHeader(), provider.authValue());
        }
        SmsProvider.exchange(name(), http, request.build());
    }

    /** The text as the inside of a JSON string. */
    static String json(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
