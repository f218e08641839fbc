package vn.dondoc.task.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.task.deadlines.DeadlineParser;
import vn.dondoc.task.deadlines.ParsedDeadline;

/**
 * The one place where what an admin typed becomes a {@link Deadline}. A day falls due at the end of the working
 * day, 17:00 in Asia/Ho_Chi_Minh; an instant is kept as given; words are read by the {@link DeadlineParser}.
 */
@Component
class Deadlines {

    static final LocalTime END_OF_WORKING_DAY = LocalTime.of(17, 0);
    /** Kinds that name a day: without one, the words held a date that does not exist or has no year. */
    private static final Set<DeadlineKind> DATED = EnumSet.of(DeadlineKind.DATE, DeadlineKind.MONTH,
            DeadlineKind.QUARTER, DeadlineKind.YEAR);

    private final DeadlineParser parser = new DeadlineParser();

    /** A deadline and why its reading needs a person's review (empty when it is certain). */
    record Resolved(Deadline deadline, List<String> notes) {
    }

    Resolved resolve(DeadlineInput input) {
        if (input.dueAt() != null) {
            var dueAt = input.dueAt().toInstant();
            return new Resolved(new Deadline(DeadlineKind.INSTANT, LocalDate.ofInstant(dueAt, Task.BUSINESS_ZONE), dueAt,
                    null), List.of());
        }
        if (input.date() != null) {
            return new Resolved(onDay(input.date()), List.of());
        }
        return fromText(input.text().strip());
    }

    static Deadline onDay(LocalDate day) {
        return new Deadline(DeadlineKind.DATE, day, endOf(day), null);
    }

    private static java.time.Instant endOf(LocalDate day) {
        return day.atTime(END_OF_WORKING_DAY).atZone(Task.BUSINESS_ZONE).toInstant();
    }

    /**
     * Vietnamese deadline words ("trước ngày 30/6/2026", "Quý IV/2025", "Thường xuyên"). Words without any date are
     * a deadline of their kind (continuous, awaiting a trigger…); a date that cannot exist is refused.
     */
    Resolved fromText(String text) {
        return of(parser.parse(text));
    }

    static Resolved of(ParsedDeadline parsed) {
        if (DATED.contains(parsed.kind()) && parsed.dueDate() == null) {
            throw new DeadlineNotUnderstood(parsed.text(), String.join("; ", parsed.notes()).isEmpty()
                    ? "Ngày trong hạn không tồn tại hoặc thiếu năm" : String.join("; ", parsed.notes()));
        }
        var deadline = new Deadline(parsed.kind(), parsed.dueDate(),
                parsed.dueDate() == null ? null : endOf(parsed.dueDate()), parsed.text(), parsed.startDate(),
                parsed.condition());
        return new Resolved(deadline, parsed.notes());
    }
}
