package vn.dondoc.task.tasks;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.dondoc.events.SourceDocument;

/**
 * Assigns the rows of a confirmed plan-table import through the same checks as {@code POST /api/tasks}, each
 * under an id derived from the import and the row, so that confirming again can never assign a row twice.
 */
@Service
public class PlannedTasks {

    private final Assignments assignments;
    private final Tasks tasks;
    private final Validator validator;

    PlannedTasks(Assignments assignments, Tasks tasks, Validator validator) {
        this.assignments = assignments;
        this.tasks = tasks;
        this.validator = validator;
    }

    /** A row as reviewed: the deadline is the document's words, or a day the admin set instead. */
    public record PlannedTask(String id, String title, List<String> leadUnits, List<String> coordinatingUnits,
                              String expectedOutput, LocalDate deadlineDate, String deadlineText,
                              SourceDocument source) {
    }

    /** Why a planned task cannot be assigned, in Vietnamese; nothing was stored. */
    public static final class PlannedTaskRefused extends RuntimeException {
        public PlannedTaskRefused(String reason) {
            super(reason);
        }
    }

    /** Why it would be refused, or null when it can be assigned. Stores nothing. */
    public String problem(PlannedTask planned) {
        try {
            var request = request(planned);
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                return violations.stream().map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; "));
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "Dữ liệu không hợp lệ: " + e.getMessage();
        }
    }

    /** Assigns the task; false when a task with its id was assigned already (nothing changes then). */
    public boolean assign(PlannedTask planned) {
        var id = new TaskId(planned.id());
        if (tasks.find(id).isPresent()) {
            return false;
        }
        String problem = problem(planned);
        if (problem != null) {
            throw new PlannedTaskRefused(problem);
        }
        try {
            assignments.assignAs(id, request(planned));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (UnknownUnits e) {
            throw new PlannedTaskRefused("Chưa có trong danh bạ đơn vị: " + String.join(", ", e.codes()));
        } catch (DeadlineNotUnderstood e) {
            throw new PlannedTaskRefused(e.reason() + ": \"" + e.text() + "\"");
        }
    }

    private static NewTask request(PlannedTask planned) {
        var deadline = planned.deadlineText() != null && !planned.deadlineText().isBlank()
                ? new DeadlineInput(null, null, planned.deadlineText())
                : new DeadlineInput(planned.deadlineDate(), null, null);
        return new NewTask(planned.title(), planned.leadUnits(), planned.coordinatingUnits(), planned.expectedOutput(),
                deadline, null, planned.source());
    }
}
