package vn.dondoc.notifier.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import vn.dondoc.notifier.reminders.DeliveryFailed;

/** A gateway that takes one text message for one phone number. */
interface SmsProvider {

    /** As configured, reported in {@code NotificationSent.provider}. */
    String name();

    /**
     * Returns once the provider accepted the message.
     *
     * @throws DeliveryFailed permanent when it refused the message or number (a 4xx answer), otherwise when the
     *                        provider is down, overloaded, misconfigured or did not answer: the next may take it
     */
    void send(String to, String text) throws DeliveryFailed;

    /** Sends one request to an HTTP gateway; returns when it answered 2xx, else says what the failure means. */
    static void exchange(String provider, HttpClient http, HttpRequest request) throws DeliveryFailed {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailed(provider + " không trả lời: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed(provider + ": bị ngắt", false, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(provider, response.statusCode(), response.body());
        }
    }

    /**
     * What an HTTP status means for a message. 408 and 429 are the provider's state, and 401/403 its
     * configuration, not the number's fault: another provider may still deliver.
     */
    static DeliveryFailed failure(String provider, int status, String body) {
        var permanent = status >= 400 && status < 500 && status != 408 && status != 429 && status != 401
                && status != 403;
        var excerpt = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
        return new DeliveryFailed(provider + " trả lời HTTP " + status + (excerpt.isBlank() ? "" : ": " + excerpt),
                permanent, null);
    }
}
