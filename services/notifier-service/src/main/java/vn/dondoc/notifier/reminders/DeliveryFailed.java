package vn.dondoc.notifier.reminders;

/**
 * The server or provider did not accept a message.
 *
 * @see #permanent()
 */
public class DeliveryFailed extends Exception {

    private final boolean permanent;

    public DeliveryFailed(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    /** Trying again will not help (unknown mailbox, rejected address): SMTP 5xx, not 4xx or a lost connection. */
    public boolean permanent() {
        return permanent;
    }
}
