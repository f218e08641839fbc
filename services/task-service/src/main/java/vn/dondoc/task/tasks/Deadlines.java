package vn.dondoc.task.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.stereotype.Component;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;

/**
 * The one place where what an admin typed becomes a {@link Deadline}. A day falls due at the end of the working
 * day, 17:00 in Asia/Ho_Chi_Minh; an instant is kept as given.
 */
@Component
class Deadlines {

    static final LocalTime END_OF_WORKING_DAY = LocalTime.of(17, 0);

    Deadline resolve(DeadlineInput input) {
        if (input.dueAt() != null) {
            var dueAt = input.dueAt().toInstant();
            return new Deadline(DeadlineKind.INSTANT, LocalDate.ofInstant(dueAt, Task.BUSINESS_ZONE), dueAt, null);
        }
        if (input.date() != null) {
            return onDay(input.date());
        }
        return fromText(input.text().strip());
    }

    static Deadline onDay(LocalDate day) {
        return new Deadline(DeadlineKind.DATE, day, day.atTime(END_OF_WORKING_DAY).atZone(Task.BUSINESS_ZONE).toInstant(),
                null);
    }

    /** Vietnamese deadline words ("trước ngày 30/6/2026", "Quý IV/2025"): the parser plugs in here. */
    private Deadline fromText(String text) {
        throw new DeadlineNotUnderstood(text, "Chưa hiểu được hạn viết bằng lời; hãy nhập ngày (date) hoặc thời điểm (dueAt)");
    }
}
