package vn.dondoc.task.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.ReminderPolicy;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCancelled;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReported;
import vn.dondoc.events.UnitRole;
import vn.dondoc.task.outbox.Aggregate;
import vn.dondoc.task.units.UnitCode;

/**
 * A task given to lead units (and coordinating units) with a deadline. Every change goes through a method here that
 * checks it is allowed and records the event telling the other services.
 */
@Document("tasks")
class Task extends Aggregate {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** "Sắp đến hạn" in the official reports: due within this many calendar days. */
    static final int DUE_SOON_DAYS = 3;

    @Id
    private final String id;
    private final String title;
    private final List<UnitAssignment> units;
    private final String expectedOutput;
    private final Deadline deadline;
    private final ReminderPolicy policy;
    private final SourceDocument source;
    private final Instant createdAt;
    private Instant completedAt;
    private Instant cancelledAt;
    private String cancelReason;

    @PersistenceCreator
    private Task(String id, String title, List<UnitAssignment> units, String expectedOutput, Deadline deadline,
                 ReminderPolicy policy, SourceDocument source, Instant createdAt, Instant completedAt,
                 Instant cancelledAt, String cancelReason) {
        this.id = id;
        this.title = title;
        this.units = new ArrayList<>(units);
        this.expectedOutput = expectedOutput;
        this.deadline = deadline;
        this.policy = policy;
        this.source = source;
        this.createdAt = createdAt;
        this.completedAt = completedAt;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
    }

    /**
     * Gives a new task to its units. A unit named both as lead and as coordinating unit is a lead unit: the lead
     * answers for the task, so coordinating adds nothing.
     */
    static Task assign(TaskId id, String title, List<UnitCode> leadUnits, List<UnitCode> coordinatingUnits,
                       String expectedOutput, Deadline deadline, ReminderPolicy policy, SourceDocument source,
                       Clock clock) {
        Objects.requireNonNull(deadline, "deadline");
        var leads = new LinkedHashSet<>(leadUnits.stream().map(UnitCode::value).toList());
        if (leads.isEmpty()) {
            throw new IllegalArgumentException("A task needs at least one lead unit");
        }
        var coordinating = new LinkedHashSet<>(coordinatingUnits.stream().map(UnitCode::value).toList());
        coordinating.removeAll(leads);
        List<UnitAssignment> units = new ArrayList<>();
        leads.forEach(code -> units.add(UnitAssignment.assigned(code, UnitRole.LEAD)));
        coordinating.forEach(code -> units.add(UnitAssignment.assigned(code, UnitRole.COORDINATING)));
        Instant now = now(clock);
        var task = new Task(id.value(), title, units, expectedOutput, deadline,
                policy == null ? ReminderPolicy.defaults() : policy, source, now, null, null, null);
        task.record(new TaskAssigned(task.id, title, List.copyOf(leads), List.copyOf(coordinating), expectedOutput,
                deadline, task.policy, source, now));
        return task;
    }

    /** A unit confirms it received the task. Confirming again changes nothing. */
    void acknowledge(UnitCode unit, Origin origin, Clock clock) {
        requireOpen(clock);
        int at = indexOf(unit);
        var assignment = units.get(at);
        if (!assignment.state().mayBecome(UnitState.ACKNOWLEDGED)) {
            return;
        }
        Instant now = now(clock);
        units.set(at, assignment.acknowledged(now));
        record(new TaskAcknowledged(id, unit.value(), now, origin.channel(), origin.remoteAddress(), origin.userAgent()));
    }

    /** A lead unit reports its part done; when every lead unit has, the task is completed. Reporting again changes nothing. */
    void report(UnitCode unit, String note, String document, Origin origin, Clock clock) {
        requireOpen(clock);
        int at = indexOf(unit);
        var assignment = units.get(at);
        if (!assignment.isLead()) {
            throw new UnitNotOnTask(taskId(), unit.value(), "only lead units report");
        }
        if (!assignment.state().mayBecome(UnitState.REPORTED)) {
            return;
        }
        Instant now = now(clock);
        units.set(at, assignment.reported(now));
        record(new TaskReported(id, unit.value(), now, note, document, origin.channel(), origin.remoteAddress(),
                origin.userAgent()));
        if (units.stream().filter(UnitAssignment::isLead).allMatch(u -> u.state() == UnitState.REPORTED)) {
            completedAt = now;
            record(new TaskCompleted(id, now, deadline.dueAt() == null || !now.isAfter(deadline.dueAt())));
        }
    }

    /** Withdraws the task: nobody is reminded of it any more. */
    void cancel(String reason, Clock clock) {
        requireOpen(clock);
        cancelledAt = now(clock);
        cancelReason = reason;
        record(new TaskCancelled(id, reason, cancelledAt));
    }

    /** The official category of the task at the clock's instant, against the deadline in force. */
    TaskStatus status(Clock clock) {
        if (cancelledAt != null) {
            return TaskStatus.DA_HUY;
        }
        Instant due = deadline.dueAt();
        if (completedAt != null) {
            return due == null || !completedAt.isAfter(due) ? TaskStatus.HOAN_THANH_DUNG_HAN : TaskStatus.HOAN_THANH_QUA_HAN;
        }
        if (due == null) {
            return TaskStatus.KHONG_THOI_HAN;
        }
        Instant now = now(clock);
        if (now.isAfter(due)) {
            return TaskStatus.QUA_HAN;
        }
        long daysLeft = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, BUSINESS_ZONE), LocalDate.ofInstant(due, BUSINESS_ZONE));
        return daysLeft <= DUE_SOON_DAYS ? TaskStatus.SAP_DEN_HAN : TaskStatus.CHUA_HOAN_THANH_TRONG_HAN;
    }

    /** MongoDB keeps milliseconds: the events say exactly what is stored. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void requireOpen(Clock clock) {
        if (cancelledAt != null || completedAt != null) {
            throw new TaskClosed(taskId(), status(clock));
        }
    }

    private int indexOf(UnitCode unit) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).code().equals(unit.value())) {
                return i;
            }
        }
        throw new UnitNotOnTask(taskId(), unit.value(), "not assigned");
    }

    @Override
    public String id() {
        return id;
    }

    TaskId taskId() {
        return new TaskId(id);
    }

    String title() {
        return title;
    }

    List<UnitAssignment> units() {
        return List.copyOf(units);
    }

    List<String> unitCodes(UnitRole role) {
        return units.stream().filter(u -> u.role() == role).map(UnitAssignment::code).toList();
    }

    String expectedOutput() {
        return expectedOutput;
    }

    Deadline deadline() {
        return deadline;
    }

    ReminderPolicy policy() {
        return policy;
    }

    SourceDocument source() {
        return source;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    String cancelReason() {
        return cancelReason;
    }
}
