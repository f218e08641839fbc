package vn.dondoc.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One realistic instance of every event type, for contract tests. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-11-24T03:05:00Z");

    private SampleEvents() {
    }

    static Event of(EventType type, String taskId) {
        var deadline = new Deadline(DeadlineKind.DATE, LocalDate.of(2026, 6, 30), Instant.parse("2026-06-30T10:00:00Z"),
                "trước ngày 30/6/2026");
        var policy = new ReminderPolicy(List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ZERO),
                Duration.ofDays(2), Duration.ofDays(2), Duration.ofDays(5), true);
        var source = new SourceDocument("123/TB-UBND", LocalDate.of(2024, 3, 5), "UBND tỉnh", "9.1");
        var summary = new TaskSummary("Tham mưu UBND tỉnh ban hành Kế hoạch thực hiện Đề án", "Kế hoạch",
                List.of("NVY"), List.of("KHTC", "DS&TE"), deadline, source);
        return switch (type) {
            case TASK_ASSIGNED -> new TaskAssigned(taskId, summary.title(), List.of("NVY"), List.of("KHTC", "DS&TE"),
                    "Kế hoạch", deadline, policy, source, AT);
            case TASK_UPDATED -> new TaskUpdated(taskId, "Tiêu đề mới", List.of("NVY"), List.of(), null, deadline,
                    ReminderPolicy.defaults(), source, AT);
            case TASK_ACKNOWLEDGED -> new TaskAcknowledged(taskId, "NVY", AT, "link", "203.113.1.2", "Mozilla/5.0");
            case TASK_REPORTED -> new TaskReported(taskId, "NVY", AT, "Đã trình UBND tỉnh", "45/TTr-SYT", "link",
                    "203.113.1.2", "Mozilla/5.0");
            case TASK_COMPLETED -> new TaskCompleted(taskId, AT, true);
            case TASK_CANCELLED -> new TaskCancelled(taskId, "Trùng nhiệm vụ 9.2", AT);
            case DEADLINE_EXTENDED -> new DeadlineExtended(taskId, deadline,
                    new Deadline(DeadlineKind.QUARTER, LocalDate.of(2026, 12, 31), Instant.parse("2026-12-31T10:00:00Z"),
                            "Quý IV/2026"), "Chờ hướng dẫn của Bộ Y tế", AT);
            case UNIT_REGISTERED -> new UnitRegistered(taskId, "Phòng Nghiệp vụ Y", List.of("NVY", "Phòng NVY"), "SYT",
                    "BGD", List.of("nvy@soyte.local"), List.of("+84912345678"), true);
            case UNIT_CHANGED -> new UnitChanged(taskId, "Phòng Nghiệp vụ Y", List.of("NVY"), "SYT", "BGD",
                    List.of("nvy@soyte.local", "truongphong.nvy@soyte.local"), List.of(), true);
            case REMINDER_DUE -> new ReminderDue(ReminderId.of(taskId, "NVY", Stage.BEFORE_DUE, 1, Duration.ofDays(3)),
                    taskId, "NVY", UnitRole.LEAD, Stage.BEFORE_DUE, 1, "NVY", AT, summary);
            case REMINDERS_PLANNED -> new RemindersPlanned(taskId, List.of(new RemindersPlanned.Upcoming(
                    ReminderId.of(taskId, "NVY", Stage.DUE, 1, null), "NVY", Stage.DUE, AT)), AT);
            case NOTIFICATION_SENT -> new NotificationSent(taskId + "/NVY/due/1", taskId, "NVY", Channel.EMAIL,
                    "nvy@soyte.local", "smtp", 1, AT, false);
            case NOTIFICATION_FAILED -> new NotificationFailed(taskId + "/NVY/due/1", taskId, "NVY", Channel.SMS,
                    "+84912345678", "400 invalid number", true, 1, AT);
            case NOTIFICATION_SUPPRESSED -> new NotificationSuppressed(taskId + "/NVY/due/1", taskId, "NVY",
                    Channel.EMAIL, "nvy@soyte.local", "duplicate", AT);
            case TASK_REOPENED -> new TaskReopened(taskId, "Đơn vị báo cáo chưa đủ hồ sơ", AT);
            case REPORT_REJECTED -> new ReportRejected(taskId, "NVY", "Thiếu văn bản báo cáo kèm theo", AT);
        };
    }
}
