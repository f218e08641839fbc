package vn.dondoc.scheduler.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import vn.dondoc.events.TaskCompleted;

/** Test data: {@code aTask().leadUnits("NVY").dueAt(...).build()} yields the TaskAssigned envelope task-service would publish. */
final class TaskBuilder {

    static final String TASK_SERVICE = "/dondoc/task-service";

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

    static Envelope<TaskCancelled> cancelled(String taskId, Instant at) {
        return Envelope.of(TASK_SERVICE, new TaskCancelled(taskId, "Không còn cần thiết", at),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    static Envelope<TaskCompleted> completed(String taskId, Instant at) {
        return Envelope.of(TASK_SERVICE, new TaskCompleted(taskId, at, true), Clock.fixed(at, ZoneOffset.UTC));
    }
}
