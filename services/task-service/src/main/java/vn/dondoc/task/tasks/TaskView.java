package vn.dondoc.task.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.UnitRole;

/** A task as the API shows it (DESIGN §4, "read a task"). Times are in Asia/Ho_Chi_Minh with their offset. */
record TaskView(String id, String title, TaskStatus status, String statusLabel, DeadlineView deadline,
                List<UnitView> units, List<String> leadUnits, List<String> coordinatingUnits, String expectedOutput,
                PolicyView policy, SourceDocument source, OffsetDateTime createdAt, OffsetDateTime completedAt,
                OffsetDateTime cancelledAt, String cancelReason) {

    /** {@code needsReview} and {@code notes}: the words were not read with certainty, a person should look. */
    record DeadlineView(String kind, LocalDate date, OffsetDateTime dueAt, String text, LocalDate startDate,
                        String condition, boolean needsReview, List<String> notes) {
        static DeadlineView of(Deadline deadline, List<String> notes) {
            return new DeadlineView(deadline.kind().name(), deadline.dueDate(), local(deadline.dueAt()), deadline.text(),
                    deadline.startDate(), deadline.condition(), !notes.isEmpty(), notes);
        }
    }

    record UnitView(String code, UnitRole role, UnitState state, OffsetDateTime acknowledgedAt,
                    OffsetDateTime reportedAt) {
        static UnitView of(UnitAssignment unit) {
            return new UnitView(unit.code(), unit.role(), unit.state(), local(unit.acknowledgedAt()), local(unit.reportedAt()));
        }
    }

    /** ISO-8601 durations as text; null means the scheduler's default. */
    record PolicyView(List<String> remindBefore, String repeatOverdueEvery, String ackWithin, String escalateAfter,
                      Boolean workingHoursOnly) {
        static PolicyView of(ReminderPolicy policy) {
            return new PolicyView(policy.remindBefore() == null ? null : policy.remindBefore().stream().map(Duration::toString).toList(),
                    text(policy.repeatOverdueEvery()), text(policy.ackWithin()), text(policy.escalateAfter()),
                    policy.workingHoursOnly());
        }

        private static String text(Duration duration) {
            return duration == null ? null : duration.toString();
        }
    }

    static TaskView of(Task task, Clock clock) {
        var status = task.status(clock);
        return new TaskView(task.id(), task.title(), status, status.label(), DeadlineView.of(task.deadline(), task.deadlineNotes()),
                task.units().stream().map(UnitView::of).toList(), task.unitCodes(UnitRole.LEAD),
                task.unitCodes(UnitRole.COORDINATING), task.expectedOutput(),
                PolicyView.of(task.policy() == null ? ReminderPolicy.defaults() : task.policy()), task.source(),
                local(task.createdAt()), local(task.completedAt()), local(task.cancelledAt()), task.cancelReason());
    }

    private static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(Task.BUSINESS_ZONE).toOffsetDateTime();
    }
}
