package vn.dondoc.task.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import vn.dondoc.events.Deadline;
import vn.dondoc.events.SourceDocument;
import vn.dondoc.events.UnitRole;
import vn.dondoc.task.units.UnitCode;

/**
 * What a unit may do with its task from outside the admin API (the signed links): look at it, acknowledge it,
 * report its part done; and an admin's rejection of a report. Each answer is one single-document write with its
 * events; a write that lost a race with another is tried again on the fresh state, which is safe because every
 * answer is idempotent.
 */
@Service
public class UnitAnswers {

    private static final int ATTEMPTS = 5;

    private final Tasks tasks;
    private final Clock clock;

    UnitAnswers(Tasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Who answered and how, for the audit trail of the events. */
    public record Answerer(String channel, String remoteAddress, String userAgent) {
    }

    /** A task as a unit's page shows it. */
    public record TaskSnapshot(String id, String title, SourceDocument source, Deadline deadline, TaskStatus status,
                               boolean cancelled, boolean completed, Instant completedAt, List<UnitProgress> units) {

        public Optional<UnitProgress> unit(String code) {
            return units.stream().filter(unit -> unit.code().equals(code)).findFirst();
        }
    }

    /** How far one unit has got: {@code acknowledgedAt} and {@code reportedAt} are null until it has. */
    public record UnitProgress(String code, UnitRole role, Instant acknowledgedAt, Instant reportedAt) {

        public boolean lead() {
            return role == UnitRole.LEAD;
        }

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }

        public boolean reported() {
            return reportedAt != null;
        }
    }

    /** Why an answer was not taken; nothing changed. */
    public static final class AnswerRefused extends RuntimeException {

        public enum Why { NO_SUCH_TASK, UNIT_NOT_ON_TASK, NOT_A_LEAD_UNIT, TASK_CANCELLED, TASK_COMPLETED, NOT_REPORTED }

        private final Why why;

        AnswerRefused(Why why, String detail) {
            super(why + ": " + detail);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    public Optional<TaskSnapshot> find(String taskId) {
        return load(taskId).map(this::snapshot);
    }

    public TaskSnapshot acknowledge(String taskId, String unit, Answerer who) {
        return change(taskId, unit, task -> task.acknowledge(UnitCode.of(unit), origin(who), clock));
    }

    public TaskSnapshot report(String taskId, String unit, String note, String document, Answerer who) {
        return change(taskId, unit, task -> {
            var assignment = task.units().stream().filter(u -> u.code().equals(unit)).findFirst().orElseThrow();
            if (!assignment.isLead()) {
                throw new AnswerRefused(AnswerRefused.Why.NOT_A_LEAD_UNIT, unit + " on " + taskId);
            }
            task.report(UnitCode.of(unit), note, document, origin(who), clock);
        });
    }

    public TaskSnapshot rejectReport(String taskId, String unit, String reason) {
        return change(taskId, unit, task -> {
            var assignment = task.units().stream().filter(u -> u.code().equals(unit)).findFirst().orElseThrow();
            if (assignment.state() != UnitState.REPORTED) {
                throw new AnswerRefused(AnswerRefused.Why.NOT_REPORTED, unit + " on " + taskId);
            }
            task.rejectReport(UnitCode.of(unit), reason, clock);
        });
    }

    private TaskSnapshot change(String taskId, String unit, Consumer<Task> change) {
        for (int attempt = 1; ; attempt++) {
            var task = load(taskId).orElseThrow(() -> new AnswerRefused(AnswerRefused.Why.NO_SUCH_TASK, taskId));
            if (!UnitCode.isValid(unit) || task.units().stream().noneMatch(u -> u.code().equals(unit))) {
                throw new AnswerRefused(AnswerRefused.Why.UNIT_NOT_ON_TASK, unit + " on " + taskId);
            }
            if (task.cancelledAt() != null) {
                throw new AnswerRefused(AnswerRefused.Why.TASK_CANCELLED, taskId);
            }
            try {
                change.accept(task);
            } catch (TaskClosed e) {
                // completed: answering again shows how things stand rather than an error
                return snapshot(task);
            }
            try {
                tasks.save(task);
                return snapshot(task);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<Task> load(String taskId) {
        return TaskId.isValid(taskId) ? tasks.find(new TaskId(taskId)) : Optional.empty();
    }

    private static Origin origin(Answerer who) {
        return new Origin(who.channel(), who.remoteAddress(), who.userAgent());
    }

    private TaskSnapshot snapshot(Task task) {
        return new TaskSnapshot(task.id(), task.title(), task.source(), task.deadline(), task.status(clock),
                task.cancelledAt() != null, task.completedAt() != null, task.completedAt(),
                task.units().stream().map(u -> new UnitProgress(u.code(), u.role(), u.acknowledgedAt(), u.reportedAt()))
                        .toList());
    }
}
