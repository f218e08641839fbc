package vn.dondoc.notifier.email;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;

/** How a deadline reads in a reminder, in the business zone: {@code 20/11/2025}, {@code còn 3 ngày}. */
public final class DeadlineWording {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Clock clock;

    public DeadlineWording(Clock clock) {
        this.clock = clock;
    }

    /** {@code 20/11/2025}, or {@code 24/11/2026 10:05} for a deadline set to the minute; null when there is no date. */
    public String due(Deadline deadline) {
        if (deadline == null) {
            return null;
        }
        if (deadline.kind() == DeadlineKind.INSTANT && deadline.dueAt() != null) {
            return DATE_TIME.format(deadline.dueAt().atZone(BUSINESS_ZONE));
        }
        var day = dueDay(deadline);
        return day == null ? null : DATE.format(day);
    }

    /** {@code còn 3 ngày}, {@code hạn hôm nay}, {@code quá hạn 2 ngày}; null when there is no date. */
    public String remaining(Deadline deadline) {
        var day = deadline == null ? null : dueDay(deadline);
        if (day == null) {
            return null;
        }
        var days = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(BUSINESS_ZONE)), day);
        if (days > 0) {
            return "còn " + days + " ngày";
        }
        if (days < 0) {
            return "quá hạn " + -days + " ngày";
        }
        return deadline.dueAt() != null && clock.instant().isAfter(deadline.dueAt()) ? "hạn hôm nay, đã quá giờ"
                : "hạn hôm nay";
    }

    /** The words of the document when they say more than the date, e.g. {@code Quý IV/2025}. */
    String originalText(Deadline deadline) {
        if (deadline == null || deadline.text() == null || deadline.text().isBlank()) {
            return null;
        }
        var due = due(deadline);
        return due != null && deadline.text().contains(due) ? null : deadline.text();
    }

    private static LocalDate dueDay(Deadline deadline) {
        if (deadline.dueDate() != null) {
            return deadline.dueDate();
        }
        return deadline.dueAt() == null ? null : deadline.dueAt().atZone(BUSINESS_ZONE).toLocalDate();
    }
}
