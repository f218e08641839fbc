package vn.dondoc.scheduler.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.DeadlineKind;
import vn.dondoc.events.Envelope;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCancelled;
import vn.dondoc.events.ReportRejected;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReopened;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.TaskReported;
import vn.dondoc.events.TaskUpdated;
import vn.dondoc.events.DeadlineExtended;
import vn.dondoc.events.UnitRegistered;

/** Test data: {@code aTask().leadUnits("NVY").dueAt(...).build()} yields the TaskAssigned envelope task-service would publish. */
final class TaskBuilder {

    static final String TASK_SERVICE = "/dondoc/task-service";
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private String taskId = "task-" + UUID.randomUUID().toString().substring(0, 8);
    private List<String> leadUnits = List.of("NVY");
    private List<String> coordinatingUnits = List.of();
    private Deadline deadline;
    private ReminderPolicy policy;
    private Instant assignedAt = Instant.parse("2026-11-24T01:00:00Z");

    static TaskBuilder aTask() {
        return new TaskBuilder();
    }

    TaskBuilder id(String taskId) {
        this.taskId = taskId;
        return this;
    }

    TaskBuilder leadUnits(String... units) {
        this.leadUnits = List.of(units);
        return this;
    }

    TaskBuilder coordinatingUnits(String... units) {
        this.coordinatingUnits = List.of(units);
        return this;
    }

    TaskBuilder dueAt(Instant dueAt) {
        this.deadline = new Deadline(DeadlineKind.INSTANT, null, dueAt, null);
        return this;
    }

    /** A date deadline: due at 17:00 Asia/Ho_Chi_Minh that day. */
    TaskBuilder dueOn(String day) {
        LocalDate date = LocalDate.parse(day);
        this.deadline = new Deadline(DeadlineKind.DATE, date, date.atTime(17, 0).atZone(HANOI).toInstant(),
                "trước ngày " + date);
        return this;
    }

    TaskBuilder deadline(Deadline deadline) {
        this.deadline = deadline;
        return this;
    }

    TaskBuilder deadline(DeadlineKind kind) {
        this.deadline = new Deadline(kind, null, null, kind.name());
        return this;
    }

    TaskBuilder policy(ReminderPolicy policy) {
        this.policy = policy;
        return this;
    }

    Deadline deadline() {
        return deadline;
    }

    TaskBuilder remindBefore(Duration... offsets) {
        this.policy = new ReminderPolicy(Arrays.asList(offsets), null, null, null, false);
        return this;
    }

    TaskBuilder assignedAt(Instant assignedAt) {
        this.assignedAt = assignedAt;
        return this;
    }

    String taskId() {
        return taskId;
    }

    Envelope<TaskAssigned> build() {
        var assigned = new TaskAssigned(taskId, "Báo cáo tình hình thực hiện kế hoạch", leadUnits, coordinatingUnits,
                "Báo cáo gửi Sở Y tế", deadline, policy, null, assignedAt);
        return Envelope.of(TASK_SERVICE, assigned, Clock.fixed(assignedAt, ZoneOffset.UTC));
    }

    /** The TaskUpdated task-service publishes after an edit: the whole new state of the editable fields. */
    Envelope<TaskUpdated> updated(Instant at) {
        var updated = new TaskUpdated(taskId, "Báo cáo tình hình thực hiện kế hoạch", leadUnits, coordinatingUnits,
                "Báo cáo gửi Sở Y tế", deadline, policy, null, at);
        return Envelope.of(TASK_SERVICE, updated, Clock.fixed(at, ZoneOffset.UTC));
    }

    Envelope<DeadlineExtended> extendedTo(Instant newDue, Instant at) {
        var previous = deadline;
        dueAt(newDue);
        return Envelope.of(TASK_SERVICE, new DeadlineExtended(taskId, previous, deadline, "Xin gia hạn", at),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    static Envelope<TaskAcknowledged> acknowledged(String taskId, String unit, Instant at) {
        return Envelope.of(TASK_SERVICE, new TaskAcknowledged(taskId, unit, at, "link", "127.0.0.1", "test"),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    static Envelope<TaskReported> reported(String taskId, String unit, Instant at) {
        return Envelope.of(TASK_SERVICE, new TaskReported(taskId, unit, at, "Đã hoàn thành", null, "link", "127.0.0.1",
                "test"), Clock.fixed(at, ZoneOffset.UTC));
    }

    static Envelope<UnitRegistered> unit(String code, String supervisor) {
        return Envelope.of("/dondoc/task-service", new UnitRegistered(code, "Đơn vị " + code, List.of(), null,
                supervisor, List.of(code.toLowerCase() + "@example.vn"), List.of(), true), Clock.systemUTC());
    }

    static Envelope<TaskCancelled> cancelled(String taskId, Instant at) {
        return Envelope.of(TASK_SERVICE, new TaskCancelled(taskId, "Không còn cần thiết", at),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    static Envelope<ReportRejected> rejected(String taskId, String unit, Instant at) {
        return Envelope.of(TASK_SERVICE, new ReportRejected(taskId, unit, "Thiếu số liệu quý IV", at),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    static Envelope<TaskReopened> reopened(String taskId, Instant at) {
        return Envelope.of(TASK_SERVICE, new TaskReopened(taskId, "Giao lại theo chỉ đạo", at), Clock.fixed(at, ZoneOffset.UTC));
    }

    static Envelope<TaskCompleted> completed(String taskId, Instant at) {
        return Envelope.of(TASK_SERVICE, new TaskCompleted(taskId, at, true), Clock.fixed(at, ZoneOffset.UTC));
    }
}
