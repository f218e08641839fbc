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
import vn.dondoc.events.ReportRejected;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.TaskAcknowledged;
import vn.dondoc.events.TaskAssigned;
import vn.dondoc.events.TaskCancelled;
import vn.dondoc.events.DeadlineExtended;
import vn.dondoc.events.TaskCompleted;
import vn.dondoc.events.TaskReopened;
import vn.dondoc.events.TaskUpdated;
import vn.dondoc.events.TaskReported;
import vn.dondoc.events.UnitRole;
import vn.dondoc.task.deadlines.VietnameseText;
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

    /** Sorts tasks without a due instant after all others. */
    static final Instant NO_DUE = Instant.parse("9999-12-31T00:00:00Z");

    @Id
    private final String id;
    private String title;
    private final List<UnitAssignment> units;
    private String expectedOutput;
    private Deadline deadline;
    /** Why a person should look at the deadline's reading ({@code needsReview}); empty when it is certain. */
    private List<String> deadlineNotes;
    private ReminderPolicy policy;
    private final SourceDocument source;
    private final Instant createdAt;
    private Instant completedAt;
    private Boolean completedOnTime;
    private Instant cancelledAt;
    private String cancelReason;
    /** Derived, for queries: the title folded (lower case, no diacritics) and the due instant or {@link #NO_DUE}. */
    private String searchTitle;
    private Instant sortDue;

    @PersistenceCreator
    private Task(String id, String title, List<UnitAssignment> units, String expectedOutput, Deadline deadline,
                 List<String> deadlineNotes, ReminderPolicy policy, SourceDocument source, Instant createdAt,
                 Instant completedAt, Boolean completedOnTime, Instant cancelledAt, String cancelReason) {
        this.id = id;
        this.title = title;
        this.units = new ArrayList<>(units);
        this.expectedOutput = expectedOutput;
        this.deadline = deadline;
        this.deadlineNotes = deadlineNotes == null ? List.of() : List.copyOf(deadlineNotes);
        this.policy = policy;
        this.source = source;
        this.createdAt = createdAt;
        this.completedAt = completedAt;
        this.completedOnTime = completedOnTime;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        derive();
    }

    private void derive() {
        searchTitle = VietnameseText.fold(VietnameseText.normalize(title == null ? "" : title));
        sortDue = deadline == null || deadline.dueAt() == null ? NO_DUE : deadline.dueAt();
    }

    /**
     * Gives a new task to its units. A unit named both as lead and as coordinating unit is a lead unit: the lead
     * answers for the task, so coordinating adds nothing.
     */
    static Task assign(TaskId id, String title, List<UnitCode> leadUnits, List<UnitCode> coordinatingUnits,
                       String expectedOutput, Deadline deadline, ReminderPolicy policy, SourceDocument source,
                       Clock clock) {
        return assign(id, title, leadUnits, coordinatingUnits, expectedOutput, deadline, List.of(), policy, source,
                clock);
    }

    /** @param deadlineNotes why the deadline's reading needs a person's review, if it does */
    static Task assign(TaskId id, String title, List<UnitCode> leadUnits, List<UnitCode> coordinatingUnits,
                       String expectedOutput, Deadline deadline, List<String> deadlineNotes, ReminderPolicy policy,
                       SourceDocument source, Clock clock) {
        Objects.requireNonNull(deadline, "deadline");
        Instant now = now(clock);
        var task = new Task(id.value(), title, assignments(leadUnits, coordinatingUnits, List.of()), expectedOutput,
                deadline, deadlineNotes, policy == null ? ReminderPolicy.defaults() : policy, source, now, null, null,
                null, null);
        task.record(new TaskAssigned(task.id, title, task.unitCodes(UnitRole.LEAD), task.unitCodes(UnitRole.COORDINATING),
                expectedOutput, deadline, task.policy, source, now));
        return task;
    }

    /** The units in their roles, keeping how far each unit that stays on the task has got. */
    private static List<UnitAssignment> assignments(List<UnitCode> leadUnits, List<UnitCode> coordinatingUnits,
                                                    List<UnitAssignment> before) {
        var leads = new LinkedHashSet<>(leadUnits.stream().map(UnitCode::value).toList());
        if (leads.isEmpty()) {
            throw new IllegalArgumentException("A task needs at least one lead unit");
        }
        var coordinating = new LinkedHashSet<>(coordinatingUnits.stream().map(UnitCode::value).toList());
        coordinating.removeAll(leads);
        List<UnitAssignment> units = new ArrayList<>();
        leads.forEach(code -> units.add(kept(code, UnitRole.LEAD, before)));
        coordinating.forEach(code -> units.add(kept(code, UnitRole.COORDINATING, before)));
        return units;
    }

    private static UnitAssignment kept(String code, UnitRole role, List<UnitAssignment> before) {
        return before.stream().filter(unit -> unit.code().equals(code)).findFirst()
                .map(unit -> new UnitAssignment(code, role, role == UnitRole.LEAD || unit.state() != UnitState.REPORTED
                        ? unit.state() : UnitState.ACKNOWLEDGED, unit.acknowledgedAt(),
                        role == UnitRole.LEAD ? unit.reportedAt() : null))
                .orElseGet(() -> UnitAssignment.assigned(code, role));
    }

    /**
     * Changes what the task is: title, units, output, deadline and policy, all given (unchanged ones as they are).
     * Units that stay keep their progress. Nothing changed, nothing told.
     */
    void update(String newTitle, List<UnitCode> leadUnits, List<UnitCode> coordinatingUnits, String newOutput,
                Deadline newDeadline, List<String> newDeadlineNotes, ReminderPolicy newPolicy, Clock clock) {
        requireOpen(clock);
        var newUnits = assignments(leadUnits, coordinatingUnits, units);
        var policyInForce = newPolicy == null ? policy : newPolicy;
        if (Objects.equals(newTitle, title) && newUnits.equals(units) && Objects.equals(newOutput, expectedOutput)
                && Objects.equals(newDeadline, deadline) && Objects.equals(policyInForce, policy)) {
            return;
        }
        title = newTitle;
        units.clear();
        units.addAll(newUnits);
        expectedOutput = newOutput;
        deadline = newDeadline;
        deadlineNotes = List.copyOf(newDeadlineNotes);
        policy = policyInForce;
        derive();
        Instant now = now(clock);
        record(new TaskUpdated(id, title, unitCodes(UnitRole.LEAD), unitCodes(UnitRole.COORDINATING), expectedOutput,
                deadline, policy, source, now));
        completeIfAllLeadsReported(now);
    }

    /** Moves the deadline (usually later), with the reason, which the admin must give. */
    void extend(Deadline newDeadline, List<String> newDeadlineNotes, String reason, Clock clock) {
        requireOpen(clock);
        if (newDeadline.equals(deadline)) {
            return;
        }
        var previous = deadline;
        deadline = newDeadline;
        deadlineNotes = List.copyOf(newDeadlineNotes);
        derive();
        record(new DeadlineExtended(id, previous, deadline, reason, now(clock)));
    }

    /**
     * Opens a cancelled or completed task again: lead units that had reported are back to acknowledged, so their
     * part is open again.
     */
    void reopen(String reason, Clock clock) {
        if (cancelledAt == null && completedAt == null) {
            throw new TaskNotClosed(taskId(), status(clock));
        }
        cancelledAt = null;
        cancelReason = null;
        completedAt = null;
        completedOnTime = null;
        units.replaceAll(unit -> unit.state() == UnitState.REPORTED
                ? new UnitAssignment(unit.code(), unit.role(), UnitState.ACKNOWLEDGED, unit.acknowledgedAt(), null)
                : unit);
        record(new TaskReopened(id, reason, now(clock)));
    }

    private void completeIfAllLeadsReported(Instant now) {
        if (completedAt == null
                && units.stream().filter(UnitAssignment::isLead).allMatch(u -> u.state() == UnitState.REPORTED)) {
            completedAt = now;
            completedOnTime = deadline.dueAt() == null || !now.isAfter(deadline.dueAt());
            record(new TaskCompleted(id, now, completedOnTime));
        }
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
        completeIfAllLeadsReported(now);
    }

    /**
     * An admin does not accept a lead unit's report: the unit is back to acknowledged, and a task that report had
     * completed is open again. Only a report can be rejected; a cancelled task stays cancelled.
     */
    void rejectReport(UnitCode unit, String reason, Clock clock) {
        if (cancelledAt != null) {
            throw new TaskClosed(taskId(), status(clock));
        }
        int at = indexOf(unit);
        var assignment = units.get(at);
        if (assignment.state() != UnitState.REPORTED) {
            throw new UnitNotOnTask(taskId(), unit.value(), "has not reported");
        }
        completedAt = null;
        completedOnTime = null;
        units.set(at, new UnitAssignment(assignment.code(), assignment.role(), UnitState.ACKNOWLEDGED,
                assignment.acknowledgedAt(), null));
        record(new ReportRejected(id, unit.value(), reason, now(clock)));
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

    List<String> deadlineNotes() {
        return deadlineNotes;
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
