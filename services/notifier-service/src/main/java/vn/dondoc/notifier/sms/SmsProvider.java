package vn.dondoc.notifier.sms;

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
