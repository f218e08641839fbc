package vn.dondoc.task.tasks;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * A task's id: {@code T-} + 10 characters of creation time in milliseconds + 8 random characters, in Crockford's
 * base 32 (e.g. {@code T-01KAT3Q8ZP4M7RX2K9}). Chosen over a UUID because it is half as long (it appears in SMS
 * and in links people read out on the phone), URL-safe, free of look-alike letters (no I, L, O, U), and sorts by
 * creation time, which keeps the MongoDB id index append-mostly and lists tasks in order. 40 random bits per
 * millisecond make a collision practically impossible; an insert on an existing id fails rather than overwrites.
 * Ids are not secrets: acknowledgement links are signed separately.
 */
public record TaskId(String value) {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    /** Accepts ids made elsewhere too (imports may keep a document's own numbering), but nothing unsafe in a URL. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public TaskId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid task id: " + value);
        }
    }

    static TaskId next(Clock clock) {
        var id = new StringBuilder("T-");
        append(id, clock.millis(), 10);
        append(id, RANDOM.nextLong(), 8);
        return new TaskId(id.toString());
    }

    static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    private static void append(StringBuilder to, long bits, int characters) {
        for (int i = characters - 1; i >= 0; i--) {
            to.append(CROCKFORD[(int) ((bits >>> (5 * i)) & 31)]);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
