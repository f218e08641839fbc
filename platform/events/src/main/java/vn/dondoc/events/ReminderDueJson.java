package vn.dondoc.events;

import java.nio.charset.StandardCharsets;
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
        try {
            json.reminderDue(due);
        } catch (LeftToJackson surrogate) {
            return null;
        }
        return Arrays.copyOf(json.buffer, json.length);
    }

    /** A string this writer does not encode as Jackson would: thrown, not returned, so every field is one line. */
    private static final class LeftToJackson extends RuntimeException {
        private static final LeftToJackson INSTANCE = new LeftToJackson();

        private LeftToJackson() {
            super(null, null, false, false);
        }
    }

    private void reminderDue(ReminderDue due) {
        raw("{\"reminderId\":");
        string(due.reminderId());
        raw(",\"taskId\":");
        string(due.taskId());
        raw(",\"unit\":");
        string(due.unit());
        raw(",\"role\":");
        name(due.role());
        raw(",\"stage\":");
        name(due.stage());
        raw(",\"cycle\":");
        raw(Integer.toString(due.cycle()));
        raw(",\"recipient\":");
        string(due.recipient());
        raw(",\"fireAt\":");
        quoted(due.fireAt()); // ISO-8601 as DateTimeFormatter.ISO_INSTANT writes it, as Jackson does
        raw(",\"task\":");
        task(due.task());
        raw("}");
    }

    private void task(TaskSummary task) {
        if (task == null) {
            raw("null");
            return;
        }
        raw("{\"title\":");
        string(task.title());
        raw(",\"expectedOutput\":");
        string(task.expectedOutput());
        raw(",\"leadUnits\":");
        strings(task.leadUnits());
        raw(",\"coordinatingUnits\":");
        strings(task.coordinatingUnits());
        raw(",\"deadline\":");
        deadline(task.deadline());
        raw(",\"source\":");
        source(task.source());
        raw("}");
    }

    private void deadline(Deadline deadline) {
        if (deadline == null) {
            raw("null");
            return;
        }
        raw("{\"kind\":");
        name(deadline.kind());
        raw(",\"dueDate\":");
        quoted(deadline.dueDate());
        raw(",\"dueAt\":");
        quoted(deadline.dueAt());
        raw(",\"text\":");
        string(deadline.text());
        raw(",\"startDate\":");
        quoted(deadline.startDate());
        raw(",\"condition\":");
        string(deadline.condition());
        raw("}");
    }

    private void source(SourceDocument source) {
        if (source == null) {
            raw("null");
            return;
        }
        raw("{\"number\":");
        string(source.number());
        raw(",\"date\":");
        quoted(source.date());
        raw(",\"issuer\":");
        string(source.issuer());
        raw(",\"item\":");
        string(source.item());
        raw(",\"group\":");
        string(source.group());
        raw("}");
    }

    private void strings(List<String> values) {
        if (values == null) {
            raw("null");
            return;
        }
        raw("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                raw(",");
            }
            string(values.get(i));
        }
        raw("]");
    }

    private void name(Enum<?> value) {
        quoted(value == null ? null : value.name());
    }

    /** Instants, dates and enum names: their text is ASCII with nothing to escape. */
    private void quoted(Object value) {
        if (value == null) {
            raw("null");
        } else {
            raw("\"");
            raw(value.toString());
            raw("\"");
        }
    }

    /** A JSON string with Jackson's escapes; a surrogate (emoji or broken pair) is left to Jackson. */
    private void string(String value) {
        if (value == null) {
            raw("null");
            return;
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
                throw LeftToJackson.INSTANCE;
            } else {
                buffer[length++] = (byte) (0xE0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        buffer[length++] = '"';
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
