package vn.dondoc.scheduler.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Days off, both ends included; written in configuration as {@code "2026-02-14..2026-02-22 Tết Nguyên đán"}
 * or, for one day, {@code "2026-04-30 Ngày Chiến thắng"}.
 */
public record Holiday(LocalDate from, LocalDate to, String name) {

    private static final Pattern ENTRY = Pattern.compile("(\\S+?)(?:\\.\\.(\\S+))?(?:\\s+(.*))?");

    public Holiday {
        Objects.requireNonNull(from, "from");
        to = Objects.requireNonNullElse(to, from);
        name = name == null ? "" : name.strip();
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Holiday '%s' ends (%s) before it starts (%s)".formatted(name, to, from));
        }
    }

    /** The binder converts each configured string with this. */
    public static Holiday of(String entry) {
        Matcher parts = ENTRY.matcher(entry.strip());
        if (!parts.matches()) {
            throw malformed(entry);
        }
        try {
            LocalDate from = LocalDate.parse(parts.group(1));
            LocalDate to = parts.group(2) == null ? from : LocalDate.parse(parts.group(2));
            return new Holiday(from, to, parts.group(3));
        } catch (DateTimeParseException e) {
            throw malformed(entry);
        }
    }

    boolean overlapsYear(int year) {
        return from.getYear() <= year && year <= to.getYear();
    }

    Stream<LocalDate> days() {
        return from.datesUntil(to.plusDays(1));
    }

    // no cause attached: the startup failure report shows the root cause's message, and this one says more
    private static IllegalArgumentException malformed(String entry) {
        return new IllegalArgumentException(
                "Holiday entry '%s' is not 'yyyy-MM-dd[..yyyy-MM-dd] name', e.g. '2026-02-14..2026-02-22 Tết Nguyên đán'"
                        .formatted(entry));
    }
}
