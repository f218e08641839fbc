package vn.dondoc.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link ReminderDue} as exactly the bytes {@link EventJson#MAPPER} writes for it (same field order, nulls
 * written, same escapes), without Jackson's generic machinery: the scheduler sends one per due reminder, and in a burst
 * of them Jackson's part showed in profiles. {@code ReminderDueJsonTests} holds it to Jackson's output. A string with
 * a surrogate in it (an emoji, or a broken one) is left to Jackson: {@link #write} answers null.
 */
final class ReminderDueJson {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[512];
    private int length;

    private ReminderDueJson() {
    }

    /** The JSON of {@code due}, or null when Jackson has to write it. */
    static byte[] write(ReminderDue due) {
        var json = new ReminderDueJson();
        return json.reminderDue(due) ? Arrays.copyOf(json.buffer, json.length) : null;
    }

    private boolean reminderDue(ReminderDue due) {
        raw("{\"reminderId\":");
        if (!string(due.reminderId())) {
            return false;
        }
        raw(",\"taskId\":");
        if (!string(due.taskId())) {
            return false;
        }
        raw(",\"unit\":");
        if (!string(due.unit())) {
            return false;
        }
        raw(",\"role\":");
        name(due.role());
        raw(",\"stage\":");
        name(due.stage());
        raw(",\"cycle\":");
        raw(Integer.toString(due.cycle()));
        raw(",\"recipient\":");
        if (!string(due.recipient())) {
            return false;
        }
        raw(",\"fireAt\":");
        instant(due.fireAt());
        raw(",\"task\":");
        if (!task(due.task())) {
            return false;
        }
        raw("}");
        return true;
    }

    private boolean task(TaskSummary task) {
        if (task == null) {
            raw("null");
            return true;
        }
        raw("{\"title\":");
        if (!string(task.title())) {
            return false;
        }
        raw(",\"expectedOutput\":");
        if (!string(task.expectedOutput())) {
            return false;
        }
        raw(",\"leadUnits\":");
        if (!strings(task.leadUnits())) {
            return false;
        }
        raw(",\"coordinatingUnits\":");
        if (!strings(task.coordinatingUnits())) {
            return false;
        }
        raw(",\"deadline\":");
        if (!deadline(task.deadline())) {
            return false;
        }
        raw(",\"source\":");
        if (!source(task.source())) {
            return false;
        }
        raw("}");
        return true;
    }

    private boolean deadline(Deadline deadline) {
        if (deadline == null) {
            raw("null");
            return true;
        }
        raw("{\"kind\":");
        name(deadline.kind());
        raw(",\"dueDate\":");
        date(deadline.dueDate());
        raw(",\"dueAt\":");
        instant(deadline.dueAt());
        raw(",\"text\":");
        if (!string(deadline.text())) {
            return false;
        }
        raw(",\"startDate\":");
        date(deadline.startDate());
        raw(",\"condition\":");
        if (!string(deadline.condition())) {
            return false;
        }
        raw("}");
        return true;
    }

    private boolean source(SourceDocument source) {
        if (source == null) {
            raw("null");
            return true;
        }
        raw("{\"number\":");
        if (!string(source.number())) {
            return false;
        }
        raw(",\"date\":");
        date(source.date());
        raw(",\"issuer\":");
        if (!string(source.issuer())) {
            return false;
        }
        raw(",\"item\":");
        if (!string(source.item())) {
            return false;
        }
        raw(",\"group\":");
        if (!string(source.group())) {
            return false;
        }
        raw("}");
        return true;
    }

    private boolean strings(List<String> values) {
        if (values == null) {
            raw("null");
            return true;
        }
        raw("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                raw(",");
            }
            if (!string(values.get(i))) {
                return false;
            }
        }
        raw("]");
        return true;
    }

    private void name(Enum<?> value) {
        if (value == null) {
            raw("null");
        } else {
            raw("\"");
            raw(value.name());
            raw("\"");
        }
    }

    private void instant(Instant value) {
        if (value == null) {
            raw("null");
        } else {
            raw("\"");
            raw(value.toString()); // ISO-8601 as DateTimeFormatter.ISO_INSTANT writes it, as Jackson does
            raw("\"");
        }
    }

    private void date(LocalDate value) {
        if (value == null) {
            raw("null");
        } else {
            raw("\"");
            raw(value.toString());
            raw("\"");
        }
    }

    /** A JSON string with Jackson's escapes; false (nothing sensible written) when it holds a surrogate. */
    private boolean string(String value) {
        if (value == null) {
            raw("null");
            return true;
        }
        ensure(value.length() * 6 + 2);
        buffer[length++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    buffer[length++] = (byte) c;
                } else {
                    escape(c);
                }
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | (c >> 6));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                buffer[length++] = (byte) (0xE0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        buffer[length++] = '"';
        return true;
    }

    private void escape(char c) {
        buffer[length++] = '\\';
        switch (c) {
            case '"', '\\' -> buffer[length++] = (byte) c;
            case '\b' -> buffer[length++] = 'b';
            case '\t' -> buffer[length++] = 't';
            case '\n' -> buffer[length++] = 'n';
            case '\f' -> buffer[length++] = 'f';
            case '\r' -> buffer[length++] = 'r';
            default -> {
                buffer[length++] = 'u';
                buffer[length++] = '0';
                buffer[length++] = '0';
                buffer[length++] = HEX[c >> 4];
                buffer[length++] = HEX[c & 0xF];
            }
        }
    }

    /** ASCII only: field names, punctuation, numbers, enum names, dates. */
    private void raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buffer[length++] = (byte) ascii.charAt(i);
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
